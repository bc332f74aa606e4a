import {
  Button,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { ogpValues, smartCriteria } from '../../schema.js';
import type { FormState } from '../../../../web/forms.js';
import type { Option } from './form-parts.js';

/** The commitment form's long text fields (each labelled `plan.admin.field.<name>`). */
type AreaField =
  | 'publicProblem'
  | 'baseline'
  | 'causes'
  | 'description'
  | 'objective'
  | 'howItSolves'
  | 'indicator'
  | 'goal'
  | 'assumptions'
  | 'alignmentStatePlan'
  | 'alignmentGender';

/** A long text field of the template, labelled `plan.admin.field.<name>`. */
function areaOf(form: FormState) {
  const { t } = usePage();
  const { values, errors } = form;
  return (name: AreaField, rows = 4) => (
    <TextArea
      id={name}
      name={name}
      isOptional
      rows={rows}
      label={t(`plan.admin.field.${name}`)}
      value={values[name]}
      error={errors[name]}
    />
  );
}

/** The basics: title, theme, lead institution and dates. */
function CommitmentBasics(props: { form: FormState; institutions: Option[] }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <fieldset class="form-section">
      <legend class="form-section__legend">{t('plan.admin.section.basics')}</legend>
      <TextField
        id="title"
        name="title"
        label={t('plan.admin.field.title')}
        value={values.title}
        error={errors.title}
      />
      <TextField
        id="theme"
        name="theme"
        isOptional
        label={t('plan.admin.field.theme')}
        value={values.theme}
        error={errors.theme}
      />
      <SelectField
        id="leadInstitutionId"
        name="leadInstitutionId"
        label={t('plan.field.lead')}
        value={values.leadInstitutionId}
        error={errors.leadInstitutionId}
        options={props.institutions}
      />
      <TextField
        id="startsOn"
        name="startsOn"
        type="date"
        isOptional
        label={t('plan.admin.field.startsOn')}
        value={values.startsOn}
        error={errors.startsOn}
      />
      <TextField
        id="endsOn"
        name="endsOn"
        type="date"
        isOptional
        label={t('plan.admin.field.endsOn')}
        value={values.endsOn}
        error={errors.endsOn}
      />
    </fieldset>
  );
}

/** The public problem and how the commitment answers it (long text fields). */
function CommitmentProblem(props: { form: FormState }) {
  const { t } = usePage();
  const area = areaOf(props.form);
  return (
    <fieldset class="form-section">
      <legend class="form-section__legend">{t('plan.admin.section.problem')}</legend>
      {area('publicProblem')}
      {area('baseline')}
      {area('causes')}
      {area('description')}
      {area('objective')}
      {area('howItSolves')}
      {area('indicator', 2)}
      {area('goal', 2)}
      {area('assumptions')}
    </fieldset>
  );
}

/** The OGP values the commitment serves, each with its justification. */
function CommitmentValues(props: { form: FormState }) {
  const { t } = usePage();
  const { values } = props.form;
  return (
    <fieldset class="form-section">
      <legend class="form-section__legend">{t('plan.admin.section.values')}</legend>
      {ogpValues.map((v) => (
        <div key={v}>
          <CheckboxField
            id={`value_${v}`}
            name={`value_${v}`}
            label={t(`plan.value.${v}`)}
            isChecked={values[`value_${v}`] === 'yes'}
          />
          <TextArea
            id={`value_${v}_why`}
            name={`value_${v}_why`}
            isOptional
            rows={2}
            label={t('plan.admin.field.justificationOf', { what: t(`plan.value.${v}`) })}
            value={values[`value_${v}_why`]}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** The SMART criteria, each with its justification. */
function CommitmentSmart(props: { form: FormState }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <fieldset class="form-section">
      <legend class="form-section__legend">{t('plan.smart.caption')}</legend>
      <p class="hint">{t('plan.admin.smartHint')}</p>
      {smartCriteria.map((c) => (
        <div key={c}>
          <CheckboxField
            id={`smart_${c}`}
            name={`smart_${c}`}
            label={t(`plan.smart.${c}`)}
            isChecked={values[`smart_${c}`] === 'yes'}
          />
          <TextArea
            id={`smart_${c}_why`}
            name={`smart_${c}_why`}
            isOptional
            rows={2}
            label={t('plan.admin.field.justificationOf', { what: t(`plan.smart.${c}`) })}
            value={values[`smart_${c}_why`]}
            error={errors[`smart_${c}_why`]}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** Alignment with the state plan, the SDGs and gender. */
function CommitmentAlignment(props: { form: FormState }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  const area = areaOf(props.form);
  return (
    <fieldset class="form-section">
      <legend class="form-section__legend">{t('plan.admin.section.alignment')}</legend>
      {area('alignmentStatePlan', 2)}
      <TextField
        id="alignmentSdgs"
        name="alignmentSdgs"
        isOptional
        label={t('plan.field.alignmentSdgs')}
        hint={t('plan.admin.field.sdgsHint')}
        value={values.alignmentSdgs}
        error={errors.alignmentSdgs}
      />
      {area('alignmentGender', 2)}
    </fieldset>
  );
}

/** The co-responsible people, other actors and contacts. */
function CommitmentPeople(props: { form: FormState }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <fieldset class="form-section">
      <legend class="form-section__legend">{t('plan.admin.section.people')}</legend>
      <TextArea
        id="coResponsible"
        name="coResponsible"
        isOptional
        rows={3}
        label={t('plan.field.coResponsible')}
        hint={t('plan.admin.field.onePerLine')}
        value={values.coResponsible}
        error={errors.coResponsible}
      />
      <TextArea
        id="otherActors"
        name="otherActors"
        isOptional
        rows={3}
        label={t('plan.field.otherActors')}
        hint={t('plan.admin.field.onePerLine')}
        value={values.otherActors}
        error={errors.otherActors}
      />
      <TextArea
        id="contacts"
        name="contacts"
        isOptional
        rows={3}
        label={t('plan.field.contacts')}
        hint={t('plan.admin.field.contactsHint')}
        value={values.contacts}
        error={errors.contacts}
      />
    </fieldset>
  );
}

/** The municipalities the commitment covers. */
function CommitmentMunicipalities(props: { municipalities: Option[]; selected: string[] }) {
  const { t } = usePage();
  return (
    <fieldset class="form-section" id="municipalities">
      <legend class="form-section__legend">{t('plan.field.municipalities')}</legend>
      {props.municipalities.map((m) => (
        <div class="choice" key={m.value}>
          <input
            class="choice__input"
            type="checkbox"
            id={`municipality-${m.value}`}
            name="municipalities"
            value={m.value}
            checked={props.selected.includes(m.value)}
          />
          <label class="choice__label" for={`municipality-${m.value}`}>
            {m.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Every template field of a commitment, as one long form in sections. */
export function CommitmentForm(props: {
  action: string;
  form: FormState;
  institutions: Option[];
  municipalities: Option[];
  selected: string[];
  submit: string;
}) {
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField />
      <ErrorSummary errors={props.form.summary} />
      <CommitmentBasics form={props.form} institutions={props.institutions} />
      <CommitmentProblem form={props.form} />
      <CommitmentValues form={props.form} />
      <CommitmentSmart form={props.form} />
      <CommitmentAlignment form={props.form} />
      <CommitmentPeople form={props.form} />
      <CommitmentMunicipalities municipalities={props.municipalities} selected={props.selected} />
      <Button>{props.submit}</Button>
    </form>
  );
}
