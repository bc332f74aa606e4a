import {
  Breadcrumbs,
  Button,
  Card,
  CsrfField,
  ErrorSummary,
  PageHeading,
  SelectField,
  StatusBadge,
  Table,
  TextField,
  Notices,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { UserListEntry } from '../list-users.js';
import { staffRoles } from '../schema.js';
import type { FormState } from '../../../web/forms.js';

export function AdminHomePage() {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('accounts.admin.title') }]} />
      <PageHeading title={t('accounts.admin.title')} lead={t('accounts.admin.lead')} />
      <div class="card-grid">
        <Card title={t('accounts.admin.users')} href="/admin/usuarios" headingLevel={2} />
        <Card title={t('calls.admin.title')} href="/admin/convocatorias" headingLevel={2} />
        <Card title={t('registrations.admin.title')} href="/admin/inscripciones" headingLevel={2} />
        <Card title={t('directory.admin.title')} href="/admin/instituciones" headingLevel={2} />
        <Card title={t('privacy.arco.adminTitle')} href="/admin/arco" headingLevel={2} />
        <Card title={t('privacy.admin.title')} href="/admin/privacidad" headingLevel={2} />
        <Card title={t('accounts.admin.mail')} href="/admin/correo" headingLevel={2} />
        <Card title={t('accounts.admin.evaluation')} href="/admin/evaluacion" headingLevel={2} />
      </div>
    </>
  );
}

export function AdminUsersPage(props: {
  users: UserListEntry[];
  institutions: { id: string; name: string }[];
  form: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t, format } = usePage();
  const { values, errors, summary } = props.form;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { label: t('accounts.admin.users') },
        ]}
      />
      <PageHeading title={t('accounts.admin.users')} />
      <Notices notice={props.notice} problem={props.problem} />
      <section class="panel form-narrow" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('accounts.admin.invite')}</h2>
        <p class="hint">{t('accounts.admin.inviteHint')}</p>
        <form method="post" action="/admin/usuarios" novalidate>
          <ErrorSummary errors={summary} />
          <CsrfField />
          <TextField
            id="name"
            name="name"
            label={t('accounts.field.name')}
            value={values.name}
            error={errors.name}
            maxLength={200}
          />
          <TextField
            id="email"
            name="email"
            type="email"
            label={t('accounts.field.email')}
            value={values.email}
            error={errors.email}
          />
          <SelectField
            id="role"
            name="role"
            label={t('accounts.admin.role')}
            value={values.role}
            error={errors.role}
            options={[
              { value: '', label: t('accounts.admin.chooseRole') },
              ...staffRoles.map((role) => ({ value: role, label: t(`accounts.role.${role}`) })),
            ]}
          />
          <SelectField
            id="institutionId"
            name="institutionId"
            label={t('accounts.admin.institution')}
            hint={t('accounts.admin.institutionHint')}
            value={values.institutionId}
            error={errors.institutionId}
            isOptional
            options={[
              { value: '', label: t('accounts.admin.noInstitution') },
              ...props.institutions.map((i) => ({ value: i.id, label: i.name })),
            ]}
          />
          <Button>{t('accounts.admin.inviteSubmit')}</Button>
        </form>
      </section>
      <Table
        caption={t('accounts.admin.people')}
        rows={props.users}
        rowKey={(user) => user.id}
        columns={[
          { header: t('accounts.field.name'), cell: (user) => user.name },
          { header: t('accounts.field.email'), cell: (user) => user.email },
          {
            header: t('accounts.admin.status'),
            cell: (user) =>
              user.emailConfirmedAt ? (
                <StatusBadge tone="success">{t('accounts.admin.confirmed')}</StatusBadge>
              ) : (
                <StatusBadge tone="neutral">{t('accounts.admin.unconfirmed')}</StatusBadge>
              ),
          },
          {
            header: t('accounts.admin.lastSignIn'),
            cell: (user) => (user.lastSignInAt ? format.dateTime(user.lastSignInAt) : t('accounts.admin.never')),
          },
          {
            header: t('accounts.admin.role'),
            cell: (user) =>
              user.roles.length === 0 ? (
                t('accounts.admin.participant')
              ) : (
                <ul class="plain-list">
                  {user.roles.map((role) => (
                    <li key={role.id}>
                      {t(`accounts.role.${role.role}`)}
                      {role.institutionName ? ` (${role.institutionName})` : ''}
                      <form method="post" action={`/admin/usuarios/roles/${role.id}/quitar`} class="inline-form">
                        <CsrfField />{' '}
                        <button type="submit" class="link-button">
                          {t('accounts.admin.revoke', { role: t(`accounts.role.${role.role}`), name: user.name })}
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </>
  );
}
