import { Breadcrumbs, PageHeading } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { ExerciseSummary } from '../../exercises/list-exercises.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';

const stages = [
  { key: 'call', link: (slug: string) => `/ejercicios/${slug}/convocatoria`, linkText: 'site.participate.call.link' },
  {
    key: 'diagnosis',
    link: (slug: string) => `/ejercicios/${slug}/problemas`,
    linkText: 'site.participate.diagnosis.link',
  },
  { key: 'cocreation' },
  {
    key: 'implementation',
    link: (slug: string) => `/ejercicios/${slug}/plan`,
    linkText: 'site.participate.implementation.link',
  },
  { key: 'evaluation' },
] as const satisfies readonly { key: string; link?: (slug: string) => string; linkText?: MessageKey }[];

/** /como-participo: what a resident can do at each stage of an exercise, and where to do it now. */
export function ParticipatePage(props: { current: ExerciseSummary | undefined }) {
  const { t } = usePage();
  const slug = props.current?.slug;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('site.participate.title') }]} />
      <PageHeading title={t('site.participate.title')} lead={t('site.participate.lead')} />
      {props.current ? (
        <p class="panel panel--highlight">
          {t('site.participate.now', {
            exercise: props.current.title,
            phase: t(`phaseNow.${props.current.phase}`),
          })}
        </p>
      ) : null}
      {stages.map((stage) => (
        <section key={stage.key} aria-labelledby={`stage-${stage.key}`}>
          <h2 id={`stage-${stage.key}`}>{t(`site.participate.${stage.key}.title`)}</h2>
          <p>{t(`site.participate.${stage.key}.body`)}</p>
          {slug && 'link' in stage ? (
            <p>
              <a href={stage.link(slug)}>{t(stage.linkText)}</a>
            </p>
          ) : null}
        </section>
      ))}
      <section aria-labelledby="stage-always">
        <h2 id="stage-always">{t('site.participate.always.title')}</h2>
        <p>{t('site.participate.always.body')}</p>
        <ul>
          <li>
            <a href="/municipios">{t('site.participate.municipality')}</a>
          </li>
          <li>
            <a href="/datos">{t('site.participate.openData')}</a>
          </li>
          <li>
            <a href="/contacto">{t('site.participate.contact')}</a>
          </li>
          <li>
            <a href="/privacidad">{t('site.participate.privacy')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
