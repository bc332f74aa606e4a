import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitmentIsPublic, commitments, progressSnapshots } from '../plan/read-models.js';
import { methodForPlan } from './scales.js';
import { evaluationMethods } from './schema.js';

/** The calendar date (YYYY-MM-DD) of an instant in the portal's zone. */
export const localDate = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/**
 * A public commitment as the evaluation needs it: its plan, exercise, lead institution and derived progress; else not
 * found.
 */
export async function loadEvaluatedCommitment(db: Db, commitmentId: string) {
  const [row] = await db
    .select({
      id: commitments.id,
      number: commitments.number,
      title: commitments.title,
      status: commitments.status,
      progress: commitments.progress,
      leadInstitutionId: commitments.leadInstitutionId,
      leadName: institutions.name,
      planId: actionPlans.id,
      planTitle: actionPlans.title,
      periodStart: actionPlans.periodStart,
      exerciseSlug: exercises.slug,
      chosenMethod: evaluationMethods.method,
    })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .leftJoin(evaluationMethods, eq(evaluationMethods.exerciseId, exercises.id))
    .where(and(eq(commitments.id, commitmentId), commitmentIsPublic(commitments.status, actionPlans.status)));
  if (!row) throw notFound('commitment');
  return { ...row, method: row.chosenMethod ?? methodForPlan(row.periodStart) };
}
export type EvaluatedCommitment = Awaited<ReturnType<typeof loadEvaluatedCommitment>>;

/**
 * The commitment's derived progress at an instant: the last value of its progress series up to then (the series
 * records every change), or its current figure when the series has none.
 */
export async function progressAt(db: Db, commitment: { id: string; progress: number }, at: Date): Promise<number> {
  const [snapshot] = await db
    .select({ progress: progressSnapshots.progress })
    .from(progressSnapshots)
    .where(
      and(
        eq(progressSnapshots.scope, 'commitment'),
        eq(progressSnapshots.scopeId, commitment.id),
        lte(progressSnapshots.recordedAt, at),
      ),
    )
    .orderBy(desc(progressSnapshots.recordedAt), desc(progressSnapshots.id))
    .limit(1);
  return snapshot?.progress ?? commitment.progress;
}
