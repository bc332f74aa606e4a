import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { exercises } from '../../exercises/schema.js';
import { exerciseOrigins, lessonFollowUps, lessons } from '../schema.js';

const lessonColumns = {
  id: lessons.id,
  theme: lessons.theme,
  finding: lessons.finding,
  recommendation: lessons.recommendation,
  source: lessons.source,
  createdAt: lessons.createdAt,
};

/**
 * An exercise's lessons, and, when it was started from a previous exercise, that exercise with its lessons and
 * whether this one addressed each (pending until staff say so). Else not found.
 */
export async function getExerciseLessons(db: Db, slug: string) {
  const previous = alias(exercises, 'previous_exercise');
  const [exercise] = await db
    .select({
      id: exercises.id,
      slug: exercises.slug,
      title: exercises.title,
      previousId: previous.id,
      previousSlug: previous.slug,
      previousTitle: previous.title,
    })
    .from(exercises)
    .leftJoin(exerciseOrigins, eq(exerciseOrigins.exerciseId, exercises.id))
    .leftJoin(previous, eq(previous.id, exerciseOrigins.previousExerciseId))
    .where(eq(exercises.slug, slug));
  if (!exercise) throw notFound('exercise');
  const own = await db
    .select(lessonColumns)
    .from(lessons)
    .where(eq(lessons.exerciseId, exercise.id))
    .orderBy(asc(lessons.createdAt), asc(lessons.id));
  const carried = exercise.previousId
    ? await db
        .select({ ...lessonColumns, status: lessonFollowUps.status, note: lessonFollowUps.note })
        .from(lessons)
        .leftJoin(
          lessonFollowUps,
          and(eq(lessonFollowUps.lessonId, lessons.id), eq(lessonFollowUps.exerciseId, exercise.id)),
        )
        .where(eq(lessons.exerciseId, exercise.previousId))
        .orderBy(asc(lessons.createdAt), asc(lessons.id))
    : [];
  return {
    exercise: { id: exercise.id, slug: exercise.slug, title: exercise.title },
    lessons: own,
    previous: exercise.previousId
      ? {
          exercise: { id: exercise.previousId, slug: exercise.previousSlug!, title: exercise.previousTitle! },
          lessons: carried.map((l) => ({ ...l, status: l.status ?? 'pending', note: l.note ?? '' })),
        }
      : undefined,
  };
}
export type ExerciseLessons = Awaited<ReturnType<typeof getExerciseLessons>>;
export type CarriedLesson = NonNullable<ExerciseLessons['previous']>['lessons'][number];
