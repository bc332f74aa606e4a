import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeHash, fieldDigest, GENESIS_HASH, type JsonValue } from './change-hash.js';
import { changeLogBatch } from './list-change-log.js';
import { REDACTION_RECORD_TYPE } from './redact-change.js';
import { changeLog } from './schema.js';

/** A field whose value was removed from the public log by a redaction entry (its digest still verifies). */
export interface RedactedField {
  seq: number;
  /** `before.<field>` or `after.<field>`. */
  field: string;
  reason: string;
}

export type ChangeLogFailure =
  /** The entry does not point to the hash of the one before it (an entry was removed or inserted). */
  | 'broken link'
  /** The entry's header or digests do not give its hash (it was altered). */
  | 'hash mismatch'
  /** A published value does not match its digest (the payload was altered). */
  | 'payload mismatch'
  /** A value is missing without a redaction entry that names it. */
  | 'unexplained redaction';

export type ChangeLogVerification =
  | { ok: true; checked: number; head: string; redacted: RedactedField[] }
  /** `checked` counts the entries read, the bad one included. */
  | { ok: false; checked: number; firstBadSeq: number; reason: ChangeLogFailure; field?: string }
  /** The head someone kept is not in the log: the entries after some point were removed. */
  | { ok: false; checked: number; head: string; reason: 'head missing'; missingHead: string };

const BATCH = 1000;

/**
 * The instant as the hash covers it (ISO 8601 UTC with milliseconds). Read from the database with microseconds, so
 * that a change below the millisecond also shows: such a value is written with six decimals and cannot match.
 */
const canonicalInstant = (text: string) => (text.endsWith('000') ? `${text.slice(0, -3)}Z` : `${text}Z`);

/** jsonb read as text and parsed here, so the values are exactly those stored, whatever the driver's parsers do. */
const parseJson = <T = JsonValue>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

type FieldMap = { [field: string]: string };
type Sides = { before: FieldMap | null; after: FieldMap | null };

/** The redactions the log records: entry seq -> field -> reason. */
async function loadRedactions(db: Db) {
  const rows = await db
    .select({ seq: changeLog.seq, recordId: changeLog.recordId, after: sql<string | null>`${changeLog.after}::text` })
    .from(changeLog)
    .where(and(eq(changeLog.recordType, REDACTION_RECORD_TYPE), eq(changeLog.action, 'update')));
  const byEntry = new Map<number, Map<string, { reason: string; seq: number }>>();
  for (const row of rows) {
    const after = parseJson<{ redacted?: unknown; reason?: unknown }>(row.after) ?? {};
    const fields = Array.isArray(after.redacted) ? after.redacted.filter((f) => typeof f === 'string') : [];
    const target = Number(row.recordId);
    const entry = byEntry.get(target) ?? new Map();
    for (const field of fields) entry.set(field, { reason: String(after.reason ?? ''), seq: row.seq });
    byEntry.set(target, entry);
  }
  return byEntry;
}

/**
 * Recomputes the change log's chain in seq order, in batches: each entry must point to the hash of the entry before
 * it (the first to 64 zeros), its own hash must match its header and digests, and each published value must match its
 * digest; a value may be missing only when a later redaction entry names it. With `head` (a hash published earlier:
 * in a page footer, a feed, approved minutes), the log must still hold it, else its tail was removed.
 */
export async function verifyChangeLog(db: Db, options: { head?: string } = {}): Promise<ChangeLogVerification> {
  const redactions = await loadRedactions(db);
  const redacted: RedactedField[] = [];
  let previous = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  let sawHead = options.head === undefined;
  for (;;) {
    const rows = await changeLogBatch(db, lastSeq, BATCH, 'US');
    for (const row of rows) {
      checked += 1;
      const bad = (reason: ChangeLogFailure, field?: string): ChangeLogVerification => ({
        ok: false,
        checked,
        firstBadSeq: row.seq,
        reason,
        ...(field ? { field } : {}),
      });
      if (row.prevHash !== previous) return bad('broken link');
      const digests = parseJson<Sides>(row.digests) ?? { before: null, after: null };
      const recomputed = changeHash({
        prev_hash: row.prevHash,
        occurred_at: canonicalInstant(row.occurredAt),
        actor_label: row.actorLabel,
        record_type: row.recordType,
        record_id: row.recordId,
        action: row.action,
        digests,
      });
      if (recomputed !== row.hash) return bad('hash mismatch');
      const salts = parseJson<Sides>(row.salts) ?? { before: null, after: null };
      for (const side of ['before', 'after'] as const) {
        const values = parseJson<{ [field: string]: JsonValue }>(row[side]);
        const sideDigests = digests[side];
        if (sideDigests === null) {
          if (values !== null) return bad('payload mismatch', side);
          continue;
        }
        for (const field of Object.keys(values ?? {}))
          if (!Object.hasOwn(sideDigests, field)) return bad('payload mismatch', `${side}.${field}`);
        for (const [field, digest] of Object.entries(sideDigests)) {
          const name = `${side}.${field}`;
          if (values && Object.hasOwn(values, field)) {
            const salt = salts[side]?.[field];
            if (salt === undefined || fieldDigest(salt, values[field]!) !== digest)
              return bad('payload mismatch', name);
            continue;
          }
          const redaction = redactions.get(row.seq)?.get(name);
          if (!redaction || redaction.seq <= row.seq) return bad('unexplained redaction', name);
          redacted.push({ seq: row.seq, field: name, reason: redaction.reason });
        }
      }
      if (row.hash === options.head) sawHead = true;
      previous = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < BATCH) break;
  }
  if (!sawHead) return { ok: false, checked, head: previous, reason: 'head missing', missingHead: options.head! };
  return { ok: true, checked, head: previous, redacted };
}

/** The verification in words, for the command line (English, as its other messages). */
export function describeVerification(result: ChangeLogVerification): string[] {
  if (result.ok) {
    return [
      `Change log verified: ${result.checked} entries, chain intact. Head: ${result.head}`,
      ...result.redacted.map((r) => `Entry #${r.seq}: ${r.field} redacted (${r.reason})`),
    ];
  }
  if (result.reason === 'head missing') {
    return [
      `Change log ALTERED: the published head ${result.missingHead} is not in the log ` +
        `(its newest entries were removed; the log now ends at ${result.head} after ${result.checked} entries)`,
    ];
  }
  return [
    `Change log ALTERED: first bad entry #${result.firstBadSeq} (${result.reason}${result.field ? `: ${result.field}` : ''})`,
  ];
}
