import { eq, max } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { milestoneFields, type MilestoneFields } from './milestone-fields.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { commitments, milestones } from '../schema.js';

/**
 * Adds a milestone to a commitment (placed last unless a position is given); the commitment's progress is recomputed.
 */
export async function createMilestone(db: Db, commitmentId: string, input: MilestoneFields, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'create a milestone');
  const values = milestoneFields.parse(input);
  return db.transaction(async (tx) => {
    const [commitment] = await tx
      .select({ id: commitments.id })
      .from(commitments)
      .where(eq(commitments.id, commitmentId));
    if (!commitment) throw notFound('commitment');
    const [last] = await tx
      .select({ n: max(milestones.position) })
      .from(milestones)
      .where(eq(milestones.commitmentId, commitmentId));
    const [row] = await tx
      .insert(milestones)
      .values({ ...values, commitmentId, position: values.position ?? (last?.n ?? 0) + 1 })
      .returning();
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'milestone',
      recordId: row!.id,
      action: 'create',
      after: row,
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, commitmentId, options.now);
    return row!;
  });
}
