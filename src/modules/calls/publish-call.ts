import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { calls } from './schema.js';

/**
 * Publishes a draft: from now on its page is public and it accepts sign-ups inside its window. Its public history
 * starts here, with a creation entry holding the call as published. Refused when it is not a draft (`notDraft`) or
 * its closing instant has passed (`closesInPast`: correct the dates first).
 */
export async function publishCall(db: Db, id: string, options: { actor: ActingParty; now: Date }) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!before) throw notFound('call');
    if (before.status !== 'draft')
      throw new AppError('conflict', 'only a draft can be published', { reason: 'notDraft' });
    if (before.closesAt <= options.now)
      throw new AppError('conflict', 'the call would close at once', { reason: 'closesInPast' });
    const [after] = await tx.update(calls).set({ status: 'published' }).where(eq(calls.id, id)).returning();
    await appendChange(tx, { actor, recordType: 'call', recordId: id, action: 'create', after });
    return after!;
  });
}
