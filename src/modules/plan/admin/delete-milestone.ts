import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { activities, milestones } from '../schema.js';

/** Deletes a milestone and its activities (each logged), and recomputes the commitment without it. */
export async function deleteMilestone(db: Db, milestoneId: string, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'delete a milestone');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(milestones).where(eq(milestones.id, milestoneId));
    if (!before) throw notFound('milestone');
    const steps = await tx.select().from(activities).where(eq(activities.milestoneId, milestoneId));
    for (const step of steps)
      await appendChange(tx, {
        actor: logActor(options.actor),
        recordType: 'activity',
        recordId: step.id,
        action: 'delete',
        before: step,
        occurredAt: options.now,
      });
    await tx.delete(milestones).where(eq(milestones.id, milestoneId));
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'milestone',
      recordId: milestoneId,
      action: 'delete',
      before,
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, before.commitmentId, options.now);
  });
}
