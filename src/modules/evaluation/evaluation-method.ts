import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { AppError, notFound } from '../../shared/errors.js';
import { appendChange } from '../audit/append-change.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitments } from '../plan/read-models.js';
import { assessmentMethods, methodForPlan, type AssessmentMethod } from './scales.js';
import { designAssessments, endAssessments, evaluationMethods } from './schema.js';

/** The method of an exercise: the one an admin chose, else the IRM's rule by its plan's start (none without a plan). */
export const methodOf = (
  chosen: AssessmentMethod | null | undefined,
  periodStart: string | null | undefined,
): AssessmentMethod | undefined => chosen ?? (periodStart ? methodForPlan(periodStart) : undefined);

/** Every exercise with its plan's start, the method in force, whether an admin chose it and whether it is in use. */
export async function listEvaluationMethods(db: Db) {
  const rows = await db
    .select({
      id: exercises.id,
      slug: exercises.slug,
      title: exercises.title,
      periodStart: actionPlans.periodStart,
      chosen: evaluationMethods.method,
      assessed: sql<number>`(select count(*)::int from ${designAssessments} d join ${commitments} c on c.id = d.commitment_id where c.plan_id = ${actionPlans.id})
        + (select count(*)::int from ${endAssessments} e join ${commitments} c on c.id = e.commitment_id where c.plan_id = ${actionPlans.id})`,
    })
    .from(exercises)
    .leftJoin(actionPlans, eq(actionPlans.exerciseId, exercises.id))
    .leftJoin(evaluationMethods, eq(evaluationMethods.exerciseId, exercises.id))
    .orderBy(exercises.slug);
  return rows.map((r) => ({ ...r, method: methodOf(r.chosen, r.periodStart), isInUse: (r.assessed ?? 0) > 0 }));
}

export const setEvaluationMethodInput = z.object({ method: z.enum(assessmentMethods, 'method.required') });

/**
 * An admin chooses the assessment method of an exercise. Once any of its commitments is assessed the method cannot
 * change (`methodInUse`): one exercise, one scale.
 */
export async function setEvaluationMethod(
  db: Db,
  exerciseId: string,
  input: z.input<typeof setEvaluationMethodInput>,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin');
  const { method } = setEvaluationMethodInput.parse(input);
  return db.transaction(async (tx) => {
    const [exercise] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.id, exerciseId));
    if (!exercise) throw notFound('exercise');
    const [before] = await tx
      .select()
      .from(evaluationMethods)
      .where(eq(evaluationMethods.exerciseId, exerciseId))
      .for('update');
    if (before?.method === method) return before;
    const planCommitments = tx
      .select({ id: commitments.id })
      .from(commitments)
      .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
      .where(eq(actionPlans.exerciseId, exerciseId));
    const [design] = await tx
      .select({ id: designAssessments.id })
      .from(designAssessments)
      .where(inArray(designAssessments.commitmentId, planCommitments))
      .limit(1);
    const [end] = await tx
      .select({ id: endAssessments.id })
      .from(endAssessments)
      .where(and(inArray(endAssessments.commitmentId, planCommitments)))
      .limit(1);
    if (design || end) throw new AppError('conflict', 'the exercise has assessments', { reason: 'methodInUse' });
    const [row] = before
      ? await tx
          .update(evaluationMethods)
          .set({ method })
          .where(eq(evaluationMethods.exerciseId, exerciseId))
          .returning()
      : await tx.insert(evaluationMethods).values({ exerciseId, method }).returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'evaluation_method',
      recordId: exerciseId,
      action: before ? 'update' : 'create',
      ...(before ? { before } : {}),
      after: row,
    });
    return row!;
  });
}
