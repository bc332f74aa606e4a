import { asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeHash, GENESIS_HASH, type JsonValue } from './change-hash.js';
import { changeLog } from './schema.js';

export type ChangeLogVerification =
  | { ok: true; checked: number }
  /** `checked` counts the entries read, the bad one included. */
  | { ok: false; checked: number; firstBadSeq: number; reason: 'hash mismatch' | 'broken link' };

const BATCH = 1000;

/**
 * The instant as the hash covers it (ISO 8601 UTC with milliseconds). Read from the database with microseconds, so
 * that a change below the millisecond also shows: such a value is written with six decimals and cannot match.
 */
const occurredAtText = sql<string>`to_char(${changeLog.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const canonicalInstant = (text: string) => (text.endsWith('000') ? `${text.slice(0, -3)}Z` : `${text}Z`);

/** jsonb read as text and parsed here, so the values are exactly those stored, whatever the driver's parsers do. */
const parseJson = (text: string | null): JsonValue => (text === null ? null : (JSON.parse(text) as JsonValue));

/**
 * Recomputes the change log's chain in seq order, in batches: each entry must point to the hash of the entry before
 * it (the first to 64 zeros) and its own hash must match its fields. Returns the first entry that fails.
 */
export async function verifyChangeLog(db: Db): Promise<ChangeLogVerification> {
  let previous = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select({
        seq: changeLog.seq,
        occurredAt: occurredAtText,
        actorId: sql<string | null>`${changeLog.actorId}::text`,
        actorLabel: changeLog.actorLabel,
        recordType: changeLog.recordType,
        recordId: changeLog.recordId,
        action: changeLog.action,
        before: sql<string | null>`${changeLog.before}::text`,
        after: sql<string | null>`${changeLog.after}::text`,
        prevHash: changeLog.prevHash,
        hash: changeLog.hash,
      })
      .from(changeLog)
      .where(gt(changeLog.seq, lastSeq))
      .orderBy(asc(changeLog.seq))
      .limit(BATCH);
    for (const row of rows) {
      checked += 1;
      if (row.prevHash !== previous) return { ok: false, checked, firstBadSeq: row.seq, reason: 'broken link' };
      const recomputed = changeHash({
        prev_hash: row.prevHash,
        occurred_at: canonicalInstant(row.occurredAt),
        actor_id: row.actorId,
        actor_label: row.actorLabel,
        record_type: row.recordType,
        record_id: row.recordId,
        action: row.action,
        before: parseJson(row.before),
        after: parseJson(row.after),
      });
      if (recomputed !== row.hash) return { ok: false, checked, firstBadSeq: row.seq, reason: 'hash mismatch' };
      previous = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < BATCH) return { ok: true, checked };
  }
}
