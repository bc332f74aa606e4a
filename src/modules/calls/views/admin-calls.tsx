import { Alert, Breadcrumbs, ButtonLink, PageHeading, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { CallListEntry } from '../list-calls.js';
import { AdminCallStatus } from './admin-call-status.js';

/** Every call of every exercise, with its status and its window. */
export function AdminCallsPage(props: {
  calls: CallListEntry[];
  zone: string;
  now: Date;
  notice?: string | undefined;
}) {
  const { t, format } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { label: t('calls.admin.title') },
        ]}
      />
      <PageHeading title={t('calls.admin.title')} lead={t('calls.admin.lead', { zone: props.zone })} />
      {props.notice ? (
        <Alert kind="success">
          <p>{props.notice}</p>
        </Alert>
      ) : null}
      <div class="actions">
        <ButtonLink href="/admin/convocatorias/nueva">{t('calls.admin.new')}</ButtonLink>
      </div>
      {props.calls.length === 0 ? (
        <p>{t('calls.admin.none')}</p>
      ) : (
        <Table
          caption={t('calls.admin.caption')}
          rows={props.calls}
          rowKey={(call) => call.id}
          columns={[
            {
              header: t('calls.admin.column.call'),
              cell: (call) => <a href={`/admin/convocatorias/${call.id}`}>{call.title}</a>,
            },
            { header: t('calls.admin.column.exercise'), cell: (call) => call.exercise.title },
            { header: t('calls.admin.column.status'), cell: (call) => <AdminCallStatus call={call} now={props.now} /> },
            {
              header: t('calls.admin.column.window'),
              cell: (call) =>
                t('calls.admin.window', {
                  opens: format.dateTime(call.opensAt),
                  closes: format.dateTime(call.closesAt),
                }),
            },
          ]}
        />
      )}
    </>
  );
}
