import {
  Alert,
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  PageHeading,
  TextField,
} from '../../../web/components/index.js';
import type { FormState } from '../../../web/forms.js';
import { usePage } from '../../../web/page-context.js';

/** Forms moved to the web layer (src/web/forms.ts); the pages of every module import them from here too. */

export function SignInPage(props: { form: FormState; next: string; hasFailed?: boolean }) {
  const { t } = usePage();
  const { values, errors, summary } = props.form;
  return (
    <div class="form-narrow">
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('accounts.signIn.title') }]} />
      <PageHeading title={t('accounts.signIn.title')} lead={t('accounts.signIn.lead')} />
      {props.hasFailed ? (
        <Alert kind="error">
          <p>{t('accounts.signIn.failed')}</p>
        </Alert>
      ) : null}
      <form method="post" action="/entrar" novalidate>
        <ErrorSummary errors={summary} />
        <CsrfField />
        <input type="hidden" name="next" value={props.next} />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={values.email}
          error={errors.email}
          autocomplete="email"
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t('accounts.field.password')}
          error={errors.password}
          autocomplete="current-password"
        />
        <Button>{t('accounts.signIn.submit')}</Button>
      </form>
      <p>
        <a href="/recuperar">{t('accounts.signIn.forgot')}</a>
      </p>
      <section class="panel" aria-labelledby="link-heading">
        <h2 id="link-heading">{t('accounts.signIn.linkTitle')}</h2>
        <form method="post" action="/entrar/enlace" novalidate>
          <CsrfField />
          <TextField
            id="link-email"
            name="email"
            type="email"
            label={t('accounts.field.email')}
            hint={t('accounts.signIn.linkHint')}
            value={values.email}
            autocomplete="email"
          />
          <Button variant="secondary">{t('accounts.signIn.linkSubmit')}</Button>
        </form>
      </section>
      <p>
        {t('accounts.signIn.noAccount')} <a href="/registro">{t('accounts.signIn.register')}</a>
      </p>
    </div>
  );
}

export function CheckEmailPage(props: { message: string }) {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      <PageHeading title={t('accounts.checkEmail.title')} />
      <Alert kind="success">
        <p>{props.message}</p>
      </Alert>
    </div>
  );
}

export function InvalidLinkPage() {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      <PageHeading title={t('accounts.link.invalidTitle')} lead={t('accounts.link.invalidBody')} />
      <ButtonLink href="/entrar">{t('accounts.link.requestNew')}</ButtonLink>
    </div>
  );
}

export function ResetRequestPage(props: { form: FormState }) {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/entrar', label: t('accounts.signIn.title') },
          { label: t('accounts.reset.title') },
        ]}
      />
      <PageHeading title={t('accounts.reset.title')} lead={t('accounts.reset.lead')} />
      <form method="post" action="/recuperar" novalidate>
        <ErrorSummary errors={props.form.summary} />
        <CsrfField />
        <TextField
          id="email"
          name="email"
          type="email"
          label={t('accounts.field.email')}
          value={props.form.values.email}
          error={props.form.errors.email}
          autocomplete="email"
        />
        <Button>{t('accounts.reset.submit')}</Button>
      </form>
    </div>
  );
}

export function ChoosePasswordPage(props: { form: FormState; token: string }) {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      <PageHeading title={t('accounts.reset.chooseTitle')} />
      <form method="post" action={`/recuperar/${props.token}`} novalidate>
        <ErrorSummary errors={props.form.summary} />
        <CsrfField />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t('accounts.field.newPassword')}
          hint={t('accounts.field.passwordHint')}
          error={props.form.errors.password}
          autocomplete="new-password"
        />
        <Button>{t('accounts.reset.chooseSubmit')}</Button>
      </form>
    </div>
  );
}
