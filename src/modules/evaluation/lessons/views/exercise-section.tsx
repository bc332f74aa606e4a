import { usePage } from '../../../../web/page-context.js';
import { indicatorsHref, lessonsHref, reportHref } from '../../paths.js';
import type { ExerciseLessons } from '../list-lessons.js';
import { PreviousLessonsSection } from './public-lessons.js';

/**
 * On an exercise's page (site): its results report (the latest version published), its process indicators and its
 * lessons; then, when it started from a previous exercise, that exercise's lessons and whether each was addressed.
 */
export function ExerciseEvaluationSection(props: { lessons: ExerciseLessons; latestVersion: number | undefined }) {
  const { t, format } = usePage();
  const { exercise, lessons } = props.lessons;
  return (
    <>
      <section aria-labelledby="evaluacion-heading">
        <h2 id="evaluacion-heading">{t('evaluationLessons.exercise.title')}</h2>
        <ul>
          <li>
            <a href={reportHref(exercise.slug)}>
              {props.latestVersion === undefined
                ? t('evaluationLessons.exercise.reportPending')
                : t('evaluationLessons.exercise.report', { version: format.number(props.latestVersion) })}
            </a>
          </li>
          <li>
            <a href={indicatorsHref(exercise.slug)}>{t('evaluationLessons.exercise.indicators')}</a>
          </li>
          <li>
            <a href={lessonsHref(exercise.slug)}>
              {t('evaluationLessons.exercise.lessons', { count: format.number(lessons.length) })}
            </a>
          </li>
        </ul>
      </section>
      <PreviousLessonsSection lessons={props.lessons} />
    </>
  );
}
