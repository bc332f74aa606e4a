import {
  Breadcrumbs,
  Button,
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
import type { ComponentChildren } from 'preact';
import { WorkCard } from './work-card.js';

/**
 * The admin's desk: every area of the portal, with what waits there. The cards of the later modules come through
 * the desk's slot (work-slots.ts); the people, institutions and mail are this module's and the ones before it.
 */
export function AdminHomePage(props: { failedEmails: number; sections: ComponentChildren[] }) {
  const { t, format } = usePage();
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('accounts.admin.title') }]} />
      <PageHeading title={t('accounts.admin.title')} lead={t('accounts.desk.lead')} />
      <div class="card-grid">
        {props.sections}
        <WorkCard
          title={t('accounts.admin.mail')}
          href="/admin/correo"
          waiting={{
            count: props.failedEmails,
            label: t('accounts.desk.failedEmails', { count: format.number(props.failedEmails) }),
          }}
        />
        <WorkCard title={t('exercises.admin.title')} href="/admin/ejercicios" lead={t('accounts.desk.exercisesLead')} />
        <WorkCard title={t('accounts.admin.users')} href="/admin/usuarios" lead={t('accounts.desk.usersLead')} />
        <WorkCard
          title={t('directory.admin.title')}
          href="/admin/instituciones"
          lead={t('accounts.desk.institutionsLead')}
        />
      </div>
    </>
  );
}

/** A staff member's own work: each area that has something for them, with a link; or a word that nothing waits. */
export function MyWorkPage(props: { sections: ComponentChildren[] }) {
  const { t } = usePage();
  const sections = props.sections.filter((section) => section !== null && section !== undefined && section !== false);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/cuenta', label: t('accounts.account.title') },
          { label: t('accounts.work.title') },
        ]}
      />
      <PageHeading title={t('accounts.work.title')} lead={t('accounts.work.lead')} />
      {sections.length === 0 ? <p>{t('accounts.work.none')}</p> : <div class="card-grid">{sections}</div>}
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
