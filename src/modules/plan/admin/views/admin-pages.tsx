import { Breadcrumbs, Button, CheckboxField, CsrfField, ErrorSummary, Notices, PageHeading, SelectField, Table, TextArea, TextField } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { plainStatusChanges } from '../change-commitment-status.js';
import type { AdminCommitment, AdminMilestone, AdminPlan, listPlansForAdmin } from '../get-plan-for-admin.js';
import { ogpValues, planStatuses, smartCriteria } from '../../schema.js';
import { nextStatuses } from '../transition-commitment.js';
import { editableStatuses } from '../update-commitment.js';
import { commitmentHref } from '../../core/views/plan-page.js';
import { isPublicCommitment, isPublicPlanStatus } from '../../core/visibility.js';
import { ActivityStatusBadge, CommitmentStatusBadge, Percent, PlanStatusBadge } from '../../core/views/plan-badges.js';
import type { FormState } from '../../../../web/forms.js';

type Option = { value: string; label: string };

function PlanFields(props: { form: FormState; withStatus: boolean }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <>
      <TextField id="title" name="title" label={t('plan.admin.field.title')} value={values.title} error={errors.title} />
      <TextField id="periodStart" name="periodStart" type="date" label={t('plan.admin.field.periodStart')} value={values.periodStart} error={errors.periodStart} />
      <TextField id="periodEnd" name="periodEnd" type="date" label={t('plan.admin.field.periodEnd')} value={values.periodEnd} error={errors.periodEnd} />
      <TextArea id="strategicVision" name="strategicVision" label={t('plan.admin.field.strategicVision')} value={values.strategicVision} error={errors.strategicVision} />
      {props.withStatus ? (
        <>
          <SelectField id="status" name="status" label={t('plan.admin.field.status')} value={values.status} options={planStatuses.map((s) => ({ value: s, label: t(`plan.planStatus.${s}`) }))} />
          <TextField id="approvalAgreementId" name="approvalAgreementId" isOptional label={t('plan.admin.field.approvalAgreementId')} hint={t('plan.admin.field.agreementHint')} value={values.approvalAgreementId} error={errors.approvalAgreementId} />
        </>
      ) : null}
    </>
  );
}

export function AdminPlansPage(props: { rows: Awaited<ReturnType<typeof listPlansForAdmin>>; form: FormState; formExerciseId?: string | undefined }) {
  const { t } = usePage();
  const without = props.rows.filter((r) => !r.plan);
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin', label: t('plan.admin.crumb') }, { label: t('plan.admin.plans') }]} />
      <PageHeading title={t('plan.admin.plans')} lead={t('plan.admin.plansLead')} />
      <Table
        caption={t('plan.admin.plansCaption')}
        columns={[
          { header: t('plan.admin.exercise'), cell: (r: (typeof props.rows)[number]) => r.exercise.title },
          { header: t('plan.admin.plan'), cell: (r) => (r.plan ? <a href={`/admin/plan/${r.plan.id}`}>{r.plan.title}</a> : t('plan.admin.noPlan')) },
          { header: t('plan.table.status'), cell: (r) => (r.plan ? <PlanStatusBadge status={r.plan.status} /> : '—') },
          { header: t('plan.table.progress'), cell: (r) => (r.plan ? <Percent value={r.plan.progress} /> : '—'), isNumeric: true },
        ]}
        rows={props.rows}
        rowKey={(r) => r.exercise.id}
      />
      {without.length ? (
        <form method="post" action="/admin/plan" novalidate class="form-section">
          <CsrfField />
          <h2>{t('plan.admin.newPlan')}</h2>
          <ErrorSummary errors={props.form.summary} />
          <SelectField id="exerciseId" name="exerciseId" label={t('plan.admin.exercise')} value={props.form.values.exerciseId} options={without.map((r) => ({ value: r.exercise.id, label: r.exercise.title }))} />
          <PlanFields form={props.form} withStatus={false} />
          <Button>{t('plan.admin.createPlan')}</Button>
        </form>
      ) : null}
    </>
  );
}

/** Says, on an admin page, that what it edits is not on the public portal yet (visibility.ts) and when it will be. */
function NotPublic(props: { hint: string }) {
  const { t } = usePage();
  return (
    <p class="panel">
      <strong>{t('plan.admin.notPublic')}</strong> {props.hint}
    </p>
  );
}

export function AdminPlanPage(props: { data: AdminPlan; form: FormState; notice?: string | undefined }) {
  const { t } = usePage();
  const { plan, exercise, commitments } = props.data;
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/plan', label: t('plan.admin.plans') }, { label: plan.title }]} />
      <PageHeading title={plan.title} lead={exercise.title}>
        {isPublicPlanStatus(plan.status) ? (
          <p>
            <a href={`/ejercicios/${exercise.slug}/plan`}>{t('plan.admin.publicPage')}</a>
          </p>
        ) : (
          <NotPublic hint={t('plan.admin.notPublic.plan')} />
        )}
      </PageHeading>
      <Notices notice={props.notice} />
      <section aria-labelledby="commitments-heading">
        <h2 id="commitments-heading">{t('plan.page.commitments')}</h2>
        <p>
          <a class="button button--secondary" href={`/admin/plan/${plan.id}/compromisos/nuevo`}>
            {t('plan.admin.newCommitment')}
          </a>
        </p>
        <Table
          caption={t('plan.table.caption')}
          columns={[
            { header: t('plan.table.number'), cell: (c: (typeof commitments)[number]) => c.number },
            { header: t('plan.table.commitment'), cell: (c) => <a href={`/admin/compromisos/${c.id}`}>{c.title}</a> },
            { header: t('plan.table.status'), cell: (c) => <CommitmentStatusBadge status={c.status} /> },
            { header: t('plan.table.progress'), cell: (c) => <Percent value={c.progress} />, isNumeric: true },
          ]}
          rows={commitments}
          rowKey={(c) => c.id}
        />
      </section>
      <form method="post" action={`/admin/plan/${plan.id}`} novalidate class="form-section">
        <CsrfField />
        <h2>{t('plan.admin.editPlan')}</h2>
        <ErrorSummary errors={props.form.summary} />
        <PlanFields form={props.form} withStatus />
        <Button>{t('plan.admin.save')}</Button>
      </form>
    </>
  );
}

/** The commitment form's long text fields (each labelled `plan.admin.field.<name>`). */
type AreaField = 'publicProblem' | 'baseline' | 'causes' | 'description' | 'objective' | 'howItSolves' | 'indicator' | 'goal' | 'assumptions' | 'alignmentStatePlan' | 'alignmentGender';

/** Every template field of a commitment, as one long form in sections. */
export function CommitmentForm(props: { action: string; form: FormState; institutions: Option[]; municipalities: Option[]; selected: string[]; submit: string }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  const area = (name: AreaField, rows = 4) => <TextArea id={name} name={name} isOptional rows={rows} label={t(`plan.admin.field.${name}`)} value={values[name]} error={errors[name]} />;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField />
      <ErrorSummary errors={props.form.summary} />
      <fieldset class="form-section">
        <legend class="form-section__legend">{t('plan.admin.section.basics')}</legend>
        <TextField id="title" name="title" label={t('plan.admin.field.title')} value={values.title} error={errors.title} />
        <TextField id="theme" name="theme" isOptional label={t('plan.admin.field.theme')} value={values.theme} error={errors.theme} />
        <SelectField id="leadInstitutionId" name="leadInstitutionId" label={t('plan.field.lead')} value={values.leadInstitutionId} error={errors.leadInstitutionId} options={props.institutions} />
        <TextField id="startsOn" name="startsOn" type="date" isOptional label={t('plan.admin.field.startsOn')} value={values.startsOn} error={errors.startsOn} />
        <TextField id="endsOn" name="endsOn" type="date" isOptional label={t('plan.admin.field.endsOn')} value={values.endsOn} error={errors.endsOn} />
      </fieldset>
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
      <fieldset class="form-section">
        <legend class="form-section__legend">{t('plan.admin.section.values')}</legend>
        {ogpValues.map((v) => (
          <div key={v}>
            <CheckboxField id={`value_${v}`} name={`value_${v}`} label={t(`plan.value.${v}`)} isChecked={values[`value_${v}`] === 'yes'} />
            <TextArea id={`value_${v}_why`} name={`value_${v}_why`} isOptional rows={2} label={t('plan.admin.field.justificationOf', { what: t(`plan.value.${v}`) })} value={values[`value_${v}_why`]} />
          </div>
        ))}
      </fieldset>
      <fieldset class="form-section">
        <legend class="form-section__legend">{t('plan.smart.caption')}</legend>
        <p class="hint">{t('plan.admin.smartHint')}</p>
        {smartCriteria.map((c) => (
          <div key={c}>
            <CheckboxField id={`smart_${c}`} name={`smart_${c}`} label={t(`plan.smart.${c}`)} isChecked={values[`smart_${c}`] === 'yes'} />
            <TextArea id={`smart_${c}_why`} name={`smart_${c}_why`} isOptional rows={2} label={t('plan.admin.field.justificationOf', { what: t(`plan.smart.${c}`) })} value={values[`smart_${c}_why`]} error={errors[`smart_${c}_why`]} />
          </div>
        ))}
      </fieldset>
      <fieldset class="form-section">
        <legend class="form-section__legend">{t('plan.admin.section.alignment')}</legend>
        {area('alignmentStatePlan', 2)}
        <TextField id="alignmentSdgs" name="alignmentSdgs" isOptional label={t('plan.field.alignmentSdgs')} hint={t('plan.admin.field.sdgsHint')} value={values.alignmentSdgs} error={errors.alignmentSdgs} />
        {area('alignmentGender', 2)}
      </fieldset>
      <fieldset class="form-section">
        <legend class="form-section__legend">{t('plan.admin.section.people')}</legend>
        <TextArea id="coResponsible" name="coResponsible" isOptional rows={3} label={t('plan.field.coResponsible')} hint={t('plan.admin.field.onePerLine')} value={values.coResponsible} error={errors.coResponsible} />
        <TextArea id="otherActors" name="otherActors" isOptional rows={3} label={t('plan.field.otherActors')} hint={t('plan.admin.field.onePerLine')} value={values.otherActors} error={errors.otherActors} />
        <TextArea id="contacts" name="contacts" isOptional rows={3} label={t('plan.field.contacts')} hint={t('plan.admin.field.contactsHint')} value={values.contacts} error={errors.contacts} />
      </fieldset>
      <fieldset class="form-section" id="municipalities">
        <legend class="form-section__legend">{t('plan.field.municipalities')}</legend>
        {props.municipalities.map((m) => (
          <div class="choice" key={m.value}>
            <input class="choice__input" type="checkbox" id={`municipality-${m.value}`} name="municipalities" value={m.value} checked={props.selected.includes(m.value)} />
            <label class="choice__label" for={`municipality-${m.value}`}>
              {m.label}
            </label>
          </div>
        ))}
      </fieldset>
      <Button>{props.submit}</Button>
    </form>
  );
}

export function NewCommitmentPage(props: { plan: { id: string; title: string }; form: FormState; institutions: Option[]; municipalities: Option[]; selected: string[] }) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/plan', label: t('plan.admin.plans') }, { href: `/admin/plan/${props.plan.id}`, label: props.plan.title }, { label: t('plan.admin.newCommitment') }]} />
      <PageHeading title={t('plan.admin.newCommitment')} lead={t('plan.admin.newCommitmentLead')} />
      <CommitmentForm action={`/admin/plan/${props.plan.id}/compromisos/nuevo`} form={props.form} institutions={props.institutions} municipalities={props.municipalities} selected={props.selected} submit={t('plan.admin.createCommitment')} />
    </>
  );
}

function MilestoneFieldsView(props: { form: FormState; institutions: Option[]; withActual: boolean }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <>
      <TextField id="title" name="title" label={t('plan.admin.field.title')} value={values.title} error={errors.title} />
      <TextArea id="deliverable" name="deliverable" rows={2} label={t('plan.milestone.deliverable')} value={values.deliverable} error={errors.deliverable} />
      <SelectField id="responsibleInstitutionId" name="responsibleInstitutionId" label={t('plan.milestone.responsible')} value={values.responsibleInstitutionId} error={errors.responsibleInstitutionId} options={props.institutions} />
      <TextField id="weight" name="weight" label={t('plan.milestone.weight')} hint={t('plan.admin.field.weightHint')} value={values.weight ?? '1'} error={errors.weight} />
      <TextField id="plannedStart" name="plannedStart" type="date" isOptional label={t('plan.admin.field.plannedStart')} value={values.plannedStart} error={errors.plannedStart} />
      <TextField id="plannedEnd" name="plannedEnd" type="date" isOptional label={t('plan.admin.field.plannedEnd')} value={values.plannedEnd} error={errors.plannedEnd} />
      {props.withActual ? (
        <>
          <TextField id="actualStart" name="actualStart" type="date" isOptional label={t('plan.admin.field.actualStart')} value={values.actualStart} error={errors.actualStart} />
          <TextField id="actualEnd" name="actualEnd" type="date" isOptional label={t('plan.admin.field.actualEnd')} value={values.actualEnd} error={errors.actualEnd} />
        </>
      ) : null}
    </>
  );
}

export interface CommitmentAdminForms {
  fields: FormState;
  status: FormState;
  milestone: FormState;
}

export function AdminCommitmentPage(props: { data: AdminCommitment; forms: CommitmentAdminForms; institutions: Option[]; municipalities: Option[]; selected: string[]; notice?: string | undefined; problem?: string | undefined }) {
  const { t } = usePage();
  const { commitment: c, plan, exerciseSlug, milestones } = props.data;
  const next = nextStatuses[c.status];
  const plain = next.filter((s) => (plainStatusChanges as readonly string[]).includes(s));
  const { status } = props.forms;
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/plan', label: t('plan.admin.plans') }, { href: `/admin/plan/${plan.id}`, label: plan.title }, { label: t('plan.commitment.crumb', { number: c.number }) }]} />
      <PageHeading title={t('plan.commitment.title', { number: c.number, title: c.title })}>
        <p>
          <CommitmentStatusBadge status={c.status} />{' '}
          {isPublicCommitment(c, plan) ? <a href={commitmentHref(exerciseSlug, c.number)}>{t('plan.admin.publicPage')}</a> : null}
        </p>
        {isPublicCommitment(c, plan) ? null : <NotPublic hint={t(isPublicPlanStatus(plan.status) ? 'plan.admin.notPublic.commitment' : 'plan.admin.notPublic.planOfCommitment')} />}
      </PageHeading>
      <Notices notice={props.notice} problem={props.problem} />

      <section aria-labelledby="status-heading" class="form-section">
        <h2 id="status-heading">{t('plan.admin.status')}</h2>
        <ErrorSummary errors={status.summary} />
        {next.includes('proposed') ? (
          <form method="post" action={`/admin/compromisos/${c.id}/estado`}>
            <CsrfField />
            <input type="hidden" name="action" value="propose" />
            <p>{t('plan.admin.proposeLead')}</p>
            <Button variant="secondary">{t('plan.admin.propose')}</Button>
          </form>
        ) : null}
        {next.includes('approved') || next.includes('under_modification') ? (
          <form method="post" action={`/admin/compromisos/${c.id}/estado`} novalidate>
            <CsrfField />
            <input type="hidden" name="action" value={next.includes('approved') ? 'approve' : 'modify'} />
            <TextField id="agreementId" name="agreementId" label={t(next.includes('approved') ? 'plan.admin.approvalAgreement' : 'plan.admin.modificationAgreement')} hint={t('plan.admin.field.agreementHint')} value={status.values.agreementId} error={status.errors.agreementId} />
            <Button variant="secondary">{t(next.includes('approved') ? 'plan.admin.approve' : 'plan.admin.modify')}</Button>
          </form>
        ) : null}
        {plain.length ? (
          <form method="post" action={`/admin/compromisos/${c.id}/estado`} novalidate>
            <CsrfField />
            <input type="hidden" name="action" value="status" />
            <SelectField id="status" name="status" label={t('plan.admin.newStatus')} value={status.values.status} options={plain.map((s) => ({ value: s, label: t(`plan.commitmentStatus.${s}`) }))} />
            <TextField id="note" name="note" isOptional label={t('plan.admin.statusNote')} value={status.values.note} error={status.errors.note} />
            <Button variant="secondary">{t('plan.admin.changeStatus')}</Button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('plan.milestones.title')}</h2>
        <Table
          caption={t('plan.admin.milestonesCaption')}
          columns={[
            { header: t('plan.admin.field.title'), cell: (m: (typeof milestones)[number]) => <a href={`/admin/hitos/${m.id}`}>{m.title}</a> },
            { header: t('plan.milestone.weight'), cell: (m) => m.weight, isNumeric: true },
            { header: t('plan.table.progress'), cell: (m) => (m.cancelledAt ? t('plan.milestone.cancelled') : <Percent value={m.progress} />), isNumeric: true },
          ]}
          rows={milestones}
          rowKey={(m) => m.id}
        />
        <form method="post" action={`/admin/compromisos/${c.id}/hitos`} novalidate class="form-section">
          <CsrfField />
          <h3>{t('plan.admin.newMilestone')}</h3>
          <ErrorSummary errors={props.forms.milestone.summary} />
          <MilestoneFieldsView form={props.forms.milestone} institutions={props.institutions} withActual={false} />
          <Button variant="secondary">{t('plan.admin.addMilestone')}</Button>
        </form>
      </section>

      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">{t('plan.commitment.template')}</h2>
        {editableStatuses.includes(c.status) ? (
          <CommitmentForm action={`/admin/compromisos/${c.id}`} form={props.forms.fields} institutions={props.institutions} municipalities={props.municipalities} selected={props.selected} submit={t('plan.admin.save')} />
        ) : (
          <p>{t('plan.admin.notEditable')}</p>
        )}
      </section>
    </>
  );
}

export interface MilestoneAdminForms {
  fields: FormState;
  cancel: FormState;
  activity: FormState;
}

function ActivityFieldsView(props: { form: FormState; institutions: Option[] }) {
  const { t } = usePage();
  const { values, errors } = props.form;
  return (
    <>
      <TextField id="activity-title" name="title" label={t('plan.admin.field.title')} value={values.title} error={errors.title} />
      <TextArea id="activity-description" name="description" isOptional rows={2} label={t('plan.admin.field.description')} value={values.description} error={errors.description} />
      <SelectField id="activity-responsibleInstitutionId" name="responsibleInstitutionId" label={t('plan.activity.responsible')} value={values.responsibleInstitutionId} error={errors.responsibleInstitutionId} options={props.institutions} />
      <TextField id="activity-responsiblePerson" name="responsiblePerson" isOptional label={t('plan.admin.field.responsiblePerson')} value={values.responsiblePerson} error={errors.responsiblePerson} />
      <TextField id="activity-plannedStart" name="plannedStart" type="date" isOptional label={t('plan.admin.field.plannedStart')} value={values.plannedStart} error={errors.plannedStart} />
      <TextField id="activity-plannedEnd" name="plannedEnd" type="date" isOptional label={t('plan.admin.field.plannedEnd')} value={values.plannedEnd} error={errors.plannedEnd} />
    </>
  );
}

export function AdminMilestonePage(props: { data: AdminMilestone; forms: MilestoneAdminForms; institutions: Option[]; notice?: string | undefined; problem?: string | undefined }) {
  const { t } = usePage();
  const { milestone: m, commitment, activities } = props.data;
  return (
    <>
      <Breadcrumbs items={[{ href: '/admin/plan', label: t('plan.admin.plans') }, { href: `/admin/compromisos/${commitment.id}`, label: t('plan.commitment.crumb', { number: commitment.number }) }, { label: m.title }]} />
      <PageHeading title={m.title} lead={t('plan.commitment.title', { number: commitment.number, title: commitment.title })} />
      <Notices notice={props.notice} problem={props.problem} />
      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">{t('plan.activities.title')}</h2>
        <Table
          caption={t('plan.admin.activitiesCaption')}
          columns={[
            { header: t('plan.admin.field.title'), cell: (a: (typeof activities)[number]) => <a href={`/actividades/${a.id}`}>{a.title}</a> },
            { header: t('plan.table.status'), cell: (a) => <ActivityStatusBadge status={a.status} /> },
            {
              header: t('plan.admin.actions'),
              cell: (a) => (
                <>
                  {a.status !== 'cancelled' && a.status !== 'verified' ? (
                    <form method="post" action={`/admin/actividades/${a.id}/cancelar`} class="inline-form">
                      <CsrfField />
                      <label class="visually-hidden" for={`cancel-${a.id}`}>
                        {t('plan.admin.cancelReason')}
                      </label>
                      <input class="field__input" id={`cancel-${a.id}`} name="reason" required placeholder={t('plan.admin.cancelReason')} />
                      <Button variant="secondary">{t('plan.admin.cancelActivity')}</Button>
                    </form>
                  ) : null}
                  <form method="post" action={`/admin/actividades/${a.id}/borrar`} class="inline-form">
                    <CsrfField />
                    <Button variant="warning">{t('plan.admin.deleteActivity')}</Button>
                  </form>
                </>
              ),
            },
          ]}
          rows={activities}
          rowKey={(a) => a.id}
        />
        <form method="post" action={`/admin/hitos/${m.id}/actividades`} novalidate class="form-section">
          <CsrfField />
          <h3>{t('plan.admin.newActivity')}</h3>
          <ErrorSummary errors={props.forms.activity.summary} />
          <ActivityFieldsView form={props.forms.activity} institutions={props.institutions} />
          <Button variant="secondary">{t('plan.admin.addActivity')}</Button>
        </form>
      </section>
      <form method="post" action={`/admin/hitos/${m.id}`} novalidate class="form-section">
        <CsrfField />
        <h2>{t('plan.admin.editMilestone')}</h2>
        <ErrorSummary errors={props.forms.fields.summary} />
        <MilestoneFieldsView form={props.forms.fields} institutions={props.institutions} withActual />
        <Button>{t('plan.admin.save')}</Button>
      </form>
      {m.cancelledAt ? null : (
        <form method="post" action={`/admin/hitos/${m.id}/cancelar`} novalidate class="form-section">
          <CsrfField />
          <h2>{t('plan.admin.cancelMilestone')}</h2>
          <ErrorSummary errors={props.forms.cancel.summary} />
          <TextField id="reason" name="reason" label={t('plan.admin.cancelReason')} value={props.forms.cancel.values.reason} error={props.forms.cancel.errors.reason} />
          <Button variant="warning">{t('plan.admin.cancelMilestone')}</Button>
        </form>
      )}
      <form method="post" action={`/admin/hitos/${m.id}/borrar`} class="form-section">
        <CsrfField />
        <h2>{t('plan.admin.deleteMilestone')}</h2>
        <p>{t('plan.admin.deleteMilestoneLead')}</p>
        <Button variant="warning">{t('plan.admin.deleteMilestone')}</Button>
      </form>
    </>
  );
}
