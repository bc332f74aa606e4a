import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { redactRecordFields } from '../audit/redact-change.js';
import { moderatorRoles } from './policy.js';
import { problems } from './schema.js';

export const hideProblemInput = z.object({
  reason: z.string().trim().min(10, 'hideReason.required').max(500, 'hideReason.tooLong'),
});

/**
 * A moderator (admin or facilitator) hides a problem with a public reason. It is never deleted: its address stays
 * and says that it was hidden and why; it leaves the lists, the similar problems and the supports. Hiding a hidden
 * problem again changes nothing.
 */
export async function hideProblem(
  db: Db,
  problemId: string,
  input: z.input<typeof hideProblemInput>,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const { reason } = hideProblemInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(problems).where(eq(problems.id, problemId)).for('update');
    if (!before) throw notFound('problem');
    if (before.hiddenAt !== null) return before;
    const [after] = await tx
      .update(problems)
      .set({
        hiddenAt: options.now,
        hiddenReason: reason,
        hiddenBy: isSystemActor(options.actor) ? null : options.actor.userId,
      })
      .where(eq(problems.id, problemId))
      .returning();
    // The hidden text is not repeated in the new entry, and it leaves the entries that published it (their digests
    // stay, so the log still verifies and shows it as redacted).
    const actor = changeActorOf(options.actor);
    await appendChange(tx, {
      actor,
      recordType: 'problem',
      recordId: problemId,
      action: 'update',
      before: { isHidden: false, hiddenReason: null },
      after: { isHidden: true, hiddenReason: reason },
      occurredAt: options.now,
    });
    await redactRecordFields(tx, {
      recordType: 'problem',
      recordId: problemId,
      fields: ['title', 'description', 'evidenceUrl'],
      reason: `Problema oculto: ${reason}`,
      actor,
    });
    return after!;
  });
}
