import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { activities, commitments, milestones } from '../schema.js';
import { recordRemovals, removalReason, type RemovalInput } from './removal.js';

/**
 * Deletes a milestone and its activities (each logged), and recomputes the commitment without it. Of an approved
 * commitment, only with a reason, which every entry carries and the commitment's public history keeps showing.
 */
export async function deleteMilestone(db: Db, milestoneId: string, input: RemovalInput, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'delete a milestone');
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(milestones).where(eq(milestones.id, milestoneId));
    if (!before) throw notFound('milestone');
    const [commitment] = await tx
      .select({ status: commitments.status })
      .from(commitments)
      .where(eq(commitments.id, before.commitmentId));
    const reason = removalReason(commitment!.status, input);
    const withReason = <Row extends object>(row: Row) => (reason === null ? row : { ...row, deletionReason: reason });
    const steps = await tx.select().from(activities).where(eq(activities.milestoneId, milestoneId));
    for (const step of steps)
      await appendChange(tx, {
        actor: logActor(options.actor),
        recordType: 'activity',
        recordId: step.id,
        action: 'delete',
        before: withReason(step),
        occurredAt: now,
      });
    await tx.delete(milestones).where(eq(milestones.id, milestoneId));
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'milestone',
      recordId: milestoneId,
      action: 'delete',
      before: withReason(before),
      occurredAt: now,
    });
    if (reason !== null)
      await recordRemovals(
        tx,
        before.commitmentId,
        [
          { recordType: 'milestone', recordId: milestoneId, title: before.title },
          ...steps.map((step) => ({ recordType: 'activity' as const, recordId: step.id, title: step.title })),
        ],
        reason,
        now,
      );
    await recomputeCommitment(tx, before.commitmentId, now);
  });
}
