import { desc, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { CHANGE_LOG_LOCK_KEY, SYSTEM_ACTOR_LABEL, type ChangeEntry } from './append-change.js';
import { changeHash, GENESIS_HASH, toJsonValue } from './change-hash.js';
import { changeLog } from './schema.js';

const CHUNK = 200;

/**
 * Appends many entries to the change log at once, in order, inside the caller's transaction: the same chain and the
 * same rules as appendChange (one advisory lock, read committed), with one INSERT per 200 entries instead of three
 * statements per entry. For bulk loads such as the demo seed; actors here are the system or labelled roles.
 */
export async function appendChanges(tx: Db, entries: ChangeEntry[]) {
  if (entries.length === 0) return;
  if (!(tx instanceof PgTransaction)) throw new Error('appendChanges must run inside the transaction that makes the changes');
  const locked = await tx.execute(sql`select pg_advisory_xact_lock(${CHANGE_LOG_LOCK_KEY}), current_setting('transaction_isolation') as isolation`);
  const isolation = (locked as unknown as { rows: { isolation: string }[] }).rows[0]?.isolation;
  if (isolation !== 'read committed') throw new Error(`appendChanges needs a read committed transaction, not ${isolation}`);
  const [last] = await tx.select({ hash: changeLog.hash }).from(changeLog).orderBy(desc(changeLog.seq)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const actorLabel = (entry.actor?.label ?? SYSTEM_ACTOR_LABEL).trim();
    if (actorLabel === '' || /[^\s@]+@[^\s@]+/.test(actorLabel)) throw new Error('The change log shows who acted to the public: never an e-mail address');
    const actorId = entry.actor?.id?.toLowerCase() ?? null;
    const occurredAt = entry.occurredAt ?? new Date();
    const before = entry.before === undefined ? null : toJsonValue(entry.before);
    const after = entry.after === undefined ? null : toJsonValue(entry.after);
    const hash = changeHash({
      prev_hash: prevHash,
      occurred_at: occurredAt.toISOString(),
      actor_id: actorId,
      actor_label: actorLabel,
      record_type: entry.recordType,
      record_id: entry.recordId,
      action: entry.action,
      before,
      after,
    });
    const row = { occurredAt, actorId, actorLabel, recordType: entry.recordType, recordId: entry.recordId, action: entry.action, before, after, prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(changeLog).values(rows.slice(i, i + CHUNK));
}
