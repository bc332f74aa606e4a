import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emails } from './schema.js';

/** Deletes every e-mail written to a person (their account is being cancelled), in the caller's transaction. */
export async function forgetEmailsOf(tx: Db, userId: string): Promise<void> {
  await tx.delete(emails).where(eq(emails.userId, userId));
}
