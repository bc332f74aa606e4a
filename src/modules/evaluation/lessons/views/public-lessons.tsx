import { Breadcrumbs, PageHeading } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { lessonsHref } from '../../paths.js';
import type { CarriedLesson, ExerciseLessons } from '../list-lessons.js';
import { FollowUpBadge, LessonFacts } from './lesson-parts.js';

function CarriedLessons(props: { lessons: CarriedLesson[]; level: 3 | 4 }) {
  const { t } = usePage();
  return (
    <ul class="plain-list">
      {props.lessons.map((lesson, i) => (
        <li key={lesson.id} class="plan-document__milestone">
          <LessonFacts lesson={lesson} headingId={`leccion-anterior-${i + 1}`} level={props.level} />
          <p>
            <FollowUpBadge status={lesson.status} />
            {lesson.note ? ` ${lesson.note}` : ''}
          </p>
          {lesson.status === 'pending' ? <p class="hint">{t('evaluationLessons.pending.hint')}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * On an exercise's page: the lessons of the exercise it was started from, each with whether this one addressed it.
 * Nothing when it was not started from another exercise.
 */
export function PreviousLessonsSection(props: { lessons: ExerciseLessons }) {
  const { t, format } = usePage();
  const { previous, exercise } = props.lessons;
  if (!previous) return null;
  const addressed = previous.lessons.filter((l) => l.status === 'addressed').length;
  return (
    <section aria-labelledby="lecciones-anteriores">
      <h2 id="lecciones-anteriores">{t('evaluationLessons.previous.title')}</h2>
      <p>
        {t('evaluationLessons.previous.lead', { previous: previous.exercise.title })}{' '}
        {t('evaluationLessons.previous.count', {
          addressed: format.number(addressed),
          total: format.number(previous.lessons.length),
        })}
      </p>
      {previous.lessons.length ? (
        <CarriedLessons lessons={previous.lessons} level={3} />
      ) : (
        <p>{t('evaluationLessons.previous.none')}</p>
      )}
      <p>
        <a href={lessonsHref(exercise.slug)}>{t('evaluationLessons.public.link')}</a>
      </p>
    </section>
  );
}

/** An exercise's lessons (/ejercicios/:slug/lecciones), and those of the exercise it started from with their follow-up. */
export function PublicLessonsPage(props: { lessons: ExerciseLessons }) {
  const { t } = usePage();
  const { exercise, lessons, previous } = props.lessons;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/ejercicios', label: t('nav.exercises') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { label: t('evaluationLessons.public.crumb') },
        ]}
      />
      <PageHeading title={t('evaluationLessons.public.title')} lead={exercise.title} />
      <p>
        {t('evaluationLessons.public.lead')} <a href="/datos">{t('evaluationLessons.public.data')}</a>
      </p>
      <section aria-labelledby="lecciones">
        <h2 id="lecciones">{t('evaluationLessons.own.title')}</h2>
        {lessons.length === 0 ? <p>{t('evaluationLessons.own.none')}</p> : null}
        <ul class="plain-list">
          {lessons.map((lesson, i) => (
            <li key={lesson.id} class="plan-document__milestone">
              <LessonFacts lesson={lesson} headingId={`leccion-${i + 1}`} />
            </li>
          ))}
        </ul>
      </section>
      {previous ? (
        <section aria-labelledby="lecciones-anteriores">
          <h2 id="lecciones-anteriores">{t('evaluationLessons.previous.title')}</h2>
          <p>
            {t('evaluationLessons.previous.lead', { previous: previous.exercise.title })}{' '}
            <a href={lessonsHref(previous.exercise.slug)}>{previous.exercise.title}</a>
          </p>
          {previous.lessons.length ? (
            <CarriedLessons lessons={previous.lessons} level={3} />
          ) : (
            <p>{t('evaluationLessons.previous.none')}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
