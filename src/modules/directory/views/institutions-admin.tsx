import {
  Alert,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  PageHeading,
  SelectField,
  Table,
  TextField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { institutionKinds } from '../schema.js';
import type { listInstitutions } from '../list-institutions.js';
import type { FormState } from '../../../web/forms.js';

type Row = Awaited<ReturnType<typeof listInstitutions>>[number];

export function InstitutionForm(props: {
  action: string;
  form: FormState;
  municipalities: { cvegeo: string; name: string }[];
  submitLabel: string;
}) {
  const { t } = usePage();
  const { values, errors, summary } = props.form;
  return (
    <form method="post" action={props.action} novalidate class="form-narrow">
      <ErrorSummary errors={summary} />
      <CsrfField />
      <TextField
        id="name"
        name="name"
        label={t('directory.field.name')}
        value={values.name}
        error={errors.name}
        maxLength={300}
      />
      <TextField
        id="acronym"
        name="acronym"
        label={t('directory.field.acronym')}
        value={values.acronym}
        error={errors.acronym}
        maxLength={40}
        isOptional
      />
      <SelectField
        id="kind"
        name="kind"
        label={t('directory.field.kind')}
        value={values.kind}
        error={errors.kind}
        options={[
          { value: '', label: '—' },
          ...institutionKinds.map((kind) => ({ value: kind, label: t(`directory.kind.${kind}`) })),
        ]}
      />
      <SelectField
        id="municipalityCvegeo"
        name="municipalityCvegeo"
        label={t('directory.field.municipality')}
        value={values.municipalityCvegeo}
        error={errors.municipalityCvegeo}
        isOptional
        options={[
          { value: '', label: t('directory.field.noMunicipality') },
          ...props.municipalities.map((m) => ({ value: m.cvegeo, label: m.name })),
        ]}
      />
      <TextField
        id="website"
        name="website"
        type="url"
        label={t('directory.field.website')}
        hint={t('directory.field.websiteHint')}
        value={values.website}
        error={errors.website}
        isOptional
      />
      <TextField
        id="contactEmail"
        name="contactEmail"
        type="email"
        label={t('directory.field.contactEmail')}
        value={values.contactEmail}
        error={errors.contactEmail}
        isOptional
      />
      <Button>{props.submitLabel}</Button>
    </form>
  );
}

export function InstitutionsAdminPage(props: {
  rows: Row[];
  form: FormState;
  municipalities: { cvegeo: string; name: string }[];
  notice?: string | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { label: t('directory.admin.title') },
        ]}
      />
      <PageHeading title={t('directory.admin.title')} lead={t('directory.admin.lead')} />
      {props.notice ? (
        <Alert kind="success">
          <p>{props.notice}</p>
        </Alert>
      ) : null}
      <Table
        caption={t('directory.admin.list')}
        rows={props.rows}
        rowKey={(row) => row.institution.id}
        columns={[
          {
            header: t('directory.field.name'),
            cell: (row) =>
              row.institution.acronym ? `${row.institution.name} (${row.institution.acronym})` : row.institution.name,
          },
          { header: t('directory.field.kind'), cell: (row) => t(`directory.kind.${row.institution.kind}`) },
          { header: t('directory.field.municipality'), cell: (row) => row.municipalityName ?? '—' },
          {
            header: t('accounts.admin.actions'),
            cell: (row) => (
              <a
                href={`/admin/instituciones/${row.institution.id}`}
                aria-label={t('directory.admin.edit', { name: row.institution.name })}
              >
                {t('directory.admin.editLink')}
              </a>
            ),
          },
        ]}
      />
      <section class="panel" aria-labelledby="add-heading">
        <h2 id="add-heading">{t('directory.admin.add')}</h2>
        <InstitutionForm
          action="/admin/instituciones"
          form={props.form}
          municipalities={props.municipalities}
          submitLabel={t('directory.save')}
        />
      </section>
    </>
  );
}

export function InstitutionEditPage(props: {
  name: string;
  id: string;
  form: FormState;
  municipalities: { cvegeo: string; name: string }[];
}) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/instituciones', label: t('directory.admin.title') },
          { label: props.name },
        ]}
      />
      <PageHeading title={t('directory.admin.edit', { name: props.name })} />
      <InstitutionForm
        action={`/admin/instituciones/${props.id}`}
        form={props.form}
        municipalities={props.municipalities}
        submitLabel={t('directory.save')}
      />
    </>
  );
}
