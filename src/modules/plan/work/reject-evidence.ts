import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { loadActivity } from '../core/load-activity.js';
import { conflict, ensure, logActor, personId, type WriteOptions } from '../core/plan-actor.js';
import { canVerifyActivity } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { activities, evidence } from '../schema.js';

export const rejectInput = z.object({
  reason: z.string().trim().min(3, 'reason.required').max(2000, 'reason.tooLong'),
});

/**
 * A verifier rejects a piece of evidence with a reason. If a done activity is left with no evidence standing, it goes
 * back to in progress (and its progress down), so "done" always rests on evidence.
 */
export async function rejectEvidence(
  db: Db,
  evidenceId: string,
  input: z.input<typeof rejectInput>,
  options: WriteOptions,
) {
  const { reason } = rejectInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = /^[0-9a-f-]{36}$/i.test(evidenceId)
      ? await tx.select().from(evidence).where(eq(evidence.id, evidenceId))
      : [];
    if (!before) throw notFound('evidence');
    const { activity, commitmentId } = await loadActivity(tx, before.activityId);
    ensure(options.actor, (actor) => canVerifyActivity(actor, activity), 'review this evidence');
    if (before.status !== 'submitted' || activity.status === 'verified') throw conflict('notReviewable');
    const now = options.now ?? new Date();
    const [after] = await tx
      .update(evidence)
      .set({ status: 'rejected', rejectionReason: reason, reviewedBy: personId(options.actor), reviewedAt: now })
      .where(eq(evidence.id, evidenceId))
      .returning();
    const actor = logActor(options.actor);
    await appendChange(tx, {
      actor,
      recordType: 'evidence',
      recordId: evidenceId,
      action: 'update',
      before: { status: before.status },
      after: { status: after!.status, rejectionReason: reason },
      occurredAt: options.now,
    });
    const standing = await tx
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.activityId, activity.id), ne(evidence.status, 'rejected')))
      .limit(1);
    if (activity.status === 'done' && standing.length === 0) {
      const [reopened] = await tx
        .update(activities)
        .set({ status: 'in_progress', actualEnd: null })
        .where(eq(activities.id, activity.id))
        .returning();
      await appendChange(tx, {
        actor,
        recordType: 'activity',
        recordId: activity.id,
        action: 'update',
        before: activity,
        after: reopened,
        occurredAt: options.now,
      });
      await recomputeCommitment(tx, commitmentId, options.now);
    }
    return after!;
  });
}
