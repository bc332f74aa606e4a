import {
  Alert,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  PageHeading,
  SelectField,
  TextArea,
  TextField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { CallStatus } from '../schema.js';
import type { FormState } from '../../../web/forms.js';

/** A date and a time on the configured zone's clocks, as one question (GOV.UK date-input pattern). */
function DateTimeField(props: { prefix: 'opens' | 'closes'; legend: string; hint: string; form: FormState }) {
  const { t } = usePage();
  const { prefix, form } = props;
  const dateId = `${prefix}Date`;
  const timeId = `${prefix}Time`;
  const error = form.errors[dateId] ?? form.errors[timeId];
  const hintId = `${prefix}-hint`;
  const errorId = `${prefix}-error`;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset class="fieldset" aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
        <legend class="field__label">{props.legend}</legend>
        <p class="field__hint" id={hintId}>
          {props.hint}
        </p>
        {error ? (
          <p class="field__error" id={errorId}>
            <span class="visually-hidden">{t('status.error')}: </span>
            {error}
          </p>
        ) : null}
        <div class="field">
          <label class="field__label" for={dateId}>
            {t('calls.field.date')}
          </label>
          <input
            class="field__input"
            type="date"
            id={dateId}
            name={dateId}
            value={form.values[dateId] ?? ''}
            required
            aria-invalid={form.errors[dateId] ? 'true' : undefined}
          />
        </div>
        <div class="field">
          <label class="field__label" for={timeId}>
            {t('calls.field.time')}
          </label>
          <input
            class="field__input"
            type="time"
            id={timeId}
            name={timeId}
            value={form.values[timeId] ?? ''}
            required
            aria-invalid={form.errors[timeId] ? 'true' : undefined}
          />
        </div>
      </fieldset>
    </div>
  );
}

export interface CallFormPageProps {
  form: FormState;
  zone: string;
  /** A new call chooses its exercise; an existing one shows it. */
  mode:
    | { kind: 'new'; exercises: { id: string; title: string }[] }
    | { kind: 'edit'; id: string; title: string; status: CallStatus; exerciseTitle: string };
}

/** The call's texts: title, summary, considerations, objectives, requirements and themes (in Spanish and English). */
function CallTextFields(props: { form: FormState }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  const onePerLine = t('calls.field.onePerLine');
  return (
    <>
      <TextField
        id="title"
        name="title"
        label={t('calls.field.title')}
        value={values.title}
        error={errors.title}
        maxLength={300}
      />
      <TextArea
        id="summary"
        name="summary"
        label={t('calls.field.summary')}
        hint={t('calls.field.summaryHint')}
        value={values.summary}
        error={errors.summary}
        rows={3}
        maxLength={2000}
      />
      <TextArea
        id="considerations"
        name="considerations"
        label={t('calls.field.considerations')}
        hint={t('calls.field.considerationsHint')}
        value={values.considerations}
        error={errors.considerations}
        rows={8}
        isOptional
      />
      <TextArea
        id="generalObjective"
        name="generalObjective"
        label={t('calls.field.generalObjective')}
        value={values.generalObjective}
        error={errors.generalObjective}
        rows={4}
        maxLength={5000}
      />
      <TextArea
        id="specificObjectives"
        name="specificObjectives"
        label={t('calls.field.specificObjectives')}
        hint={onePerLine}
        value={values.specificObjectives}
        error={errors.specificObjectives}
        rows={6}
        isOptional
      />
      <TextArea
        id="requirements"
        name="requirements"
        label={t('calls.field.requirements')}
        hint={onePerLine}
        value={values.requirements}
        error={errors.requirements}
        rows={5}
      />
      <TextArea
        id="themes"
        name="themes"
        label={t('calls.field.themes')}
        hint={t('calls.field.themesHint')}
        value={values.themes}
        error={errors.themes}
        rows={5}
        isOptional
      />
      <TextArea
        id="themesEn"
        name="themesEn"
        label={t('calls.field.themesEn')}
        hint={t('calls.field.themesEnHint')}
        value={values.themesEn}
        error={errors.themesEn}
        rows={5}
        isOptional
      />
    </>
  );
}

/** The call's form: new (a draft) or editing a draft or a published call. Everything typed comes back on an error. */
export function CallFormPage(props: CallFormPageProps) {
  const { t } = usePage();
  const { form, mode } = props;
  const { values, errors, summary } = form;
  const heading = mode.kind === 'new' ? t('calls.form.newTitle') : t('calls.form.editTitle');
  const action = mode.kind === 'new' ? '/admin/convocatorias/nueva' : `/admin/convocatorias/${mode.id}/editar`;
  const backHref = mode.kind === 'new' ? '/admin/convocatorias' : `/admin/convocatorias/${mode.id}`;
  const crumbs = [
    { href: '/', label: t('nav.home') },
    { href: '/admin', label: t('accounts.admin.title') },
    { href: '/admin/convocatorias', label: t('calls.admin.title') },
    ...(mode.kind === 'edit' ? [{ href: `/admin/convocatorias/${mode.id}`, label: mode.title }] : []),
    { label: heading },
  ];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading title={heading} lead={mode.kind === 'edit' ? mode.title : undefined} />
      {mode.kind === 'edit' && mode.status === 'published' ? (
        <Alert kind="warning">
          <p>{t('calls.form.publishedWarning')}</p>
        </Alert>
      ) : (
        <p class="hint">{t('calls.form.draftNote')}</p>
      )}
      <form method="post" action={action} novalidate>
        <ErrorSummary errors={summary} />
        <CsrfField />
        {mode.kind === 'new' ? (
          <SelectField
            id="exerciseId"
            name="exerciseId"
            label={t('calls.field.exercise')}
            value={values.exerciseId}
            error={errors.exerciseId}
            options={[
              { value: '', label: t('calls.field.chooseExercise') },
              ...mode.exercises.map((e) => ({ value: e.id, label: e.title })),
            ]}
          />
        ) : (
          <p>
            <strong>{t('calls.field.exercise')}:</strong> {mode.exerciseTitle}
          </p>
        )}
        <CallTextFields form={form} />
        <DateTimeField
          prefix="opens"
          legend={t('calls.field.opens')}
          hint={t('calls.field.opensHint', { zone: props.zone })}
          form={form}
        />
        <DateTimeField
          prefix="closes"
          legend={t('calls.field.closes')}
          hint={t('calls.field.closesHint', { zone: props.zone })}
          form={form}
        />
        <TextField
          id="contactEmail"
          name="contactEmail"
          type="email"
          label={t('calls.field.contactEmail')}
          hint={t('calls.field.contactEmailHint')}
          value={values.contactEmail}
          error={errors.contactEmail}
          autocomplete="email"
        />
        <TextArea
          id="resultsText"
          name="resultsText"
          label={t('calls.field.resultsText')}
          hint={t('calls.field.resultsTextHint')}
          value={values.resultsText}
          error={errors.resultsText}
          rows={4}
          maxLength={10000}
          isOptional
        />
        <div class="actions">
          <Button>{mode.kind === 'edit' ? t('calls.form.save') : t('calls.form.saveDraft')}</Button>
        </div>
      </form>
      <p>
        <a href={backHref}>{t('calls.form.back')}</a>
      </p>
    </>
  );
}
