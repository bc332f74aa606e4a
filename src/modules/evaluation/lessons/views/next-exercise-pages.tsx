import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  SelectField,
  Table,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import type { FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import { startingPointHref, staffLessonsHref } from '../../paths.js';
import type { StartingPoint } from '../starting-point.js';

const adminCrumbs = (t: ReturnType<typeof usePage>['t'], label: string) => [
  { href: '/admin', label: t('accounts.admin.title') },
  { href: '/admin/evaluacion', label: t('evaluation.admin.title') },
  { label },
];

/** The admin's form to create the next exercise from a previous one (/admin/evaluacion/siguiente-ejercicio). */
export function NextExercisePage(props: { form: FormState; exercises: { id: string; title: string }[] }) {
  const { t } = usePage();
  const { form } = props;
  return (
    <>
      <Breadcrumbs items={adminCrumbs(t, t('evaluationLessons.next.crumb'))} />
      <PageHeading title={t('evaluationLessons.next.title')} lead={t('evaluationLessons.next.lead')} />
      <form method="post" action="/admin/evaluacion/siguiente-ejercicio" novalidate class="form-narrow">
        <ErrorSummary errors={form.summary} />
        <CsrfField />
        <SelectField
          id="previousExerciseId"
          name="previousExerciseId"
          label={t('evaluationLessons.next.previous')}
          value={form.values.previousExerciseId}
          error={form.errors.previousExerciseId}
          options={[
            { value: '', label: t('evaluationLessons.next.choose') },
            ...props.exercises.map((e) => ({ value: e.id, label: e.title })),
          ]}
        />
        <TextField
          id="title"
          name="title"
          label={t('evaluationLessons.next.exerciseTitle')}
          value={form.values.title}
          error={form.errors.title}
          maxLength={200}
        />
        <TextField
          id="slug"
          name="slug"
          label={t('evaluationLessons.next.slug')}
          hint={t('evaluationLessons.next.slug.hint')}
          value={form.values.slug}
          error={form.errors.slug}
          maxLength={80}
        />
        <TextArea
          id="summary"
          name="summary"
          label={t('evaluationLessons.next.summary')}
          value={form.values.summary}
          error={form.errors.summary}
          rows={4}
        />
        <TextField
          id="periodStart"
          name="periodStart"
          type="date"
          label={t('evaluationLessons.next.periodStart')}
          value={form.values.periodStart}
          error={form.errors.periodStart}
        />
        <TextField
          id="periodEnd"
          name="periodEnd"
          type="date"
          label={t('evaluationLessons.next.periodEnd')}
          value={form.values.periodEnd}
          error={form.errors.periodEnd}
        />
        <Button>{t('evaluationLessons.next.submit')}</Button>
      </form>
    </>
  );
}

/** What an exercise started from another carried over, and the creation of its carried Secretariat seats. */
export function StartingPointPage(props: {
  point: StartingPoint;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t, format } = usePage();
  const { point } = props;
  return (
    <>
      <Breadcrumbs items={adminCrumbs(t, point.exercise.title)} />
      <PageHeading
        title={t('evaluationLessons.start.title', { exercise: point.exercise.title })}
        lead={t('evaluationLessons.start.lead', { previous: point.previous.title })}
      />
      <Notices notice={props.notice} problem={props.problem} />
      <p>
        <a href={`/ejercicios/${point.exercise.slug}`}>{t('evaluationLessons.start.exercisePage')}</a>
      </p>
      <section aria-labelledby="convocatoria">
        <h2 id="convocatoria">{t('evaluationLessons.start.call')}</h2>
        {point.call ? (
          <p>
            {t('evaluationLessons.start.callDraft', { title: point.call.title })}{' '}
            <a href={`/admin/convocatorias/${point.call.id}`}>{t('evaluationLessons.start.callEdit')}</a>
          </p>
        ) : (
          <p>{t('evaluationLessons.start.noCall')}</p>
        )}
      </section>
      <section aria-labelledby="secretariado">
        <h2 id="secretariado">{t('evaluationLessons.start.composition')}</h2>
        {point.seats.length === 0 ? (
          <p>{t('evaluationLessons.start.noComposition')}</p>
        ) : (
          <>
            {point.quorumRule ? (
              <p>{t('evaluationLessons.start.quorum', { rule: t(`secretariat.quorum.${point.quorumRule}`) })}</p>
            ) : null}
            <Table
              caption={t('evaluationLessons.start.seatsCaption', { count: format.number(point.seats.length) })}
              rowKey={(s) => `${s.kind}-${s.institutionId ?? ''}-${s.label ?? ''}`}
              rows={point.seats}
              columns={[
                { header: t('evaluationLessons.start.seatKind'), cell: (s) => t(`secretariat.seatKind.${s.kind}`) },
                { header: t('evaluationLessons.start.seatWho'), cell: (s) => s.institution ?? s.label ?? '—' },
              ]}
            />
            <p class="hint">{t('evaluationLessons.start.noPeople')}</p>
            {point.seatsAppliedAt ? (
              <p>{t('evaluationLessons.start.applied', { date: format.date(point.seatsAppliedAt) })}</p>
            ) : point.isSecretariatInstalled ? (
              <form method="post" action={`${startingPointHref(point.exercise.slug)}/secretariado`} novalidate>
                <CsrfField />
                <Button>{t('evaluationLessons.start.apply')}</Button>
              </form>
            ) : (
              <p>{t('evaluationLessons.start.notInstalled')}</p>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="lecciones">
        <h2 id="lecciones">{t('evaluationLessons.previous.title')}</h2>
        <p>
          {t('evaluationLessons.start.lessons', { count: format.number(point.lessons) })}{' '}
          <a href={staffLessonsHref(point.exercise.slug)}>{t('evaluationLessons.start.lessonsLink')}</a>
        </p>
      </section>
    </>
  );
}
