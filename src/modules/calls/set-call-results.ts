import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { calls } from './schema.js';

export const callResultsInput = z.object({
  resultsText: z.string().trim().min(1, 'resultsText.required').max(10000, 'resultsText.tooLong'),
});

/** Writes (or corrects) the results of a closed call, shown prominently on its public page; each version is logged. */
export async function setCallResults(
  db: Db,
  id: string,
  input: z.input<typeof callResultsInput>,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const { resultsText } = callResultsInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!before) throw notFound('call');
    if (before.status !== 'closed')
      throw new AppError('conflict', 'results are written once the call has closed', { reason: 'notClosed' });
    const [after] = await tx.update(calls).set({ resultsText }).where(eq(calls.id, id)).returning();
    await appendChange(tx, { actor, recordType: 'call', recordId: id, action: 'update', before, after });
    return after!;
  });
}
