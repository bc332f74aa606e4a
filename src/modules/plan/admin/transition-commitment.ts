import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { conflict, ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { commitments, type CommitmentStatus } from '../schema.js';

/** The commitment life cycle of DOMAIN.md: which status may follow which. */
export const nextStatuses: Record<CommitmentStatus, readonly CommitmentStatus[]> = {
  draft: ['cocreation', 'proposed', 'cancelled'],
  cocreation: ['draft', 'proposed', 'cancelled'],
  proposed: ['cocreation', 'approved', 'cancelled'],
  approved: ['in_implementation', 'under_modification', 'cancelled'],
  in_implementation: ['under_modification', 'completed', 'partially_completed', 'cancelled'],
  under_modification: ['in_implementation', 'cancelled'],
  completed: ['evaluated'],
  partially_completed: ['evaluated'],
  cancelled: ['evaluated'],
  evaluated: [],
};

/**
 * Moves a commitment to another status inside a transaction, after `check` (which may refuse) on the current row;
 * logs the change and recomputes progress (a closed commitment is never late; a cancelled one leaves the plan's mean).
 */
export async function transitionCommitment(
  db: Db,
  commitmentId: string,
  to: CommitmentStatus,
  changes: Partial<typeof commitments.$inferInsert>,
  options: WriteOptions,
  check: (row: typeof commitments.$inferSelect) => void = () => {},
) {
  ensure(options.actor, canManagePlan, 'change a commitment status');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(commitments).where(eq(commitments.id, commitmentId));
    if (!before) throw notFound('commitment');
    if (!nextStatuses[before.status].includes(to)) throw conflict('badTransition');
    check(before);
    const [after] = await tx
      .update(commitments)
      .set({ ...changes, status: to })
      .where(eq(commitments.id, commitmentId))
      .returning();
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'commitment',
      recordId: commitmentId,
      action: 'update',
      before,
      after,
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, commitmentId, options.now);
    return after!;
  });
}
