import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../directory/schema.js';
import { exercises } from './schema.js';

/** All exercises, newest first, with the name of the body that convenes each. */
export function listExercises(db: Db) {
  return db
    .select({
      id: exercises.id,
      slug: exercises.slug,
      edition: exercises.edition,
      title: exercises.title,
      summary: exercises.summary,
      stateCode: exercises.stateCode,
      periodStart: exercises.periodStart,
      periodEnd: exercises.periodEnd,
      phase: exercises.phase,
      isDemo: exercises.isDemo,
      convenerName: institutions.name,
    })
    .from(exercises)
    .innerJoin(institutions, eq(institutions.id, exercises.convenerInstitutionId))
    .orderBy(desc(exercises.periodStart), desc(exercises.edition));
}
export type ExerciseSummary = Awaited<ReturnType<typeof listExercises>>[number];

/**
 * The exercise the home page features: the most recent one that has not closed; when all have closed, the most
 * recent of all.
 */
export function pickCurrentExercise<T extends { phase: string }>(newestFirst: T[]): T | undefined {
  return newestFirst.find((exercise) => exercise.phase !== 'closed') ?? newestFirst[0];
}
