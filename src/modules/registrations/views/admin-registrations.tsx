import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  PageHeading,
  Pagination,
  RadioGroup,
  SelectField,
  StatusBadge,
  Table,
  TextArea,
  TextField,
  type BadgeTone,
  Notices,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { registrationStatuses, sectors, type RegistrationStatus } from '../schema.js';
import type { RegistrationFilters, listRegistrations } from '../list-registrations.js';
import type { FormState } from '../../../web/forms.js';

type Listing = Awaited<ReturnType<typeof listRegistrations>>;
type Row = Listing['rows'][number];

const tone: Record<RegistrationStatus, BadgeTone> = {
  pending_confirmation: 'neutral',
  confirmed: 'info',
  accepted: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export function RegistrationStatusBadge(props: { status: RegistrationStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={tone[props.status]}>{t(`registrations.status.${props.status}`)}</StatusBadge>;
}

function queryOf(callId: string, filters: RegistrationFilters, page?: number) {
  const params = new URLSearchParams({ convocatoria: callId });
  for (const [key, value] of Object.entries({ ...filters, page: page ?? filters.page })) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  }
  return params.toString();
}

export function AdminRegistrationsPage(props: {
  calls: { id: string; title: string }[];
  callId: string;
  filters: RegistrationFilters;
  listing: Listing;
  municipalities: { cvegeo: string; name: string }[];
}) {
  const { t, format } = usePage();
  const { filters, listing } = props;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { label: t('registrations.admin.title') },
        ]}
      />
      <PageHeading title={t('registrations.admin.title')} />
      <form method="get" action="/admin/inscripciones" class="filters">
        <SelectField
          id="convocatoria"
          name="convocatoria"
          label={t('registrations.admin.call')}
          value={props.callId}
          options={props.calls.map((c) => ({ value: c.id, label: c.title }))}
        />
        <div class="filters__grid">
          <SelectField
            id="status"
            name="status"
            label={t('registrations.admin.status')}
            value={filters.status ?? ''}
            isOptional
            options={[
              { value: '', label: t('registrations.admin.any') },
              ...registrationStatuses.map((s) => ({ value: s, label: t(`registrations.status.${s}`) })),
            ]}
          />
          <SelectField
            id="sector"
            name="sector"
            label={t('registrations.field.sector')}
            value={filters.sector ?? ''}
            isOptional
            options={[
              { value: '', label: t('registrations.admin.any') },
              ...sectors.map((s) => ({ value: s, label: t(`registrations.sector.${s}`) })),
            ]}
          />
          <SelectField
            id="municipality"
            name="municipality"
            label={t('registrations.field.municipality')}
            value={filters.municipality ?? ''}
            isOptional
            options={[
              { value: '', label: t('registrations.admin.any') },
              ...props.municipalities.map((m) => ({ value: m.cvegeo, label: m.name })),
            ]}
          />
          <TextField
            id="from"
            name="from"
            type="date"
            label={t('registrations.admin.from')}
            value={filters.from}
            isOptional
          />
          <TextField id="to" name="to" type="date" label={t('registrations.admin.to')} value={filters.to} isOptional />
        </div>
        <TextField
          id="q"
          name="q"
          type="search"
          label={t('registrations.admin.q')}
          value={filters.q}
          isOptional
          maxLength={200}
        />
        <Button variant="secondary">{t('registrations.admin.apply')}</Button>
      </form>
      <p>
        <strong>{t('registrations.admin.count', { count: format.number(listing.total) })}</strong> ·{' '}
        <a href={`/admin/inscripciones/exportar.csv?${queryOf(props.callId, filters)}`} download>
          {t('registrations.admin.export')}
        </a>
      </p>
      <p class="hint">{t('registrations.admin.exportNote')}</p>
      {listing.rows.length === 0 ? (
        <p>{t('registrations.admin.none')}</p>
      ) : (
        <Table<Row>
          caption={t('registrations.admin.title')}
          rows={listing.rows}
          rowKey={(row) => row.registration.id}
          columns={[
            {
              header: t('privacy.arco.folio'),
              cell: (row) => (
                <a
                  href={`/admin/inscripciones/${row.registration.id}`}
                  aria-label={t('registrations.admin.open', { name: row.registration.fullName })}
                >
                  {row.registration.reference}
                </a>
              ),
            },
            { header: t('registrations.field.fullName'), cell: (row) => row.registration.fullName },
            { header: t('registrations.field.municipality'), cell: (row) => row.municipalityName },
            {
              header: t('registrations.field.sector'),
              cell: (row) => t(`registrations.sector.${row.registration.sector}`),
            },
            { header: t('registrations.admin.date'), cell: (row) => format.date(row.registration.createdAt) },
            {
              header: t('registrations.admin.status'),
              cell: (row) => <RegistrationStatusBadge status={row.registration.status} />,
            },
          ]}
        />
      )}
      <Pagination
        page={filters.page}
        pages={listing.pages}
        hrefFor={(page) => `/admin/inscripciones?${queryOf(props.callId, filters, page)}`}
      />
    </>
  );
}

export function AdminRegistrationPage(props: {
  registration: Row['registration'];
  municipalityName: string;
  callTitle: string;
  form: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t, format } = usePage();
  const r = props.registration;
  const canDecide = r.status === 'confirmed' || r.status === 'accepted' || r.status === 'rejected';
  const { values, errors, summary } = props.form;
  const details: [string, string][] = [
    [t('registrations.admin.call'), props.callTitle],
    [t('registrations.field.email'), r.email],
    [t('registrations.field.phone'), r.phone ?? '—'],
    [t('registrations.field.municipality'), props.municipalityName],
    [t('registrations.field.sector'), t(`registrations.sector.${r.sector}`)],
    [t('registrations.field.organization'), r.organization ?? '—'],
    [t('registrations.field.themes'), r.themes.join(', ') || '—'],
    [t('registrations.admin.date'), format.dateTime(r.createdAt)],
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { href: `/admin/inscripciones?convocatoria=${r.callId}`, label: t('registrations.admin.title') },
          { label: r.reference },
        ]}
      />
      <PageHeading title={`${r.fullName} · ${r.reference}`}>
        <p>
          <RegistrationStatusBadge status={r.status} />
        </p>
      </PageHeading>
      <Notices notice={props.notice} problem={props.problem} />
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('registrations.admin.details')}</h2>
        <dl class="meta-list">
          {details.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('registrations.field.motivation')}</h3>
        <p class="prewrap">{r.motivation}</p>
        {r.rejectionReason ? (
          <p>
            <strong>{t('registrations.admin.reason')}:</strong> {r.rejectionReason}
          </p>
        ) : null}
      </section>
      {canDecide ? (
        <section class="panel form-narrow" aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t('registrations.admin.decision')}</h2>
          <form method="post" action={`/admin/inscripciones/${r.id}`} novalidate>
            <ErrorSummary errors={summary} />
            <CsrfField />
            <RadioGroup
              id="decision"
              name="decision"
              legend={t('registrations.admin.decision')}
              value={values.decision}
              error={errors.decision}
              options={[
                { value: 'accepted', label: t('registrations.admin.accept') },
                { value: 'rejected', label: t('registrations.admin.reject') },
              ]}
            />
            <TextArea
              id="reason"
              name="reason"
              label={t('registrations.admin.reason')}
              hint={t('registrations.admin.reasonHint')}
              value={values.reason}
              error={errors.reason}
              rows={3}
              maxLength={2000}
              isOptional
            />
            <Button>{t('registrations.admin.save')}</Button>
          </form>
        </section>
      ) : (
        <p>{t('registrations.admin.notConfirmed')}</p>
      )}
    </>
  );
}
