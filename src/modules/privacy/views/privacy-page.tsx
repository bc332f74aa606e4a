import { Breadcrumbs, PageHeading } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { getCurrentPrivacyNotices } from '../get-current-privacy-notices.js';

type Notices = Awaited<ReturnType<typeof getCurrentPrivacyNotices>>;
type Notice = NonNullable<Notices['integral']>;

function NoticeSection(props: { notice: Notice; title: string; id: string }) {
  const { t, format } = usePage();
  return (
    <section aria-labelledby={props.id} class="document" id={`aviso-${props.notice.kind}`}>
      <h2 id={props.id}>{props.title}</h2>
      <p class="hint">
        {t('privacy.version', { version: props.notice.version, date: format.date(props.notice.publishedAt) })}
      </p>
      <p>
        <strong>{t('privacy.responsible')}:</strong> {props.notice.responsible}
      </p>
      {props.notice.body.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </section>
  );
}

export function PrivacyPage(props: { notices: Notices }) {
  const { t } = usePage();
  const { integral, simplified } = props.notices;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('privacy.title') }]} />
      <PageHeading title={t('privacy.title')} />
      {!integral && !simplified ? <p>{t('privacy.none')}</p> : null}
      {simplified ? (
        <NoticeSection notice={simplified} title={t('privacy.simplified')} id="simplified-heading" />
      ) : null}
      {integral ? <NoticeSection notice={integral} title={t('privacy.integral')} id="integral-heading" /> : null}
      <section aria-labelledby="cancel-heading" id="cancelacion">
        <h2 id="cancel-heading">{t('privacy.cancel.noticeTitle')}</h2>
        <p>{t('privacy.cancel.body')}</p>
        <p>{t('privacy.cancel.publicActs')}</p>
      </section>
    </>
  );
}
