import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from './schema.js';
import { consumeToken } from './consume-token.js';

/** Follows a confirmation link: the account's e-mail is confirmed. Returns the user id, or undefined if the link is not valid. */
export async function confirmEmail(db: Db, token: string, now = new Date()): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, 'confirm_email', now);
    if (!row) return undefined;
    await tx.update(users).set({ emailConfirmedAt: now }).where(eq(users.id, row.userId));
    return row.userId;
  });
}
