import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { milestoneFields, type MilestoneFields } from './milestone-fields.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { milestones } from '../schema.js';

async function changeMilestone(
  db: Db,
  milestoneId: string,
  changes: Partial<typeof milestones.$inferInsert>,
  options: WriteOptions,
) {
  ensure(options.actor, canManagePlan, 'change a milestone');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(milestones).where(eq(milestones.id, milestoneId));
    if (!before) throw notFound('milestone');
    const [after] = await tx.update(milestones).set(changes).where(eq(milestones.id, milestoneId)).returning();
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'milestone',
      recordId: milestoneId,
      action: 'update',
      before,
      after,
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, before.commitmentId, options.now);
    return after!;
  });
}

/** Corrects a milestone (dates, weight, responsible institution...); progress is recomputed with the new weight. */
export async function updateMilestone(db: Db, milestoneId: string, input: MilestoneFields, options: WriteOptions) {
  return changeMilestone(db, milestoneId, milestoneFields.parse(input), options);
}

export const cancelInput = z.object({
  reason: z.string().trim().min(3, 'reason.required').max(2000, 'reason.tooLong'),
});

/** Cancels a milestone with a public reason: it leaves its commitment's weighted mean. */
export async function cancelMilestone(
  db: Db,
  milestoneId: string,
  input: z.input<typeof cancelInput>,
  options: WriteOptions,
) {
  const { reason } = cancelInput.parse(input);
  return changeMilestone(
    db,
    milestoneId,
    { cancelledAt: options.now ?? new Date(), cancellationReason: reason },
    options,
  );
}
