import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emails } from './schema.js';

/**
 * An admin's "try again" for every e-mail marked failed (the mail server was down past the retry horizon, or refused
 * them): each is queued with its late try due now, so the delivery worker gives it a job within a minute, with the
 * same content and Message-ID. Returns how many.
 */
export async function retryFailedEmails(db: Db): Promise<number> {
  const rows = await db
    .update(emails)
    .set({ status: 'queued', nextAttemptAt: sql`now()`, retryUntil: null, updatedAt: sql`now()` })
    .where(eq(emails.status, 'failed'))
    .returning({ id: emails.id });
  return rows.length;
}
