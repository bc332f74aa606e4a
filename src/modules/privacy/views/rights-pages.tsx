import {
  Alert,
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  PageHeading,
  RadioGroup,
  StatusBadge,
  Table,
  TextArea,
  TextField,
  type BadgeTone,
  Notices,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { arcoKinds, privacyNoticeKinds } from '../schema.js';
import { arcoDeadline, type ArcoRequestRow } from '../list-arco-requests.js';
import type { FormState } from '../../../web/forms.js';

const statusTone: Record<ArcoRequestRow['status'], BadgeTone> = {
  received: 'info',
  extended: 'warning',
  answered: 'success',
  rejected: 'neutral',
};

function ArcoStatus(props: { request: ArcoRequestRow; today: string }) {
  const { t } = usePage();
  const isOpen = props.request.status === 'received' || props.request.status === 'extended';
  return (
    <>
      <StatusBadge tone={statusTone[props.request.status]}>
        {t(`privacy.arco.status.${props.request.status}`)}
      </StatusBadge>
      {isOpen && arcoDeadline(props.request) < props.today ? (
        <>
          {' '}
          <StatusBadge tone="danger">{t('privacy.arco.overdue')}</StatusBadge>
        </>
      ) : null}
    </>
  );
}

export function RightsPage(props: {
  requests: ArcoRequestRow[];
  form: FormState;
  notice?: string | undefined;
  today: string;
}) {
  const { t, format } = usePage();
  const { values, errors, summary } = props.form;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/cuenta', label: t('layout.account') },
          { label: t('privacy.rights.title') },
        ]}
      />
      <PageHeading title={t('privacy.rights.title')} lead={t('privacy.rights.lead')} />
      {props.notice ? (
        <Alert kind="success">
          <p>{props.notice}</p>
        </Alert>
      ) : null}
      <section class="panel" aria-labelledby="download-heading">
        <h2 id="download-heading">{t('privacy.download.title')}</h2>
        <p>{t('privacy.download.body')}</p>
        <ButtonLink href="/cuenta/datos/descarga" variant="secondary">
          {t('privacy.download.button')}
        </ButtonLink>
      </section>
      <section class="form-narrow" aria-labelledby="arco-heading">
        <h2 id="arco-heading">{t('privacy.arco.title')}</h2>
        <p class="hint">{t('privacy.arco.deadlines')}</p>
        <form method="post" action="/cuenta/datos/arco" novalidate>
          <ErrorSummary errors={summary} />
          <CsrfField />
          <RadioGroup
            id="kind"
            name="kind"
            legend={t('privacy.arco.kind')}
            value={values.kind}
            error={errors.kind}
            options={arcoKinds.map((kind) => ({ value: kind, label: t(`privacy.arco.kind.${kind}`) }))}
          />
          <TextArea
            id="description"
            name="description"
            label={t('privacy.arco.description')}
            hint={t('privacy.arco.descriptionHint')}
            value={values.description}
            error={errors.description}
            maxLength={5000}
          />
          <Button>{t('privacy.arco.submit')}</Button>
        </form>
      </section>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t('privacy.arco.mine')}</h2>
        {props.requests.length === 0 ? (
          <p>{t('privacy.arco.none')}</p>
        ) : (
          <Table
            caption={t('privacy.arco.mine')}
            rows={props.requests}
            rowKey={(r) => r.id}
            columns={[
              { header: t('privacy.arco.folio'), cell: (r) => r.folio },
              { header: t('privacy.arco.kind'), cell: (r) => t(`privacy.arco.kind.${r.kind}`).split(':')[0] },
              { header: t('privacy.arco.received'), cell: (r) => format.date(r.receivedAt) },
              { header: t('privacy.arco.due'), cell: (r) => format.calendarDate(arcoDeadline(r)) },
              { header: t('privacy.arco.status'), cell: (r) => <ArcoStatus request={r} today={props.today} /> },
              { header: t('privacy.arco.answer'), cell: (r) => r.answer ?? '—' },
            ]}
          />
        )}
      </section>
      <section class="panel" aria-labelledby="cancel-heading">
        <h2 id="cancel-heading">{t('privacy.cancel.title')}</h2>
        <p>{t('privacy.cancel.body')}</p>
        <p>{t('privacy.cancel.publicActs')}</p>
        <form method="post" action="/cuenta/cancelar">
          <CsrfField />
          <Button variant="warning">{t('privacy.cancel.confirm')}</Button>
        </form>
      </section>
    </>
  );
}

export function AdminArcoPage(props: {
  rows: { request: ArcoRequestRow; requesterName: string | null; requesterEmail: string | null }[];
  today: string;
  notice?: string | undefined;
  problem?: string | undefined;
  errorsFor?: { id: string; form: FormState } | undefined;
}) {
  const { t, format } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { label: t('privacy.arco.adminTitle') },
        ]}
      />
      <PageHeading title={t('privacy.arco.adminTitle')} lead={t('privacy.arco.deadlines')} />
      <Notices notice={props.notice} problem={props.problem} />
      {props.rows.length === 0 ? <p>{t('privacy.arco.none')}</p> : null}
      {props.rows.map(({ request, requesterName, requesterEmail }) => {
        const isOpen = request.status === 'received' || request.status === 'extended';
        const form = props.errorsFor?.id === request.id ? props.errorsFor.form : undefined;
        return (
          <section class="panel" key={request.id} aria-labelledby={`arco-${request.id}`}>
            <h2 id={`arco-${request.id}`}>
              {request.folio} · {t(`privacy.arco.kind.${request.kind}`).split(':')[0]}
            </h2>
            <dl class="meta-list">
              <div>
                <dt>{t('privacy.arco.requester')}</dt>
                <dd>{requesterName ? `${requesterName} (${requesterEmail})` : '—'}</dd>
              </div>
              <div>
                <dt>{t('privacy.arco.received')}</dt>
                <dd>{format.dateTime(request.receivedAt)}</dd>
              </div>
              <div>
                <dt>{t('privacy.arco.due')}</dt>
                <dd>{format.calendarDate(arcoDeadline(request))}</dd>
              </div>
              <div>
                <dt>{t('privacy.arco.status')}</dt>
                <dd>
                  <ArcoStatus request={request} today={props.today} />
                </dd>
              </div>
            </dl>
            <p>{request.description}</p>
            {request.answer ? (
              <p>
                <strong>{t('privacy.arco.answer')}:</strong> {request.answer}
              </p>
            ) : null}
            {isOpen ? (
              <form method="post" action={`/admin/arco/${request.id}`} novalidate>
                <ErrorSummary errors={form?.summary ?? []} />
                <CsrfField />
                <RadioGroup
                  id={`decision-${request.id}`}
                  name="decision"
                  legend={t('privacy.arco.decision')}
                  value={form?.values.decision}
                  error={form?.errors.decision}
                  options={(request.extendedDueOn
                    ? (['answered', 'rejected'] as const)
                    : (['answered', 'rejected', 'extended'] as const)
                  ).map((d) => ({ value: d, label: t(`privacy.arco.decision.${d}`) }))}
                />
                <TextArea
                  id={`answer-${request.id}`}
                  name="answer"
                  label={t('privacy.arco.answerLabel')}
                  value={form?.values.answer}
                  error={form?.errors.answer}
                  maxLength={10000}
                />
                <Button>{t('privacy.arco.save')}</Button>
              </form>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

export function AdminNoticesPage(props: {
  current: Record<string, { responsible: string; body: string; version: number } | undefined>;
  form: FormState;
  notice?: string | undefined;
}) {
  const { t } = usePage();
  const { values, errors, summary } = props.form;
  const kind = values.kind || 'integral';
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { label: t('privacy.admin.title') },
        ]}
      />
      <PageHeading title={t('privacy.admin.title')} lead={t('privacy.admin.lead')} />
      {props.notice ? (
        <Alert kind="success">
          <p>{props.notice}</p>
        </Alert>
      ) : null}
      <form method="post" action="/admin/privacidad" novalidate class="form-narrow">
        <ErrorSummary errors={summary} />
        <CsrfField />
        <RadioGroup
          id="kind"
          name="kind"
          legend={t('privacy.admin.kind')}
          value={kind}
          options={privacyNoticeKinds.map((k) => ({
            value: k,
            label: t(k === 'integral' ? 'privacy.integral' : 'privacy.simplified'),
          }))}
        />
        <TextField
          id="responsible"
          name="responsible"
          label={t('privacy.admin.responsible')}
          value={values.responsible ?? props.current[kind]?.responsible}
          error={errors.responsible}
          maxLength={300}
        />
        <TextArea
          id="body"
          name="body"
          label={t('privacy.admin.body')}
          hint={t('privacy.admin.bodyHint')}
          value={values.body ?? props.current[kind]?.body}
          error={errors.body}
          rows={16}
          maxLength={50000}
        />
        <Button>{t('privacy.admin.publish')}</Button>
      </form>
    </>
  );
}
