import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  RadioGroup,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import type { FormState } from '../../../../web/forms.js';
import { usePage } from '../../../../web/page-context.js';
import { lessonsHref, staffLessonsHref } from '../../paths.js';
import { lessonFollowUpStatuses } from '../../schema.js';
import type { ExerciseLessons } from '../list-lessons.js';
import { FollowUpBadge, LessonFacts } from './lesson-parts.js';

/** The four fields of a lesson, for recording one or correcting it. */
export function LessonFields(props: { form: FormState }) {
  const { t } = usePage();
  const { form } = props;
  return (
    <>
      <ErrorSummary errors={form.summary} />
      <CsrfField />
      <TextField
        id="theme"
        name="theme"
        label={t('evaluationLessons.theme')}
        hint={t('evaluationLessons.theme.hint')}
        value={form.values.theme}
        error={form.errors.theme}
        maxLength={200}
      />
      <TextArea
        id="finding"
        name="finding"
        label={t('evaluationLessons.finding')}
        hint={t('evaluationLessons.finding.hint')}
        value={form.values.finding}
        error={form.errors.finding}
      />
      <TextArea
        id="recommendation"
        name="recommendation"
        label={t('evaluationLessons.recommendation')}
        hint={t('evaluationLessons.recommendation.hint')}
        value={form.values.recommendation}
        error={form.errors.recommendation}
      />
      <TextField
        id="source"
        name="source"
        label={t('evaluationLessons.source')}
        hint={t('evaluationLessons.source.hint')}
        value={form.values.source}
        error={form.errors.source}
        maxLength={500}
      />
    </>
  );
}

const crumbs = (t: ReturnType<typeof usePage>['t'], last: { label: string; href?: string }[]) => [
  { href: '/', label: t('nav.home') },
  { href: '/evaluacion', label: t('evaluation.work.title') },
  ...last,
];

/** The previous exercise's lessons, each with a form to say whether this exercise addressed it. */
function FollowUps(props: { lessons: ExerciseLessons }) {
  const { t } = usePage();
  const { previous, exercise } = props.lessons;
  if (!previous) return null;
  return (
    <section aria-labelledby="anteriores">
      <h2 id="anteriores">{t('evaluationLessons.previous.title')}</h2>
      <p>{t('evaluationLessons.previous.staffLead', { previous: previous.exercise.title })}</p>
      {previous.lessons.length === 0 ? <p>{t('evaluationLessons.previous.none')}</p> : null}
      {previous.lessons.map((lesson, i) => (
        <div class="panel" key={lesson.id}>
          <LessonFacts lesson={lesson} headingId={`anterior-${i + 1}`} />
          <p>
            <FollowUpBadge status={lesson.status} />
            {lesson.note ? ` ${lesson.note}` : ''}
          </p>
          <form method="post" action={`${staffLessonsHref(exercise.slug)}/previas/${lesson.id}`} novalidate>
            <CsrfField />
            <RadioGroup
              id={`estado-${i + 1}`}
              name="status"
              legend={t('evaluationLessons.followUp.legend', { theme: lesson.theme })}
              value={lesson.status}
              options={lessonFollowUpStatuses.map((s) => ({ value: s, label: t(`evaluationLessons.status.${s}`) }))}
            />
            <TextArea
              id={`nota-${i + 1}`}
              name="note"
              label={t('evaluationLessons.followUp.note')}
              value={lesson.note}
              rows={3}
              isOptional
            />
            <Button variant="secondary">{t('evaluationLessons.followUp.submit')}</Button>
          </form>
        </div>
      ))}
    </section>
  );
}

/** The staff's page of an exercise's lessons (/evaluacion/lecciones/:slug): record, correct, follow up. */
export function StaffLessonsPage(props: {
  lessons: ExerciseLessons;
  form: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { exercise, lessons } = props.lessons;
  const base = staffLessonsHref(exercise.slug);
  return (
    <>
      <Breadcrumbs items={crumbs(t, [{ label: t('evaluationLessons.staff.crumb') }])} />
      <PageHeading
        title={t('evaluationLessons.staff.title', { exercise: exercise.title })}
        lead={t('evaluationLessons.staff.lead')}
      >
        <p>
          <a href={lessonsHref(exercise.slug)}>{t('evaluationLessons.staff.public')}</a>
        </p>
      </PageHeading>
      <Notices notice={props.notice} problem={props.problem} />
      <section aria-labelledby="registrar" class="panel form-narrow">
        <h2 id="registrar">{t('evaluationLessons.staff.add')}</h2>
        <form method="post" action={base} novalidate>
          <LessonFields form={props.form} />
          <Button>{t('evaluationLessons.staff.addSubmit')}</Button>
        </form>
      </section>
      <section aria-labelledby="registradas">
        <h2 id="registradas">{t('evaluationLessons.own.title')}</h2>
        {lessons.length === 0 ? <p>{t('evaluationLessons.own.none')}</p> : null}
        {lessons.map((lesson, i) => (
          <div class="plan-document__milestone" key={lesson.id}>
            <LessonFacts lesson={lesson} headingId={`leccion-${i + 1}`} />
            <p>
              <a href={`${base}/${lesson.id}`}>{t('evaluationLessons.staff.edit', { theme: lesson.theme })}</a>
            </p>
          </div>
        ))}
      </section>
      <FollowUps lessons={props.lessons} />
    </>
  );
}

/** Correcting one lesson. */
export function EditLessonPage(props: {
  exercise: { slug: string; title: string };
  lessonId: string;
  form: FormState;
}) {
  const { t } = usePage();
  const base = staffLessonsHref(props.exercise.slug);
  return (
    <>
      <Breadcrumbs
        items={crumbs(t, [
          { href: base, label: t('evaluationLessons.staff.crumb') },
          { label: t('evaluationLessons.staff.editTitle') },
        ])}
      />
      <PageHeading title={t('evaluationLessons.staff.editTitle')} lead={props.exercise.title} />
      <form method="post" action={`${base}/${props.lessonId}`} novalidate class="form-narrow">
        <LessonFields form={props.form} />
        <Button>{t('evaluationLessons.staff.editSubmit')}</Button>
      </form>
    </>
  );
}
