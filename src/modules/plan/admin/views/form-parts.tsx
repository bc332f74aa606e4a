import { SelectField, TextArea, TextField } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { planStatuses } from '../../schema.js';
import type { FormState } from '../../../../web/forms.js';

/** A choice of a select field or a checkbox list. */
export type Option = { value: string; label: string };

/** The fields of a plan: on the new-plan form, and with its status on the plan's page. */
export function PlanFields(props: { form: FormState; withStatus: boolean }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <>
      <TextField
        id="title"
        name="title"
        label={t('plan.admin.field.title')}
        value={values.title}
        error={errors.title}
      />
      <TextField
        id="periodStart"
        name="periodStart"
        type="date"
        label={t('plan.admin.field.periodStart')}
        value={values.periodStart}
        error={errors.periodStart}
      />
      <TextField
        id="periodEnd"
        name="periodEnd"
        type="date"
        label={t('plan.admin.field.periodEnd')}
        value={values.periodEnd}
        error={errors.periodEnd}
      />
      <TextArea
        id="strategicVision"
        name="strategicVision"
        label={t('plan.admin.field.strategicVision')}
        value={values.strategicVision}
        error={errors.strategicVision}
      />
      {props.withStatus ? (
        <>
          <SelectField
            id="status"
            name="status"
            label={t('plan.admin.field.status')}
            value={values.status}
            options={planStatuses.map((s) => ({ value: s, label: t(`plan.planStatus.${s}`) }))}
          />
          <TextField
            id="approvalAgreementId"
            name="approvalAgreementId"
            isOptional
            label={t('plan.admin.field.approvalAgreementId')}
            hint={t('plan.admin.field.agreementHint')}
            value={values.approvalAgreementId}
            error={errors.approvalAgreementId}
          />
        </>
      ) : null}
    </>
  );
}

/** Says, on an admin page, that what it edits is not on the public portal yet (visibility.ts) and when it will be. */
export function NotPublic(props: { hint: string }) {
  const { t } = usePage();
  return (
    <p class="panel">
      <strong>{t('plan.admin.notPublic')}</strong> {props.hint}
    </p>
  );
}

/** A milestone's fields: on the commitment's page (a new milestone) and on the milestone's page (with actual dates). */
export function MilestoneFieldsView(props: { form: FormState; institutions: Option[]; withActual: boolean }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <>
      <TextField
        id="title"
        name="title"
        label={t('plan.admin.field.title')}
        value={values.title}
        error={errors.title}
      />
      <TextArea
        id="deliverable"
        name="deliverable"
        rows={2}
        label={t('plan.milestone.deliverable')}
        value={values.deliverable}
        error={errors.deliverable}
      />
      <SelectField
        id="responsibleInstitutionId"
        name="responsibleInstitutionId"
        label={t('plan.milestone.responsible')}
        value={values.responsibleInstitutionId}
        error={errors.responsibleInstitutionId}
        options={props.institutions}
      />
      <TextField
        id="weight"
        name="weight"
        label={t('plan.milestone.weight')}
        hint={t('plan.admin.field.weightHint')}
        value={values.weight ?? '1'}
        error={errors.weight}
      />
      <TextField
        id="plannedStart"
        name="plannedStart"
        type="date"
        isOptional
        label={t('plan.admin.field.plannedStart')}
        value={values.plannedStart}
        error={errors.plannedStart}
      />
      <TextField
        id="plannedEnd"
        name="plannedEnd"
        type="date"
        isOptional
        label={t('plan.admin.field.plannedEnd')}
        value={values.plannedEnd}
        error={errors.plannedEnd}
      />
      {props.withActual ? (
        <>
          <TextField
            id="actualStart"
            name="actualStart"
            type="date"
            isOptional
            label={t('plan.admin.field.actualStart')}
            value={values.actualStart}
            error={errors.actualStart}
          />
          <TextField
            id="actualEnd"
            name="actualEnd"
            type="date"
            isOptional
            label={t('plan.admin.field.actualEnd')}
            value={values.actualEnd}
            error={errors.actualEnd}
          />
        </>
      ) : null}
    </>
  );
}

/** A new activity's fields, on the milestone's page (ids prefixed, next to the milestone's own form). */
export function ActivityFieldsView(props: { form: FormState; institutions: Option[] }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <>
      <TextField
        id="activity-title"
        name="title"
        label={t('plan.admin.field.title')}
        value={values.title}
        error={errors.title}
      />
      <TextArea
        id="activity-description"
        name="description"
        isOptional
        rows={2}
        label={t('plan.admin.field.description')}
        value={values.description}
        error={errors.description}
      />
      <SelectField
        id="activity-responsibleInstitutionId"
        name="responsibleInstitutionId"
        label={t('plan.activity.responsible')}
        value={values.responsibleInstitutionId}
        error={errors.responsibleInstitutionId}
        options={props.institutions}
      />
      <TextField
        id="activity-responsiblePerson"
        name="responsiblePerson"
        isOptional
        label={t('plan.admin.field.responsiblePerson')}
        value={values.responsiblePerson}
        error={errors.responsiblePerson}
      />
      <TextField
        id="activity-plannedStart"
        name="plannedStart"
        type="date"
        isOptional
        label={t('plan.admin.field.plannedStart')}
        value={values.plannedStart}
        error={errors.plannedStart}
      />
      <TextField
        id="activity-plannedEnd"
        name="plannedEnd"
        type="date"
        isOptional
        label={t('plan.admin.field.plannedEnd')}
        value={values.plannedEnd}
        error={errors.plannedEnd}
      />
    </>
  );
}
