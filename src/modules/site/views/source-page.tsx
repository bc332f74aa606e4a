import { Breadcrumbs, PageHeading } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';

/** What the AGPL asks of a portal used over a network: say it is free software and where its source is. */
export function SourcePage(props: { sourceUrl: string | undefined }) {
  const { t, siteName } = usePage();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('source.title') }]} />
      <PageHeading title={t('source.title')} lead={t('source.lead', { site: siteName })} />
      <p>{t('source.why')}</p>
      {props.sourceUrl ? (
        <p>
          {t('source.repository')} <a href={props.sourceUrl}>{props.sourceUrl}</a>
        </p>
      ) : (
        <p>{t('source.noRepository')}</p>
      )}
      <p>
        <a href="/codigo-fuente/licencia.txt" hrefLang="en" type="text/plain">
          {t('source.licence')}
        </a>
      </p>
    </>
  );
}
