import { desc, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { changeHash, GENESIS_HASH, sealSide, toJsonValue } from './change-hash.js';
import { publicProjection } from './public-projection.js';
import { changeLog, type ChangeAction } from './schema.js';

/**
 * Who made a change, as the public will read it: a role and institution, never an e-mail. Always someone: the portal
 * itself acting (the demo seed, jobs, the command line) has id null and a label (see changeActorOf in kernel/actor.ts).
 */
export type ChangeActor = { id: string | null; label: string };

/** The label of changes made by the system (the demo seed, migrations of data, scheduled jobs). */
export const SYSTEM_ACTOR_LABEL = 'Sistema';

/** Writers of the change log take this transaction-scoped advisory lock, so that entries form one chain. */
export const CHANGE_LOG_LOCK_KEY = 461_778_215;

export interface ChangeEntry {
  actor: ChangeActor;
  recordType: string;
  recordId: string;
  action: ChangeAction;
  before?: unknown;
  after?: unknown;
  occurredAt?: Date;
}

/** The channel on which every committed public write is announced, so each process drops its cached public pages. */
export const PUBLIC_PAGES_CHANNEL = 'cocrea_cache';

/**
 * Announces that public pages changed. Call it inside the write's transaction: PostgreSQL delivers the notification
 * to every listening process when the transaction commits, and never when it rolls back. `appendChange` calls it;
 * call it yourself only for writes that change a public page without a change-log entry.
 */
export async function invalidatePublicPages(tx: Pick<Db, 'execute'>): Promise<void> {
  await tx.execute(sql`select pg_notify(${PUBLIC_PAGES_CHANNEL}, '')`);
  publicWrites += 1;
}

let publicWrites = 0;
/**
 * How many public writes this process has attempted (committed or not). A request that changed it has written
 * by the time it answers, so this process can drop its cache at once instead of waiting for its own notification.
 */
export const publicWriteCount = () => publicWrites;

const looksLikeEmail = /[^\s@]+@[^\s@]+/;

/**
 * Appends one entry to the hash-chained change log, inside the caller's transaction (`tx`), so the entry exists if
 * and only if the change it describes is committed. Writers are serialised by an advisory lock held until the
 * transaction ends, so each entry points to the one committed before it, also across processes.
 */
// Only the public projection of `before` and `after` is kept (each module declares its record types' public fields),
// each field sealed with a salt and a digest that the chain covers.
export async function appendChange(tx: Db, entry: ChangeEntry) {
  const [row] = await appendChanges(tx, [entry]);
  return row!;
}

/** Entries per INSERT when many are appended at once. */
const CHUNK = 200;

/**
 * Appends many entries at once, in order, with the same chain and rules as appendChange (one advisory lock, read
 * committed, the caller's transaction) and one INSERT per 200 entries: for bulk loads such as the demo seed.
 */
export async function appendChanges(tx: Db, entries: ChangeEntry[]): Promise<{ seq: number; hash: string }[]> {
  if (!(tx instanceof PgTransaction))
    throw new Error('appendChange must run inside the transaction that makes the change');
  if (entries.length === 0) return [];
  const prepared = entries.map((entry) => {
    const actorLabel = entry.actor.label.trim();
    if (actorLabel === '' || looksLikeEmail.test(actorLabel)) {
      throw new Error(
        'The change log shows who acted to the public: give a role or a name as the actor label, never an e-mail address',
      );
    }
    const before = publicProjection(entry.recordType, entry.before === undefined ? null : toJsonValue(entry.before));
    const after = publicProjection(entry.recordType, entry.after === undefined ? null : toJsonValue(entry.after));
    const sealedBefore = sealSide(before);
    const sealedAfter = sealSide(after);
    return {
      occurredAt: entry.occurredAt ?? new Date(),
      actorId: entry.actor.id?.toLowerCase() ?? null,
      actorLabel,
      recordType: entry.recordType,
      recordId: entry.recordId,
      action: entry.action,
      before,
      after,
      digests: { before: sealedBefore.digests, after: sealedAfter.digests },
      salts: { before: sealedBefore.salts, after: sealedAfter.salts },
    };
  });
  const locked = await tx.execute(
    sql`select pg_advisory_xact_lock(${CHANGE_LOG_LOCK_KEY}), current_setting('transaction_isolation') as isolation`,
  );
  const isolation = (locked as unknown as { rows: { isolation: string }[] }).rows[0]?.isolation;
  // Under repeatable read or serializable, the transaction's snapshot may predate the entry committed just before
  // the lock was granted, and the new entry would fork the chain.
  if (isolation !== 'read committed')
    throw new Error(`appendChange needs a read committed transaction, not ${isolation}`);

  const [last] = await tx.select({ hash: changeLog.hash }).from(changeLog).orderBy(desc(changeLog.seq)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = prepared.map((entry) => {
    const hash = changeHash({
      prev_hash: prevHash,
      occurred_at: entry.occurredAt.toISOString(),
      actor_label: entry.actorLabel,
      record_type: entry.recordType,
      record_id: entry.recordId,
      action: entry.action,
      digests: entry.digests,
    });
    const row = { ...entry, prevHash, hash };
    prevHash = hash;
    return row;
  });
  const written: { seq: number; hash: string }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    written.push(
      ...(await tx
        .insert(changeLog)
        .values(rows.slice(i, i + CHUNK))
        .returning({ seq: changeLog.seq, hash: changeLog.hash })),
    );
  }
  await invalidatePublicPages(tx);
  return written;
}
