import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emails } from '../notifications/read-models.js';

/** E-mails that could not be delivered after every retry: the admin's desk counts them. */
export async function countFailedEmails(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(emails).where(eq(emails.status, 'failed'));
  return row?.n ?? 0;
}
