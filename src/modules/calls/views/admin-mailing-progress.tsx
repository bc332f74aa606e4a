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
    { key: 'sent', label: t('calls.progress.sent'), value: counts.sent },
    { key: 'pending', label: t('calls.progress.pending'), value: counts.pending },
    { key: 'failed', label: t('calls.progress.failed'), value: counts.failed },
    ...(counts.removed > 0 ? [{ key: 'removed', label: t('calls.progress.removed'), value: counts.removed }] : []),
    { key: 'total', label: t('calls.progress.total'), value: counts.total },
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/convocatorias', label: t('calls.admin.title') },
          { href: base, label: props.call.title },
          { label: t('calls.progress.title') },
        ]}
      />
      <PageHeading
        title={t('calls.progress.title')}
        lead={t('calls.progress.lead', { date: format.dateTime(mailing.createdAt) })}
      />
      {props.notice ? (
        <Alert kind="info">
          <p>{props.notice}</p>
        </Alert>
      ) : null}
      {mailing.isQueueing ? (
        <Alert kind="info">
          <p>{t('calls.progress.queueing')}</p>
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
        label={t('calls.progress.bar', { sent: format.number(counts.sent), total: format.number(counts.total) })}
      />
      <p class="hint">{t('calls.progress.note')}</p>
      <div class="actions">
        <ButtonLink href={`${base}/envios/${mailing.id}`} variant="secondary">
          {t('calls.progress.refresh')}
        </ButtonLink>
        <ButtonLink href="/admin/correo" variant="secondary">
          {t('calls.progress.outbox')}
        </ButtonLink>
      </div>
      <section aria-labelledby="failures-heading">
        <h2 id="failures-heading">{t('calls.progress.failures')}</h2>
        {failures.length === 0 ? (
          <p>{t('calls.progress.noFailures')}</p>
        ) : (
          <>
            <Table
              caption={t('calls.progress.failuresCaption')}
              rows={failures}
              rowKey={(f) => f.emailId}
              columns={[
                { header: t('calls.progress.person'), cell: (f) => f.name },
                { header: t('calls.progress.address'), cell: (f) => f.to },
                { header: t('calls.progress.attempts'), cell: (f) => format.number(f.attempts), isNumeric: true },
                { header: t('calls.progress.lastError'), cell: (f) => f.lastError ?? '—' },
              ]}
            />
            {props.progress.hasMoreFailures ? (
              <p class="hint">{t('calls.progress.moreFailures', { count: format.number(failures.length) })}</p>
            ) : null}
          </>
        )}
      </section>
      <section class="panel" aria-labelledby="message-heading">
        <h2 id="message-heading">{t('calls.progress.message')}</h2>
        <h3>{t('calls.mailing.spanish')}</h3>
        <p>
          <strong>{mailing.subjectEs}</strong>
        </p>
        <p class="prewrap">{mailing.bodyEs}</p>
        <h3>{t('calls.mailing.english')}</h3>
        <div lang="en">
          <p>
            <strong>{mailing.subjectEn}</strong>
          </p>
          <p class="prewrap">{mailing.bodyEn}</p>
        </div>
      </section>
      <p>
        <a href={base}>{t('calls.progress.back')}</a>
      </p>
    </>
  );
}
