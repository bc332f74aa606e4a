import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeLog } from './schema.js';

/**
 * The whole change log for the open-data dump, in chain order, with every field the hash covers: `occurred_at`
 * exactly as hashed (ISO 8601 UTC with milliseconds) and `before`/`after` as stored (jsonb text, parsed).
 */
export async function listChangeLog(db: Db) {
  const rows = await db
    .select({
      seq: changeLog.seq,
      occurredAt: sql<string>`to_char(${changeLog.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
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
    .orderBy(asc(changeLog.seq));
  return rows.map((row) => ({
    ...row,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
  }));
}
