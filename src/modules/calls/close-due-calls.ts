import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeActorOf, systemActor } from '../../kernel/actor.js';
import { appendChange, SYSTEM_ACTOR_LABEL } from '../audit/append-change.js';
import { calls } from './schema.js';

/**
 * Marks `closed` every published call whose closing instant has passed, each with a change-log entry by the system.
 * Run every minute by a scheduled job and once at start-up; sign-ups never wait for it (a call's availability is
 * computed from its dates). Safe to run from several processes at once: rows another run holds are skipped, and the
 * next run sees them closed. Returns the ids it closed.
 */
export async function closeDueCalls(db: Db, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.status, 'published'), lte(calls.closesAt, now)))
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const closed = await tx
      .update(calls)
      .set({ status: 'closed' })
      .where(
        inArray(
          calls.id,
          due.map((call) => call.id),
        ),
      )
      .returning();
    const byId = new Map(closed.map((call) => [call.id, call]));
    for (const before of due) {
      await appendChange(tx, {
        actor: changeActorOf(systemActor(SYSTEM_ACTOR_LABEL)),
        recordType: 'call',
        recordId: before.id,
        action: 'update',
        before,
        after: byId.get(before.id),
      });
    }
    return due.map((call) => call.id);
  });
}
