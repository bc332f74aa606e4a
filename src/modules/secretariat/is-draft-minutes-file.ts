import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { secretariatSessions } from './schema.js';

/** Whether a stored file is the signed minutes of a session whose minutes are not approved yet (members only). One query. */
export async function isDraftMinutesFile(db: Db, fileId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(secretariatSessions)
    .where(and(eq(secretariatSessions.minutesFileId, fileId), isNull(secretariatSessions.minutesApprovedAt)))
    .limit(1);
  return rows.length > 0;
}
