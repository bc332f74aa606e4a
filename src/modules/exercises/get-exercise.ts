import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { institutions } from '../directory/schema.js';
import { exercisePhases, exercises } from './schema.js';
import { phaseTimeline } from './phase-timeline.js';

/** One exercise by its slug, with its convening body and its phase timeline. */
export async function getExercise(db: Db, slug: string) {
  const [row] = await db
    .select({ exercise: exercises, convener: institutions })
    .from(exercises)
    .innerJoin(institutions, eq(institutions.id, exercises.convenerInstitutionId))
    .where(eq(exercises.slug, slug))
    .limit(1);
  if (!row) throw notFound('exercise');
  const planned = await db
    .select()
    .from(exercisePhases)
    .where(eq(exercisePhases.exerciseId, row.exercise.id))
    .orderBy(asc(exercisePhases.startsOn));
  return { ...row, timeline: phaseTimeline(row.exercise.phase, planned) };
}
export type ExerciseDetail = Awaited<ReturnType<typeof getExercise>>;
