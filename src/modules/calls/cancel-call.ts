import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { calls } from './schema.js';

/** Why a call is cancelled: shown on its public page, so it is written for the public. */
export const cancelCallInput = z.object({
  reason: z.string().trim().min(1, 'reason.required').min(10, 'reason.tooShort').max(5000, 'reason.tooLong'),
});

/**
 * Cancels a published call: it stops accepting sign-ups and its page says so with the reason, kept as the call's
 * results text (what became of the call). A draft is simply never published; a closed call has run its course.
 */
export async function cancelCall(
  db: Db,
  id: string,
  input: z.input<typeof cancelCallInput>,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const { reason } = cancelCallInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!before) throw notFound('call');
    if (before.status !== 'published')
      throw new AppError('conflict', 'only a published call can be cancelled', { reason: 'notPublished' });
    const [after] = await tx
      .update(calls)
      .set({ status: 'cancelled', resultsText: reason })
      .where(eq(calls.id, id))
      .returning();
    await appendChange(tx, { actor, recordType: 'call', recordId: id, action: 'update', before, after });
    return after!;
  });
}
