import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  commitmentOpenDue,
  commitmentProgress,
  milestoneOpenDue,
  milestoneProgress,
  planProgress,
} from './progress.js';
import { activities, actionPlans, commitments, milestones, progressSnapshots } from '../schema.js';
import { refreshActivityStats } from './activity-stats.js';

/**
 * Recomputes the derived progress of one commitment (its milestones, itself, its activity counts) and of its plan,
 * inside the caller's transaction, and appends a point to the time series of each figure that changed. Every write to a milestone or an
 * activity calls it, deletions and cancellations included, so stored figures never drift from the formula.
 */
export async function recomputeCommitment(tx: Db, commitmentId: string, now: Date = new Date()) {
  const [commitment] = await tx.select().from(commitments).where(eq(commitments.id, commitmentId));
  if (!commitment) return;
  const stones = await tx
    .select()
    .from(milestones)
    .where(eq(milestones.commitmentId, commitmentId))
    .orderBy(asc(milestones.position));
  const steps = stones.length
    ? await tx
        .select()
        .from(activities)
        .where(
          inArray(
            activities.milestoneId,
            stones.map((m) => m.id),
          ),
        )
    : [];

  const computed = stones.map((stone) => {
    const own = steps.filter((a) => a.milestoneId === stone.id);
    const isCancelled = stone.cancelledAt !== null;
    return {
      stone,
      isCancelled,
      progress: milestoneProgress(own),
      openDue: milestoneOpenDue({ plannedEnd: stone.plannedEnd, isCancelled }, own),
    };
  });
  for (const { stone, progress, openDue } of computed) {
    if (stone.progress !== progress || stone.openDueOn !== openDue)
      await tx.update(milestones).set({ progress, openDueOn: openDue }).where(eq(milestones.id, stone.id));
  }
  await refreshActivityStats(tx, { commitmentId });
  const progress = commitmentProgress(
    computed.map((c) => ({ weight: c.stone.weight, progress: c.progress, isCancelled: c.isCancelled })),
  );
  const openDue = commitmentOpenDue(
    { endsOn: commitment.endsOn, status: commitment.status, progress },
    computed.filter((c) => !c.isCancelled),
  );
  if (commitment.progress !== progress || commitment.openDueOn !== openDue) {
    await tx.update(commitments).set({ progress, openDueOn: openDue }).where(eq(commitments.id, commitmentId));
  }
  if (commitment.progress !== progress || !(await hasSnapshot(tx, 'commitment', commitmentId))) {
    await tx
      .insert(progressSnapshots)
      .values({ scope: 'commitment', scopeId: commitmentId, progress, recordedAt: now });
  }
  await recomputePlan(tx, commitment.planId, now);
}

async function hasSnapshot(tx: Db, scope: 'commitment' | 'plan', scopeId: string) {
  const rows = await tx
    .select({ id: progressSnapshots.id })
    .from(progressSnapshots)
    .where(and(eq(progressSnapshots.scope, scope), eq(progressSnapshots.scopeId, scopeId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Recomputes a plan's progress from its commitments' stored figures (public, non-cancelled ones count); a point in the
 * series when it changed.
 */
export async function recomputePlan(tx: Db, planId: string, now: Date = new Date()) {
  const [plan] = await tx
    .select({ progress: actionPlans.progress })
    .from(actionPlans)
    .where(eq(actionPlans.id, planId));
  if (!plan) return;
  const rows = await tx
    .select({ status: commitments.status, progress: commitments.progress })
    .from(commitments)
    .where(eq(commitments.planId, planId));
  const progress = planProgress(rows);
  if (plan.progress !== progress) await tx.update(actionPlans).set({ progress }).where(eq(actionPlans.id, planId));
  if (plan.progress !== progress || !(await hasSnapshot(tx, 'plan', planId))) {
    await tx.insert(progressSnapshots).values({ scope: 'plan', scopeId: planId, progress, recordedAt: now });
  }
}
