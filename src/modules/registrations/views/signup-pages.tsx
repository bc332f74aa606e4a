import type { ComponentChildren } from 'preact';
import {
  Alert,
  Breadcrumbs,
  Button,
  ButtonLink,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  PageHeading,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { sectors } from '../schema.js';
import type { FormState } from '../../../web/forms.js';

export interface SignupContext {
  exercise: { slug: string; title: string };
  /** `themesEn`: the themes' English labels in their order, or none (English pages then show the Spanish ones). */
  call: { title: string; themes: string[]; themesEn: string[]; closesAt: Date };
  municipalities: { cvegeo: string; name: string }[];
  organizations: string[];
  privacyNoticeId: string | undefined;
}

function Crumbs(props: { context: Pick<SignupContext, 'exercise'>; last: string }) {
  const { t } = usePage();
  const { exercise } = props.context;
  return (
    <Breadcrumbs
      items={[
        { href: '/', label: t('nav.home') },
        { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
        { href: `/ejercicios/${exercise.slug}/convocatoria`, label: t('nav.call') },
        { label: props.last },
      ]}
    />
  );
}

function Fieldset(props: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset class="form-section">
      <legend class="form-section__legend">{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}

/**
 * A theme as a person reads it: its English label on an English page when the call gives one for each theme, else the
 * Spanish theme (which is what a sign-up stores, whatever the page's language).
 */
const themeLabel = (call: SignupContext['call'], locale: string, index: number) =>
  locale === 'en' && call.themesEn.length === call.themes.length ? call.themesEn[index]! : call.themes[index]!;

export function SignupFormPage(props: { context: SignupContext; form: FormState; action: string }) {
  const { t, locale } = usePage();
  const { values, errors, summary } = props.form;
  const { call } = props.context;
  const chosenThemes = new Set((values.themes ?? '').split('\n').filter(Boolean));
  return (
    <div class="form-narrow">
      <Crumbs context={props.context} last={t('registrations.cta')} />
      <PageHeading title={t('registrations.title')} lead={t('registrations.lead', { call: call.title })} />
      <p>{t('registrations.requirements')}</p>
      <form method="post" action={props.action} novalidate>
        <ErrorSummary errors={summary} />
        <CsrfField />
        <input type="hidden" name="privacyNoticeId" value={props.context.privacyNoticeId ?? ''} />
        <div class="honeypot" aria-hidden="true">
          <label for="website">{t('registrations.field.honeypot')}</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" value="" />
        </div>
        <Fieldset legend={t('registrations.section.you')}>
          <TextField
            id="fullName"
            name="fullName"
            label={t('registrations.field.fullName')}
            value={values.fullName}
            error={errors.fullName}
            autocomplete="name"
            maxLength={200}
          />
          <TextField
            id="email"
            name="email"
            type="email"
            label={t('registrations.field.email')}
            hint={t('registrations.field.emailHint')}
            value={values.email}
            error={errors.email}
            autocomplete="email"
            maxLength={254}
          />
          <TextField
            id="phone"
            name="phone"
            type="tel"
            label={t('registrations.field.phone')}
            hint={t('registrations.field.phoneHint')}
            value={values.phone}
            error={errors.phone}
            autocomplete="tel"
            maxLength={30}
            isOptional
          />
          <SelectField
            id="municipalityCvegeo"
            name="municipalityCvegeo"
            label={t('registrations.field.municipality')}
            hint={t('registrations.field.municipalityHint')}
            value={values.municipalityCvegeo}
            error={errors.municipalityCvegeo}
            options={[
              { value: '', label: t('registrations.field.chooseMunicipality') },
              ...props.context.municipalities.map((m) => ({ value: m.cvegeo, label: m.name })),
              { value: 'outside', label: t('registrations.field.outside') },
            ]}
          />
        </Fieldset>
        <Fieldset legend={t('registrations.section.participation')}>
          <RadioGroup
            id="sector"
            name="sector"
            legend={t('registrations.field.sector')}
            value={values.sector}
            error={errors.sector}
            options={sectors.map((sector) => ({ value: sector, label: t(`registrations.sector.${sector}`) }))}
          />
          <TextField
            id="organization"
            name="organization"
            label={t('registrations.field.organization')}
            hint={t('registrations.field.organizationHint')}
            value={values.organization}
            error={errors.organization}
            maxLength={300}
            isOptional
            list="known-organizations"
          />
          <datalist id="known-organizations">
            {props.context.organizations.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {call.themes.length > 0 ? (
            <fieldset class="field fieldset" aria-describedby="themes-hint">
              <legend class="field__label">{t('registrations.field.themes')}</legend>
              <p class="field__hint" id="themes-hint">
                {t('registrations.field.themesHint')}
              </p>
              {call.themes.map((theme, index) => (
                <div class="choice" key={theme}>
                  <input
                    class="choice__input"
                    type="checkbox"
                    id={`theme-${index}`}
                    name="themes"
                    value={theme}
                    checked={chosenThemes.has(theme)}
                  />
                  <label class="choice__label" for={`theme-${index}`}>
                    {themeLabel(call, locale, index)}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <TextArea
            id="motivation"
            name="motivation"
            label={t('registrations.field.motivation')}
            hint={t('registrations.field.motivationHint')}
            value={values.motivation}
            error={errors.motivation}
            rows={6}
            maxLength={3000}
          />
        </Fieldset>
        <Fieldset legend={t('registrations.section.consent')}>
          <CheckboxField
            id="acceptsHonorary"
            name="acceptsHonorary"
            label={t('registrations.field.honorary')}
            isChecked={values.acceptsHonorary === 'yes'}
            error={errors.acceptsHonorary}
          />
          <CheckboxField
            id="consent"
            name="consent"
            isChecked={values.consent === 'yes'}
            error={errors.consent}
            label={
              <>
                {t('registrations.field.consent')}{' '}
                <a href="/privacidad#aviso-simplified">{t('registrations.field.consentLink')}</a>
              </>
            }
          />
        </Fieldset>
        <Button>{t('registrations.submit')}</Button>
      </form>
    </div>
  );
}

export function SignupSentPage(props: { context: Pick<SignupContext, 'exercise'>; resendForm?: FormState }) {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      <Crumbs context={props.context} last={t('registrations.sent.title')} />
      <PageHeading title={t('registrations.sent.title')} />
      <Alert kind="success">
        <p>{t('registrations.sent.body')}</p>
      </Alert>
      <p>{t('registrations.sent.again')}</p>
      <ResendLinkForm form={props.resendForm} />
    </div>
  );
}

/**
 * "¿No te llegó el correo?": asks for a new confirmation link by e-mail address (a plain form, no JavaScript). Shown
 * on the "Revisa tu correo" page, on the page of an invalid or expired link, and on its own page after an error.
 */
export function ResendLinkForm(props: { form?: FormState | undefined; headingLevel?: 1 | 2 }) {
  const { t } = usePage();
  const form = props.form ?? { values: {}, errors: {}, summary: [] };
  const Heading = props.headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section class="resend-link" aria-labelledby="resend-title">
      <Heading id="resend-title">{t('registrations.resend.heading')}</Heading>
      <p>{t('registrations.resend.hint')}</p>
      <form method="post" action="/sumate/reenviar" novalidate>
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <TextField
          id="resend-email"
          name="email"
          type="email"
          label={t('registrations.field.email')}
          value={form.values.email}
          error={form.errors.email}
          autocomplete="email"
          maxLength={254}
        />
        <Button>{t('registrations.resend.submit')}</Button>
      </form>
    </section>
  );
}

/** The page of a confirmation link that is used up, expired or unknown: says so and offers a new one. */
export function SignupLinkInvalidPage() {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      <PageHeading title={t('accounts.link.invalidTitle')} lead={t('registrations.resend.invalidBody')} />
      <ResendLinkForm />
    </div>
  );
}

/** The standalone form (shown again with its errors), and the answer after asking: the same whoever asks. */
export function ResendLinkPage(props: { form?: FormState | undefined }) {
  return (
    <div class="form-narrow">
      <ResendLinkForm form={props.form} headingLevel={1} />
    </div>
  );
}

export function ResendSentPage() {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      <PageHeading title={t('registrations.sent.title')} />
      <Alert kind="success">
        <p>{t('registrations.resend.sentBody')}</p>
      </Alert>
      <p>{t('registrations.resend.sentNext')}</p>
    </div>
  );
}

export function SignupConfirmedPage(props: {
  context: Pick<SignupContext, 'exercise'>;
  reference: string;
  closesAt: Date;
  email: string;
  wasUpdate: boolean;
}) {
  const { t, format } = usePage();
  return (
    <div class="form-narrow">
      <Crumbs context={props.context} last={t('registrations.confirmed.title')} />
      <div class="panel panel--confirmation">
        <h1>{props.wasUpdate ? t('registrations.confirmed.updated') : t('registrations.confirmed.title')}</h1>
        <p class="reference">
          {t('registrations.confirmed.reference')} <strong>{props.reference}</strong>
        </p>
      </div>
      <p>{t('registrations.confirmed.next', { date: format.dateTime(props.closesAt), email: props.email })}</p>
      <p>{t('registrations.confirmed.account')}</p>
    </div>
  );
}

export function SignupClosedPage(props: { context?: Pick<SignupContext, 'exercise'>; message: string }) {
  const { t } = usePage();
  return (
    <div class="form-narrow">
      {props.context ? <Crumbs context={props.context} last={t('registrations.cta')} /> : null}
      <PageHeading title={t('registrations.closed.title')} lead={props.message} />
      {props.context ? (
        <ButtonLink href={`/ejercicios/${props.context.exercise.slug}/convocatoria`}>
          {t('registrations.closed.readCall')}
        </ButtonLink>
      ) : (
        <ButtonLink href="/ejercicios">{t('nav.exercises')}</ButtonLink>
      )}
    </div>
  );
}
