import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { appendChange } from '../../audit/append-change.js';
import { loadActivity } from '../core/load-activity.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { activities, commitments } from '../schema.js';
import { recordRemovals, removalReason, type RemovalInput } from './removal.js';

/**
 * Deletes an activity entered by mistake (its evidence and notes with it); the milestone is recomputed without it. Of
 * an approved commitment, only with a reason: the change log's entry carries it (`deletionReason`) and the
 * commitment's public history keeps showing the entry (removal.ts). Refused with `validation` (field `reason`).
 */
export async function deleteActivity(db: Db, activityId: string, input: RemovalInput, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'delete an activity');
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const { activity, commitmentId } = await loadActivity(tx, activityId);
    const [commitment] = await tx
      .select({ status: commitments.status })
      .from(commitments)
      .where(eq(commitments.id, commitmentId));
    const reason = removalReason(commitment!.status, input);
    await tx.delete(activities).where(eq(activities.id, activityId));
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'activity',
      recordId: activityId,
      action: 'delete',
      before: reason === null ? activity : { ...activity, deletionReason: reason },
      occurredAt: now,
    });
    if (reason !== null)
      await recordRemovals(
        tx,
        commitmentId,
        [{ recordType: 'activity', recordId: activityId, title: activity.title }],
        reason,
        now,
      );
    await recomputeCommitment(tx, commitmentId, now);
  });
}
