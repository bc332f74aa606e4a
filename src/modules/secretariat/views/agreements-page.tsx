import { Breadcrumbs, Button, PageHeading, SelectField, Table, TextField } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { SecretariatDetail } from '../get-secretariat.js';
import type { AgreementFilters, AgreementListEntry } from '../list-agreements.js';
import { agreementStatuses } from '../schema.js';
import { sessionTitle } from '../session-calendar.js';
import { AgreementStatusBadges } from './labels.js';

/** Every agreement of a Secretariat, filtered by session, status and responsible; overdue ones flagged. */
export function AgreementsPage(props: {
  secretariat: SecretariatDetail;
  agreements: AgreementListEntry[];
  filters: AgreementFilters;
}) {
  const { t, format } = usePage();
  const { exercise, sessions } = props.secretariat;
  const base = `/ejercicios/${exercise.slug}/secretariado`;
  const overdue = props.agreements.filter((a) => a.isOverdue).length;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { href: base, label: t('secretariat.title') },
          { label: t('secretariat.agreements.title') },
        ]}
      />
      <PageHeading title={t('secretariat.agreements.title')} lead={t('secretariat.agreements.lead')} />
      <form method="get" action={`${base}/acuerdos`} class="filters">
        <SelectField
          id="sesion"
          name="sesion"
          label={t('secretariat.filter.session')}
          value={props.filters.sessionId ?? ''}
          options={[
            { value: '', label: t('secretariat.filter.all') },
            ...sessions.map((s) => ({ value: s.id, label: sessionTitle(t, s) })),
          ]}
        />
        <SelectField
          id="estado"
          name="estado"
          label={t('secretariat.filter.status')}
          value={props.filters.status ?? ''}
          options={[
            { value: '', label: t('secretariat.filter.all') },
            ...agreementStatuses.map((s) => ({ value: s, label: t(`secretariat.agreementStatus.${s}`) })),
            { value: 'overdue', label: t('secretariat.agreement.overdue') },
          ]}
        />
        <TextField
          id="responsable"
          name="responsable"
          label={t('secretariat.filter.responsible')}
          value={props.filters.responsible ?? ''}
          isOptional
          maxLength={200}
        />
        <Button variant="secondary">{t('secretariat.filter.apply')}</Button>
      </form>
      <p role="status">
        {t('secretariat.agreements.count', { count: format.number(props.agreements.length) })}
        {overdue > 0 ? ` ${t('secretariat.agreements.overdueCount', { count: format.number(overdue) })}` : ''}
      </p>
      {props.agreements.length > 0 ? (
        <Table
          stack
          caption={t('secretariat.agreements.caption')}
          rows={props.agreements}
          rowKey={(a) => a.agreement.id}
          columns={[
            {
              header: t('secretariat.agreement.code'),
              cell: (a) => <a href={`${base}/acuerdos/${a.agreement.code}`}>{a.agreement.code}</a>,
              isPrimary: true,
            },
            { header: t('secretariat.agreement.text'), cell: (a) => a.agreement.text },
            { header: t('secretariat.agreement.responsible'), cell: (a) => a.agreement.responsible },
            {
              header: t('secretariat.agreement.dueOn'),
              cell: (a) =>
                a.agreement.dueOn ? format.calendarDate(a.agreement.dueOn) : t('secretariat.agreement.noDue'),
            },
            {
              header: t('secretariat.agreement.status'),
              cell: (a) => (
                <AgreementStatusBadges
                  status={a.agreement.status}
                  outcome={a.agreement.outcome}
                  isOverdue={a.isOverdue}
                />
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
