import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { callFieldsInput, type CallFieldsInput } from './create-call.js';
import { calls } from './schema.js';

/**
 * Corrects a call while it is a draft or published (a published call's dates too). A published call's changes are
 * public at once and go to the change log with what they were before; a draft's are private until it is published.
 * Refused (conflict `notEditable`) once the call is closed or cancelled, and a published call cannot be moved to a
 * closing instant already past (validation `closesInPast`): that would close it for good at the next minute.
 */
export async function updateCall(
  db: Db,
  id: string,
  input: CallFieldsInput,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = callFieldsInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!before) throw notFound('call');
    if (before.status !== 'draft' && before.status !== 'published')
      throw new AppError('conflict', 'only a draft or a published call can be edited', { reason: 'notEditable' });
    const movesClosing = values.closesAt.getTime() !== before.closesAt.getTime();
    if (before.status === 'published' && movesClosing && values.closesAt <= options.now) {
      throw new AppError('validation', 'a published call cannot close in the past', { reason: 'closesInPast' });
    }
    const [after] = await tx
      .update(calls)
      .set({ ...values, resultsText: values.resultsText ?? null })
      .where(eq(calls.id, id))
      .returning();
    if (before.status === 'published')
      await appendChange(tx, { actor, recordType: 'call', recordId: id, action: 'update', before, after });
    return after!;
  });
}
