import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from './schema.js';
import { consumeToken } from './consume-token.js';

/** Follows the link sent to a new address: the account's e-mail becomes that address. */
export async function confirmEmailChange(db: Db, token: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, 'change_email', now);
    const email = row?.data?.email;
    if (!row || !email) return false;
    await tx.update(users).set({ email, emailConfirmedAt: now }).where(eq(users.id, row.userId));
    return true;
  });
}
