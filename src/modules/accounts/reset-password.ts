import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from './schema.js';
import { consumeToken } from './consume-token.js';
import { hashPassword } from './password.js';

/**
 * Sets a new password from a reset or invitation link, confirms the e-mail and closes every other session.
 * Returns the user id, or undefined if the link is not valid.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }, now = new Date()): Promise<string | undefined> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = (await consumeToken(tx, input.token, 'reset_password', now)) ?? (await consumeToken(tx, input.token, 'invitation', now));
    if (!row) return undefined;
    await tx.update(users).set({ passwordHash, emailConfirmedAt: now }).where(eq(users.id, row.userId));
    await tx.delete(sessions).where(eq(sessions.userId, row.userId));
    return row.userId;
  });
}
