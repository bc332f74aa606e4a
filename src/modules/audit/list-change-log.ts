import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeLog } from './schema.js';

/**
 * One batch of the log in chain order after entry `afterSeq`, with every field the hash covers as text: `occurred_at`
 * in ISO 8601 UTC ending with `fraction` (a to_char pattern: milliseconds and Z for the dump, microseconds for the
 * verifier), the JSON columns unparsed. The dump and verify-log both read the log through it.
 */
export function changeLogBatch(db: Db, afterSeq: number, limit: number, fraction: 'MS"Z"' | 'US') {
  return db
    .select({
      seq: changeLog.seq,
      occurredAt: sql<string>`to_char(${changeLog.occurredAt} at time zone 'UTC', ${sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.${fraction}'`)})`,
      actorLabel: changeLog.actorLabel,
      recordType: changeLog.recordType,
      recordId: changeLog.recordId,
      action: changeLog.action,
      before: sql<string | null>`${changeLog.before}::text`,
      after: sql<string | null>`${changeLog.after}::text`,
      digests: sql<string>`${changeLog.digests}::text`,
      salts: sql<string>`${changeLog.salts}::text`,
      prevHash: changeLog.prevHash,
      hash: changeLog.hash,
    })
    .from(changeLog)
    .where(gt(changeLog.seq, afterSeq))
    .orderBy(asc(changeLog.seq))
    .limit(limit);
}

/** When the public data last changed: every public write appends to the change log in its transaction. */
export async function lastPublicChange(db: Db): Promise<Date | undefined> {
  const [row] = await db
    .select({ occurredAt: changeLog.occurredAt })
    .from(changeLog)
    .orderBy(desc(changeLog.seq))
    .limit(1);
  return row?.occurredAt;
}

/** Entries per page of the open-data dump. */
export const CHANGE_LOG_PAGE = 1000;

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/**
 * The change log for the open-data dump, in chain order, page by page (keyset on seq, never the whole log in memory),
 * after entry `after` when given (incremental checks: `?desde=`). Every field the hash covers, `occurred_at` exactly as
 * hashed (ISO 8601 UTC with milliseconds), and the published values with their salts; never who acted by account.
 */
export async function* changeLogPages(db: Db, options: { after?: number; pageSize?: number } = {}) {
  const pageSize = options.pageSize ?? CHANGE_LOG_PAGE;
  let lastSeq = options.after ?? 0;
  for (;;) {
    const rows = await changeLogBatch(db, lastSeq, pageSize, 'MS"Z"');
    if (rows.length > 0)
      yield rows.map((row) => ({
        ...row,
        before: parse(row.before),
        after: parse(row.after),
        digests: parse(row.digests),
        salts: parse(row.salts),
      }));
    if (rows.length < pageSize) return;
    lastSeq = rows[rows.length - 1]!.seq;
  }
}

/** The newest entry of the change log (its seq and hash), which pages, feeds and minutes publish; undefined if empty. */
export async function getChangeLogHead(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const [head] = await db
    .select({ seq: changeLog.seq, hash: changeLog.hash })
    .from(changeLog)
    .orderBy(desc(changeLog.seq))
    .limit(1);
  return head;
}
