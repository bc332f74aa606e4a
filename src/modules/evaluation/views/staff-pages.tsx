import {
  Breadcrumbs,
  Button,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  RadioGroup,
  StatusBadge,
  Table,
  TextArea,
  TextField,
} from '../../../web/components/index.js';
import type { FormState } from '../../../web/forms.js';
import { usePage } from '../../../web/page-context.js';
import type { EvaluatedCommitment } from '../evaluated-commitment.js';
import type { listEvaluationWork } from '../list-evaluation-work.js';
import {
  completionLevels,
  declaredStatuses,
  openGovernmentValues,
  openedGovernmentLevels,
  potentialScales,
  reportPeriods,
  verifiabilityLevels,
} from '../scales.js';
import { staffLessonsHref, staffReportHref } from '../paths.js';
import { DeadlineNote } from './labels.js';
import { evaluationHref } from './results-page.js';

type Work = Awaited<ReturnType<typeof listEvaluationWork>>;
export const staffHref = (commitmentId: string, step: 'informe' | 'diseno' | 'cierre') =>
  `/evaluacion/compromisos/${commitmentId}/${step}`;

/** The exercises whose results report and lessons an evaluator writes. */
function ExercisesSection(props: { exercises: { slug: string; title: string }[] }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="ejercicios">
      <h2 id="ejercicios">{t('evaluation.work.exercises.title')}</h2>
      <p>{t('evaluation.work.exercises.lead')}</p>
      <ul>
        {props.exercises.map((e) => (
          <li key={e.slug}>
            {e.title}: <a href={staffReportHref(e.slug)}>{t('evaluation.admin.report')}</a> ·{' '}
            <a href={staffLessonsHref(e.slug)}>{t('evaluation.admin.lessons')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The evaluation work of a liaison or an evaluator (/evaluacion). */
export function EvaluationWorkPage(props: {
  work: Work;
  isLiaison: boolean;
  isEvaluator: boolean;
  exercises?: { slug: string; title: string }[];
}) {
  const { t, format } = usePage();
  const { toReport, toAssess } = props.work;
  const late = toAssess.reduce((sum, c) => sum + c.deadlines.filter((d) => d.isLate).length, 0);
  const commitmentCell = (c: { slug: string; number: number; title: string }) => (
    <a href={evaluationHref(c.slug, c.number)}>{`${format.number(c.number)}. ${c.title}`}</a>
  );
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: t('nav.home') }, { label: t('evaluation.work.title') }]} />
      <PageHeading title={t('evaluation.work.title')} lead={t('evaluation.work.lead')} />
      {props.isLiaison ? (
        <section aria-labelledby="informes">
          <h2 id="informes">{t('evaluation.work.reports.title')}</h2>
          {toReport.length === 0 ? (
            <p>{t('evaluation.work.reports.none')}</p>
          ) : (
            <Table
              caption={t('evaluation.work.reports.caption')}
              rowKey={(c) => c.id}
              rows={toReport}
              columns={[
                { header: t('evaluation.work.plan'), cell: (c) => c.planTitle },
                { header: t('evaluation.results.table.commitment'), cell: commitmentCell },
                {
                  header: t('evaluation.work.reports.done'),
                  cell: (c) =>
                    c.reported.length
                      ? c.reported.map((p) => t(`evaluation.period.${p}`)).join(', ')
                      : t('evaluation.work.none'),
                },
                {
                  header: t('evaluation.work.reports.write'),
                  cell: (c) =>
                    c.reported.length < reportPeriods.length ? (
                      <a href={staffHref(c.id, 'informe')}>{t('evaluation.work.reports.write')}</a>
                    ) : (
                      t('evaluation.work.none')
                    ),
                },
              ]}
            />
          )}
        </section>
      ) : null}
      {props.isEvaluator ? (
        <section aria-labelledby="evaluar">
          <h2 id="evaluar">{t('evaluation.work.assess.title')}</h2>
          {late > 0 ? (
            <p>
              <StatusBadge tone="danger">{t('evaluation.deadline.late')}</StatusBadge>{' '}
              {t('evaluation.work.assess.late', { count: format.number(late) })}
            </p>
          ) : null}
          {toAssess.length === 0 ? (
            <p>{t('evaluation.work.assess.none')}</p>
          ) : (
            <Table
              caption={t('evaluation.work.assess.caption')}
              rowKey={(c) => c.id}
              rows={toAssess}
              columns={[
                { header: t('evaluation.work.plan'), cell: (c) => c.planTitle },
                { header: t('evaluation.results.table.commitment'), cell: commitmentCell },
                {
                  header: t('evaluation.work.assess.design'),
                  cell: (c) => (
                    <a href={staffHref(c.id, 'diseno')}>
                      {c.design ? t(`evaluation.verifiability.${c.design}`) : t('evaluation.work.assess.doDesign')}
                    </a>
                  ),
                },
                {
                  header: t('evaluation.work.assess.end'),
                  cell: (c) =>
                    c.design === 'not_verifiable' ? (
                      t('evaluation.notReviewable')
                    ) : c.hasFinalReport ? (
                      <a href={staffHref(c.id, 'cierre')}>
                        {c.completion ? t(`evaluation.completion.${c.completion}`) : t('evaluation.work.assess.doEnd')}
                      </a>
                    ) : (
                      t('evaluation.noReport')
                    ),
                },
                {
                  header: t('evaluation.work.assess.deadlines'),
                  cell: (c) => (
                    <ul class="plain-list">
                      {c.deadlines.map((d) => (
                        <li key={d.kind}>
                          <DeadlineNote deadline={d} />
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </section>
      ) : null}
      {props.isEvaluator && props.exercises?.length ? <ExercisesSection exercises={props.exercises} /> : null}
    </>
  );
}

function FormFrame(props: {
  title: string;
  lead: string;
  commitment: EvaluatedCommitment;
  problem?: string | undefined;
  children: preact.ComponentChildren;
}) {
  const { t } = usePage();
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/evaluacion', label: t('evaluation.work.title') },
          { label: props.title },
        ]}
      />
      <PageHeading title={props.title} lead={props.lead}>
        <p>
          <a href={evaluationHref(props.commitment.exerciseSlug, props.commitment.number)}>{props.commitment.title}</a>
        </p>
      </PageHeading>
      <Notices problem={props.problem} />
      {props.children}
    </>
  );
}

/** The liaison's progress report form. */
export function ReportFormPage(props: {
  commitment: EvaluatedCommitment;
  form: FormState;
  problem?: string | undefined;
}) {
  const { t, format } = usePage();
  const { form, commitment } = props;
  return (
    <FormFrame
      title={t('evaluation.form.report.title', { number: format.number(commitment.number) })}
      lead={t('evaluation.form.report.lead')}
      commitment={commitment}
      problem={props.problem}
    >
      <form method="post" action={staffHref(commitment.id, 'informe')} novalidate>
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <RadioGroup
          id="period"
          name="period"
          legend={t('evaluation.form.period')}
          value={form.values.period}
          error={form.errors.period}
          options={reportPeriods.map((p) => ({ value: p, label: t(`evaluation.period.${p}`) }))}
        />
        <RadioGroup
          id="declaredStatus"
          name="declaredStatus"
          legend={t('evaluation.form.declaredStatus')}
          value={form.values.declaredStatus}
          error={form.errors.declaredStatus}
          options={declaredStatuses.map((s) => ({ value: s, label: t(`evaluation.declared.${s}`) }))}
        />
        <TextArea
          id="narrative"
          name="narrative"
          label={t('evaluation.form.narrative')}
          hint={t('evaluation.form.narrative.hint')}
          value={form.values.narrative}
          error={form.errors.narrative}
          rows={8}
        />
        <Button>{t('evaluation.form.report.submit')}</Button>
      </form>
    </FormFrame>
  );
}

function AssessorFields(props: { form: FormState }) {
  const { t } = usePage();
  const { form } = props;
  return (
    <>
      <TextField
        id="assessorName"
        name="assessorName"
        label={t('evaluation.form.assessorName')}
        hint={t('evaluation.form.assessorName.hint')}
        value={form.values.assessorName}
        error={form.errors.assessorName}
        maxLength={200}
      />
      <TextField
        id="assessorOrganisation"
        name="assessorOrganisation"
        label={t('evaluation.form.assessorOrganisation')}
        value={form.values.assessorOrganisation}
        error={form.errors.assessorOrganisation}
        maxLength={300}
      />
    </>
  );
}

/** The evaluator's design assessment form, on the scale of the plan's method. */
export function DesignFormPage(props: {
  commitment: EvaluatedCommitment;
  form: FormState;
  problem?: string | undefined;
}) {
  const { t, format } = usePage();
  const { form, commitment } = props;
  const method = commitment.method;
  return (
    <FormFrame
      title={t('evaluation.form.design.title', { number: format.number(commitment.number) })}
      lead={t('evaluation.form.design.lead', { method: t(`evaluation.method.${method}`) })}
      commitment={commitment}
      problem={props.problem}
    >
      <form method="post" action={staffHref(commitment.id, 'diseno')} novalidate>
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <RadioGroup
          id="verifiability"
          name="verifiability"
          legend={t('evaluation.form.verifiability')}
          value={form.values.verifiability}
          error={form.errors.verifiability}
          options={verifiabilityLevels.map((v) => ({ value: v, label: t(`evaluation.verifiability.${v}`) }))}
        />
        {openGovernmentValues.map((v) => (
          <div key={v}>
            <RadioGroup
              id={`value_${v}`}
              name={`value_${v}`}
              legend={t('evaluation.form.value.relevant', { value: t(`evaluation.value.${v}`) })}
              value={form.values[`value_${v}`]}
              error={form.errors[`value_${v}`]}
              options={[
                { value: 'yes', label: t('evaluation.form.value.yes') },
                { value: 'no', label: t('evaluation.form.value.no') },
              ]}
            />
            <TextArea
              id={`justification_${v}`}
              name={`justification_${v}`}
              label={t('evaluation.form.value.justification', { value: t(`evaluation.value.${v}`) })}
              value={form.values[`justification_${v}`]}
              error={form.errors[`justification_${v}`]}
              rows={3}
              isOptional
            />
          </div>
        ))}
        <RadioGroup
          id="potential"
          name="potential"
          legend={t(`evaluation.potential.title.${method}`)}
          value={form.values.potential}
          error={form.errors.potential}
          options={potentialScales[method].map((p) => ({ value: p, label: t(`evaluation.potential.${p}`) }))}
        />
        <TextArea
          id="potentialJustification"
          name="potentialJustification"
          label={t('evaluation.form.potentialJustification')}
          value={form.values.potentialJustification}
          error={form.errors.potentialJustification}
          rows={3}
          isOptional
        />
        {method === 'irm_2021' ? (
          <>
            <CheckboxField
              id="isPromising"
              name="isPromising"
              label={t('evaluation.form.isPromising')}
              isChecked={form.values.isPromising === 'yes'}
              error={form.errors.isPromising}
            />
            <p class="hint">{t('evaluation.promising.explained')}</p>
            <TextArea
              id="promisingJustification"
              name="promisingJustification"
              label={t('evaluation.form.promisingJustification')}
              value={form.values.promisingJustification}
              error={form.errors.promisingJustification}
              rows={3}
              isOptional
            />
          </>
        ) : (
          <p class="hint">{t('evaluation.starred.formula')}</p>
        )}
        <AssessorFields form={form} />
        <Button>{t('evaluation.form.design.submit')}</Button>
      </form>
    </FormFrame>
  );
}

/** The evaluator's end assessment form. */
export function EndFormPage(props: { commitment: EvaluatedCommitment; form: FormState; problem?: string | undefined }) {
  const { t, format } = usePage();
  const { form, commitment } = props;
  return (
    <FormFrame
      title={t('evaluation.form.end.title', { number: format.number(commitment.number) })}
      lead={t('evaluation.form.end.lead', { progress: format.percent(Math.round(commitment.progress)) })}
      commitment={commitment}
      problem={props.problem}
    >
      <form method="post" action={staffHref(commitment.id, 'cierre')} novalidate>
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <RadioGroup
          id="completion"
          name="completion"
          legend={t('evaluation.completion.title')}
          value={form.values.completion}
          error={form.errors.completion}
          options={completionLevels.map((c) => ({ value: c, label: t(`evaluation.completion.${c}`) }))}
        />
        <RadioGroup
          id="openedGovernment"
          name="openedGovernment"
          legend={t('evaluation.opened.title')}
          value={form.values.openedGovernment}
          error={form.errors.openedGovernment}
          options={openedGovernmentLevels.map((o) => ({ value: o, label: t(`evaluation.opened.${o}`) }))}
        />
        <TextArea
          id="narrative"
          name="narrative"
          label={t('evaluation.end.narrative')}
          hint={t('evaluation.form.narrativeEnd.hint')}
          value={form.values.narrative}
          error={form.errors.narrative}
          rows={8}
        />
        <TextArea
          id="evidence"
          name="evidence"
          label={t('evaluation.form.evidence')}
          hint={t('evaluation.form.evidence.hint')}
          value={form.values.evidence}
          error={form.errors.evidence}
          rows={4}
        />
        <TextArea
          id="completeJustification"
          name="completeJustification"
          label={t('evaluation.form.completeJustification')}
          value={form.values.completeJustification}
          error={form.errors.completeJustification}
          rows={3}
          isOptional
        />
        <AssessorFields form={form} />
        <Button>{t('evaluation.form.end.submit')}</Button>
      </form>
    </FormFrame>
  );
}
