import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { historyEntry, type HistoryEntry } from '../audit/list-record-history.js';
import { changeLog } from '../audit/read-models.js';

/**
 * The public history of a Secretariat as a whole, newest first: its installation, its seats, their memberships
 * (a new titular or alternate, an ended term) and its documents, also of seats and documents since deleted (their
 * entries name the Secretariat or the seat). One query; `olderThan` gives the page before an entry.
 */
export async function listSecretariatHistory(
  db: Db,
  secretariatId: string,
  options: { limit: number; olderThan?: number | undefined },
): Promise<{ entries: HistoryEntry[]; hasMore: boolean }> {
  // Every seat ever logged as this Secretariat's, by id (a later entry may carry only the fields it changed).
  const seatIds = sql`(select record_id from change_log where record_type = 'secretariat_seat' and coalesce(after, before) ->> 'secretariatId' = ${secretariatId})`;
  const membershipIds = sql`(select record_id from change_log where record_type = 'secretariat_membership' and coalesce(after, before) ->> 'seatId' in ${seatIds})`;
  const documentIds = sql`(select record_id from change_log where record_type = 'document' and coalesce(after, before) ->> 'recordType' = 'secretariat' and coalesce(after, before) ->> 'recordId' = ${secretariatId})`;
  const rows = await db
    .select()
    .from(changeLog)
    .where(
      and(
        or(
          and(eq(changeLog.recordType, 'secretariat'), eq(changeLog.recordId, secretariatId)),
          and(eq(changeLog.recordType, 'secretariat_seat'), sql`${changeLog.recordId} in ${seatIds}`),
          and(eq(changeLog.recordType, 'secretariat_membership'), sql`${changeLog.recordId} in ${membershipIds}`),
          and(eq(changeLog.recordType, 'document'), sql`${changeLog.recordId} in ${documentIds}`),
        ),
        options.olderThan === undefined ? undefined : lt(changeLog.seq, options.olderThan),
      ),
    )
    .orderBy(desc(changeLog.seq))
    .limit(options.limit + 1);
  return {
    entries: rows.slice(0, options.limit).map((row) => historyEntry(row)),
    hasMore: rows.length > options.limit,
  };
}
