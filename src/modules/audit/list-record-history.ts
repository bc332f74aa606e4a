import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { canonicalJson, toJsonValue, type JsonValue } from './change-hash.js';
import { changeLog, type ChangeAction } from './schema.js';

/** Bookkeeping columns every record has; the log keeps them, the history does not list them as changes. */
const bookkeepingFields = new Set(['id', 'createdAt', 'updatedAt']);

export interface FieldChange {
  field: string;
  before: JsonValue;
  after: JsonValue;
}

export interface HistoryEntry {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: ChangeAction;
  hash: string;
  /** The fields whose value differs between before and after, by field name. */
  changes: FieldChange[];
  /**
   * The kind of record (`commitment`, `activity`...): it names the record on pages that gather several kinds' entries.
   */
  recordType?: string;
  recordId?: string;
  /** The record's title, when the page gathers the histories of several records. */
  recordTitle?: string | undefined;
  /** Fields whose value a redaction removed from the public log (their digest still verifies). */
  redacted?: string[];
  /** The logged sides as they are (a field's value may depend on another one: a document's record type and id). */
  before?: JsonValue;
  after?: JsonValue;
}

/** The fields an entry sealed (digests) but no longer publishes: redacted. */
function redactedFields(row: typeof changeLog.$inferSelect): string[] {
  const fields = new Set<string>();
  for (const side of ['before', 'after'] as const) {
    const values = (row[side] ?? {}) as Record<string, unknown>;
    for (const field of Object.keys(row.digests?.[side] ?? {})) if (!Object.hasOwn(values, field)) fields.add(field);
  }
  return [...fields].sort();
}

const asObject = (value: JsonValue): { [key: string]: JsonValue } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value : value === null ? {} : { value };

/** The fields that differ between two versions of a record (a creation lists every field; a deletion too). */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const from = asObject(toJsonValue(before ?? null));
  const to = asObject(toJsonValue(after ?? null));
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])]
    .filter((field) => !bookkeepingFields.has(field))
    .sort();
  return fields
    .map((field) => ({ field, before: from[field] ?? null, after: to[field] ?? null }))
    .filter((change) => canonicalJson(change.before) !== canonicalJson(change.after));
}

/**
 * A change-log row as the history shows it: who, when, what and the fields that changed (with the record's title, when
 * given).
 */
export const historyEntry = (row: typeof changeLog.$inferSelect, recordTitle?: string): HistoryEntry => ({
  seq: row.seq,
  occurredAt: row.occurredAt,
  actorId: row.actorId,
  actorLabel: row.actorLabel,
  action: row.action,
  hash: row.hash,
  changes: changedFields(row.before, row.after),
  recordType: row.recordType,
  recordId: row.recordId,
  recordTitle,
  redacted: redactedFields(row),
  before: toJsonValue(row.before ?? null),
  after: toJsonValue(row.after ?? null),
});

/** How many changes a record's page shows; the rest are on its full history page. */
export const LATEST_CHANGES = 5;
/** How many changes a page of a full history shows. */
export const HISTORY_PAGE_SIZE = 50;

/**
 * One record's entries in the change log, newest first (one query; `hasMore` when older entries were left out),
 * from the newest or from the one before `olderThan` (a page of its full history).
 */
export async function listRecordHistory(
  db: Db,
  record: { recordType: string; recordId: string },
  options: { limit?: number; olderThan?: number | undefined } = {},
) {
  const limit = options.limit ?? LATEST_CHANGES;
  const rows = await db
    .select()
    .from(changeLog)
    .where(
      and(
        eq(changeLog.recordType, record.recordType),
        eq(changeLog.recordId, record.recordId),
        options.olderThan === undefined ? undefined : lt(changeLog.seq, options.olderThan),
      ),
    )
    .orderBy(desc(changeLog.seq))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map((row) => historyEntry(row));
  return { entries, hasMore: rows.length > limit };
}

/** One entry of the change log by its number, or undefined. */
export async function getChangeEntry(db: Db, seq: number) {
  const [row] = await db.select().from(changeLog).where(eq(changeLog.seq, seq)).limit(1);
  return row;
}

/** The latest entry of a record whose `after` set `field` to `value` (e.g. the approval of a session's minutes). */
export async function findLatestChange(
  db: Db,
  record: { recordType: string; recordId: string },
  field: string,
  value: string,
) {
  const [row] = await db
    .select({ seq: changeLog.seq, hash: changeLog.hash })
    .from(changeLog)
    .where(
      and(
        eq(changeLog.recordType, record.recordType),
        eq(changeLog.recordId, record.recordId),
        sql`${changeLog.after} ->> ${field} = ${value}`,
      ),
    )
    .orderBy(desc(changeLog.seq))
    .limit(1);
  return row;
}
