import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeLog } from './schema.js';

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
    const rows = await db
      .select({
        seq: changeLog.seq,
        occurredAt: sql<string>`to_char(${changeLog.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
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
      .where(gt(changeLog.seq, lastSeq))
      .orderBy(asc(changeLog.seq))
      .limit(pageSize);
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
