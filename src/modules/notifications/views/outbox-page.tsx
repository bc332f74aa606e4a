import { Fragment } from 'preact';
import {
  Alert,
  Breadcrumbs,
  CsrfField,
  PageHeading,
  Pagination,
  StatusBadge,
  Table,
  type BadgeTone,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { EmailRecord } from '../get-email.js';
import type { EmailList, EmailListEntry } from '../list-emails.js';
import { emailStatuses, type EmailStatus } from '../schema.js';
import { templateNames } from '../templates.js';

const tones: Record<EmailStatus, BadgeTone> = { queued: 'info', sending: 'warning', sent: 'success', failed: 'danger' };

export const outboxHref = (status: EmailStatus | undefined, page = 1) => {
  const query = [status ? `estado=${status}` : '', page > 1 ? `pagina=${page}` : ''].filter(Boolean).join('&');
  return `/admin/correo${query ? `?${query}` : ''}`;
};

function EmailStatusBadge(props: { status: EmailStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={tones[props.status]}>{t(`notifications.status.${props.status}`)}</StatusBadge>;
}

const isListedTemplate = (template: string): template is (typeof templateNames)[number] =>
  (templateNames as readonly string[]).includes(template);

function useTemplateLabel() {
  const { t } = usePage();
  return (template: string) => (isListedTemplate(template) ? t(`notifications.template.${template}`) : template);
}

function OutboxCrumbs(props: { current?: string }) {
  const { t } = usePage();
  return (
    <Breadcrumbs
      items={[
        { href: '/', label: t('nav.home') },
        { href: '/admin', label: t('accounts.admin.title') },
        ...(props.current
          ? [{ href: '/admin/correo', label: t('notifications.outbox.title') }, { label: props.current }]
          : [{ label: t('notifications.outbox.title') }]),
      ]}
    />
  );
}

/** Every e-mail of the portal for admins: the outbox when there is no SMTP server, the delivery log when there is. */
export interface OutboxPageProps {
  list: EmailList;
  status: EmailStatus | undefined;
  isDelivering: boolean;
  /** EMAIL_RETRY_HORIZON_HOURS. */
  retryHorizonHours: number;
  /** The oldest unsent e-mail is over an hour old (only said while e-mail is being delivered). */
  isLate: boolean;
  /** How many failed e-mails the admin just queued again. */
  retried?: number;
}

/** Failed e-mails can be queued again in one go, by an admin. */
function RetryFailedForm(props: { count: number }) {
  const { t, format } = usePage();
  return (
    <form method="post" action="/admin/correo/reintentar-fallidos" class="stack">
      <CsrfField />
      <p class="hint">{t('notifications.outbox.retryFailedHint')}</p>
      <p>
        <button type="submit" class="button">
          {t('notifications.outbox.retryFailed', { count: format.number(props.count) })}
        </button>
      </p>
    </form>
  );
}

function StatusCell(props: { email: EmailListEntry }) {
  const { t, format } = usePage();
  const { email } = props;
  return (
    <>
      <EmailStatusBadge status={email.status} />
      {email.status === 'queued' && email.nextAttemptAt ? (
        <>
          {' '}
          <span class="hint">
            {t('notifications.outbox.nextAttempt', { date: format.dateTime(email.nextAttemptAt) })}
          </span>
        </>
      ) : null}
    </>
  );
}

export function OutboxPage(props: OutboxPageProps) {
  const { t, format } = usePage();
  const templateLabel = useTemplateLabel();
  const { list } = props;
  const all = Object.values(list.counts).reduce((sum, n) => sum + n, 0);
  const filters: { status: EmailStatus | undefined; label: string; count: number }[] = [
    { status: undefined, label: t('notifications.outbox.all'), count: all },
    ...emailStatuses.map((status) => ({
      status,
      label: t(`notifications.status.${status}`),
      count: list.counts[status],
    })),
  ];
  return (
    <>
      <OutboxCrumbs />
      <PageHeading title={t('notifications.outbox.title')} lead={t('notifications.outbox.lead')} />
      {props.retried !== undefined ? (
        <Alert kind="success">
          <p>{t('notifications.outbox.retried', { count: format.number(props.retried) })}</p>
        </Alert>
      ) : null}
      {props.isDelivering ? null : (
        <Alert kind="info">
          <p>{t('notifications.outbox.noSmtp')}</p>
        </Alert>
      )}
      {props.isLate && list.oldestUnsentAt ? (
        <Alert kind="warning" title={t('notifications.outbox.alarmTitle')}>
          <p>{t('notifications.outbox.alarm', { date: format.dateTime(list.oldestUnsentAt) })}</p>
        </Alert>
      ) : null}
      <p>{t('notifications.outbox.horizon', { hours: format.number(props.retryHorizonHours) })}</p>
      {list.counts.failed > 0 ? <RetryFailedForm count={list.counts.failed} /> : null}
      <nav aria-labelledby="outbox-filter">
        <h2 id="outbox-filter" class="visually-hidden">
          {t('notifications.outbox.filter')}
        </h2>
        <ul class="inline-list">
          {filters.map((filter) => (
            <li key={filter.status ?? 'all'}>
              <a href={outboxHref(filter.status)} aria-current={filter.status === props.status ? 'page' : undefined}>
                {filter.label} ({format.number(filter.count)})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {list.rows.length === 0 ? (
        <p>{t('notifications.outbox.empty')}</p>
      ) : (
        <Table<EmailListEntry>
          caption={t('notifications.outbox.caption', {
            shown: format.number(list.rows.length),
            total: format.number(list.total),
          })}
          rows={list.rows}
          rowKey={(email) => email.id}
          columns={[
            {
              header: t('notifications.outbox.date'),
              cell: (email) => <time dateTime={email.createdAt.toISOString()}>{format.dateTime(email.createdAt)}</time>,
            },
            { header: t('notifications.outbox.to'), cell: (email) => email.toAddress },
            {
              header: t('notifications.outbox.subject'),
              cell: (email) => <a href={`/admin/correo/${email.id}`}>{email.subject}</a>,
            },
            { header: t('notifications.outbox.template'), cell: (email) => templateLabel(email.template) },
            { header: t('notifications.outbox.status'), cell: (email) => <StatusCell email={email} /> },
            {
              header: t('notifications.outbox.attempts'),
              cell: (email) => format.number(email.attempts),
              isNumeric: true,
            },
            { header: t('notifications.outbox.lastError'), cell: (email) => email.lastError ?? '' },
          ]}
        />
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={(page) => outboxHref(props.status, page)} />
    </>
  );
}

/**
 * One e-mail as it was sent: its details and its plain text; the HTML is linked as text (the CSP forbids inline
 * styles).
 */
export function EmailPage(props: { email: EmailRecord }) {
  const { t, format } = usePage();
  const templateLabel = useTemplateLabel();
  const { email } = props;
  return (
    <>
      <OutboxCrumbs current={email.subject} />
      <PageHeading title={email.subject} />
      <section class="panel" aria-labelledby="email-details">
        <h2 id="email-details">{t('notifications.email.details')}</h2>
        <dl class="meta-list">
          <div>
            <dt>{t('notifications.outbox.to')}</dt>
            <dd>{email.toAddress}</dd>
          </div>
          <div>
            <dt>{t('notifications.outbox.status')}</dt>
            <dd>
              <EmailStatusBadge status={email.status} />
            </dd>
          </div>
          <div>
            <dt>{t('notifications.outbox.template')}</dt>
            <dd>{templateLabel(email.template)}</dd>
          </div>
          <div>
            <dt>{t('notifications.email.language')}</dt>
            <dd>{email.locale === 'en' ? 'English' : 'Español'}</dd>
          </div>
          <div>
            <dt>{t('notifications.outbox.date')}</dt>
            <dd>
              <time dateTime={email.createdAt.toISOString()}>{format.dateTime(email.createdAt)}</time>
            </dd>
          </div>
          {email.sentAt ? (
            <div>
              <dt>{t('notifications.email.sentAt')}</dt>
              <dd>
                <time dateTime={email.sentAt.toISOString()}>{format.dateTime(email.sentAt)}</time>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('notifications.outbox.attempts')}</dt>
            <dd>{format.number(email.attempts)}</dd>
          </div>
          {email.lastError ? (
            <div>
              <dt>{t('notifications.outbox.lastError')}</dt>
              <dd>{email.lastError}</dd>
            </div>
          ) : null}
          {email.messageId ? (
            <div>
              <dt>{t('notifications.email.messageId')}</dt>
              <dd>
                <code>{email.messageId}</code>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="email-text">
        <h2 id="email-text">{t('notifications.email.text')}</h2>
        {/* Paragraphs wrap on a phone; a long link scrolls inside this region instead of widening the page. */}
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="email-text" lang={email.locale}>
          {email.text
            .split(/\n{2,}/)
            .filter((paragraph) => paragraph.trim())
            .map((paragraph, index) => (
              <p key={index}>
                {paragraph.split('\n').map((line, lineIndex) => (
                  <Fragment key={lineIndex}>
                    {lineIndex > 0 ? <br /> : null}
                    {line}
                  </Fragment>
                ))}
              </p>
            ))}
        </div>
        <p>
          <a href={`/admin/correo/${email.id}/html`}>{t('notifications.email.html')}</a>
        </p>
      </section>
      <p>
        <a href="/admin/correo">{t('notifications.email.back')}</a>
      </p>
    </>
  );
}
