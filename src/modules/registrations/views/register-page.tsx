import {
  Alert,
  Breadcrumbs,
  Button,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  PageHeading,
  TextField,
} from '../../../web/components/index.js';
import type { FormState } from '../../../web/forms.js';
import { usePage } from '../../../web/page-context.js';

/** Opening a participant account (/registro): name, e-mail, password and consent to the privacy notice. */
export function RegisterPage(props: { form: FormState; privacyNoticeId: string | undefined }) {
  const { t } = usePage();
  const { values, errors, summary } = props.form;
  return (
    <div class="form-narrow">
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('accounts.register.title') }]} />
      <PageHeading title={t('accounts.register.title')} lead={t('accounts.register.lead')} />
      {props.privacyNoticeId ? (
        <form method="post" action="/registro" novalidate>
          <ErrorSummary errors={summary} />
          <CsrfField />
          <input type="hidden" name="privacyNoticeId" value={props.privacyNoticeId} />
          <TextField
            id="name"
            name="name"
            label={t('accounts.field.name')}
            value={values.name}
            error={errors.name}
            autocomplete="name"
            maxLength={200}
          />
          <TextField
            id="email"
            name="email"
            type="email"
            label={t('accounts.field.email')}
            hint={t('accounts.field.emailHint')}
            value={values.email}
            error={errors.email}
            autocomplete="email"
          />
          <TextField
            id="password"
            name="password"
            type="password"
            label={t('accounts.field.password')}
            hint={t('accounts.field.passwordHint')}
            error={errors.password}
            autocomplete="new-password"
          />
          <CheckboxField
            id="consent"
            name="consent"
            isChecked={values.consent === 'yes'}
            error={errors.consent}
            label={
              <>
                {t('accounts.field.consent')} <a href="/privacidad">{t('accounts.field.consentLink')}</a>
              </>
            }
          />
          <Button>{t('accounts.register.submit')}</Button>
        </form>
      ) : (
        <Alert kind="warning">
          <p>{t('accounts.register.noNotice')}</p>
        </Alert>
      )}
    </div>
  );
}
