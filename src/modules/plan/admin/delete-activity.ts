import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { appendChange } from '../../audit/append-change.js';
import { loadActivity } from '../core/load-activity.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { activities } from '../schema.js';

/** Deletes an activity entered by mistake (its evidence and notes with it); the milestone is recomputed without it. */
export async function deleteActivity(db: Db, activityId: string, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'delete an activity');
  return db.transaction(async (tx) => {
    const { activity, commitmentId } = await loadActivity(tx, activityId);
    await tx.delete(activities).where(eq(activities.id, activityId));
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'activity',
      recordId: activityId,
      action: 'delete',
      before: activity,
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, commitmentId, options.now);
  });
}
