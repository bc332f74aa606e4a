import { Alert, Breadcrumbs, ButtonLink, PageHeading, ProgressBar, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { MailingProgress } from '../get-mailing-progress.js';

/** How a next-step mailing is going: figures, a bar, and every failure with its last error. */
export function MailingProgressPage(props: {
  call: { id: string; title: string };
  progress: MailingProgress;
  notice?: string | undefined;
}) {
  const { t, format } = usePage();
  const { mailing, counts, failures } = props.progress;
  const base = `/admin/convocatorias/${props.call.id}`;
  const figures = [
    { key: 'sent', label: t('mailing.progress.sent'), value: counts.sent },
    { key: 'pending', label: t('mailing.progress.pending'), value: counts.pending },
    { key: 'failed', label: t('mailing.progress.failed'), value: counts.failed },
    ...(counts.removed > 0 ? [{ key: 'removed', label: t('mailing.progress.removed'), value: counts.removed }] : []),
    { key: 'total', label: t('mailing.progress.total'), value: counts.total },
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/convocatorias', label: t('calls.admin.title') },
          { href: base, label: props.call.title },
          { label: t('mailing.progress.title') },
        ]}
      />
      <PageHeading
        title={t('mailing.progress.title')}
        lead={t('mailing.progress.lead', { date: format.dateTime(mailing.createdAt) })}
      />
      {props.notice ? (
        <Alert kind="info">
          <p>{props.notice}</p>
        </Alert>
      ) : null}
      {mailing.isQueueing ? (
        <Alert kind="info">
          <p>{t('mailing.progress.queueing')}</p>
        </Alert>
      ) : null}
      <dl class="meta-list" data-mailing-counts>
        {figures.map((figure) => (
          <div key={figure.key} data-count={figure.key}>
            <dt>{figure.label}</dt>
            <dd class="reference">
              <strong>{format.number(figure.value)}</strong>
            </dd>
          </div>
        ))}
      </dl>
      <ProgressBar
        id="mailing-progress"
        value={counts.total === 0 ? 0 : (counts.sent / counts.total) * 100}
        label={t('mailing.progress.bar', { sent: format.number(counts.sent), total: format.number(counts.total) })}
      />
      <p class="hint">{t('mailing.progress.note')}</p>
      <div class="actions">
        <ButtonLink href={`${base}/envios/${mailing.id}`} variant="secondary">
          {t('mailing.progress.refresh')}
        </ButtonLink>
        <ButtonLink href="/admin/correo" variant="secondary">
          {t('mailing.progress.outbox')}
        </ButtonLink>
      </div>
      <section aria-labelledby="failures-heading">
        <h2 id="failures-heading">{t('mailing.progress.failures')}</h2>
        {failures.length === 0 ? (
          <p>{t('mailing.progress.noFailures')}</p>
        ) : (
          <>
            <Table
              caption={t('mailing.progress.failuresCaption')}
              rows={failures}
              rowKey={(f) => f.emailId}
              columns={[
                { header: t('mailing.progress.person'), cell: (f) => f.name },
                { header: t('mailing.progress.address'), cell: (f) => f.to },
                { header: t('mailing.progress.attempts'), cell: (f) => format.number(f.attempts), isNumeric: true },
                { header: t('mailing.progress.lastError'), cell: (f) => f.lastError ?? '—' },
              ]}
            />
            {props.progress.hasMoreFailures ? (
              <p class="hint">{t('mailing.progress.moreFailures', { count: format.number(failures.length) })}</p>
            ) : null}
          </>
        )}
      </section>
      <section class="panel" aria-labelledby="message-heading">
        <h2 id="message-heading">{t('mailing.progress.message')}</h2>
        <h3>{t('mailing.spanish')}</h3>
        <p>
          <strong>{mailing.subjectEs}</strong>
        </p>
        <p class="prewrap">{mailing.bodyEs}</p>
        <h3>{t('mailing.english')}</h3>
        <div lang="en">
          <p>
            <strong>{mailing.subjectEn}</strong>
          </p>
          <p class="prewrap">{mailing.bodyEn}</p>
        </div>
      </section>
      <p>
        <a href={base}>{t('mailing.progress.back')}</a>
      </p>
    </>
  );
}
