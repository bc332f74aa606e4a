import {
  Alert,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  PageHeading,
  RadioGroup,
  SelectField,
  TextField,
} from '../../../web/components/index.js';
import { hasOwnWork } from '../work-slots.js';
import { usePage } from '../../../web/page-context.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import type { Actor } from '../../../kernel/actor.js';
import { notificationFrequencies } from '../schema.js';
import type { FormState } from '../../../web/forms.js';

export function AccountPage(props: {
  actor: Actor;
  frequency: string;
  form: FormState;
  notice?: MessageKey | undefined;
  emailForm: FormState;
}) {
  const { t } = usePage();
  const { values, errors, summary } = props.form;
  return (
    <div class="form-narrow">
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('accounts.account.title') }]} />
      <PageHeading title={t('accounts.account.title')} />
      {hasOwnWork(props.actor) ? (
        <p>
          <a href="/mi-trabajo">{t('accounts.work.link')}</a>
        </p>
      ) : null}
      {props.notice ? (
        <Alert kind="success">
          <p>{t(props.notice)}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('accounts.account.details')}</h2>
        <form method="post" action="/cuenta" novalidate>
          <ErrorSummary errors={summary} />
          <CsrfField />
          <TextField
            id="name"
            name="name"
            label={t('accounts.field.name')}
            value={values.name ?? props.actor.name}
            error={errors.name}
            autocomplete="name"
            maxLength={200}
          />
          <SelectField
            id="locale"
            name="locale"
            label={t('accounts.field.locale')}
            value={values.locale ?? props.actor.locale}
            options={[
              { value: 'es-MX', label: t('accounts.locale.es-MX') },
              { value: 'en', label: t('accounts.locale.en') },
            ]}
          />
          <RadioGroup
            id="notificationFrequency"
            name="notificationFrequency"
            legend={t('accounts.field.notifications')}
            value={values.notificationFrequency ?? props.frequency}
            options={notificationFrequencies.map((value) => ({ value, label: t(`accounts.frequency.${value}`) }))}
          />
          <Button>{t('accounts.account.save')}</Button>
        </form>
      </section>
      <section aria-labelledby="email-heading">
        <h2 id="email-heading">{t('accounts.account.changeEmail')}</h2>
        <p>{t('accounts.account.currentEmail', { email: props.actor.email })}</p>
        <form method="post" action="/cuenta/correo" novalidate>
          <ErrorSummary errors={props.emailForm.summary} />
          <CsrfField />
          <TextField
            id="newEmail"
            name="email"
            type="email"
            label={t('accounts.account.newEmail')}
            value={props.emailForm.values.email}
            error={props.emailForm.errors.email}
            autocomplete="email"
          />
          <TextField
            id="password"
            name="password"
            type="password"
            label={t('accounts.account.currentPassword')}
            hint={t('accounts.account.currentPasswordHint')}
            error={props.emailForm.errors.password}
            autocomplete="current-password"
            maxLength={200}
          />
          <Button variant="secondary">{t('accounts.account.changeEmailSubmit')}</Button>
        </form>
      </section>
      <p>
        <a href="/cuenta/datos">{t('accounts.account.dataLink')}</a>
      </p>
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t('accounts.account.roles')}</h2>
        {props.actor.roles.length === 0 ? (
          <p>{t('accounts.account.noRoles')}</p>
        ) : (
          <ul>
            {props.actor.roles.map((role) => (
              <li key={role.role + (role.institutionId ?? '')}>{t(`accounts.role.${role.role}`)}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
