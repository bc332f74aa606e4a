import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeLog } from '../audit/read-models.js';

/** When the public data last changed (every public write appends to the change log in its transaction). */
export async function lastPublicChange(db: Db): Promise<Date | undefined> {
  const [row] = await db
    .select({ occurredAt: changeLog.occurredAt })
    .from(changeLog)
    .orderBy(desc(changeLog.seq))
    .limit(1);
  return row?.occurredAt;
}
