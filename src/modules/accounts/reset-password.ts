import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, userTokens, users } from './schema.js';
import { consumeToken, isTokenUsable } from './consume-token.js';
import { confirmEmailAddress } from './confirm-email-address.js';
import { hashPassword } from './password.js';

/**
 * Sets a new password from a reset or invitation link (which it uses up: opening the link only shows the form),
 * confirms the e-mail (clearing what an unconfirmed account held), makes every older reset and invitation link of
 * the account unusable and closes every session. Returns the user id, or undefined if the link is not valid.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  now = new Date(),
): Promise<string | undefined> {
  // The cheap check first: an unusable link costs no password hashing.
  if (!(await isTokenUsable(db, input.token, ['reset_password', 'invitation'], now))) return undefined;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row =
      (await consumeToken(tx, input.token, 'reset_password', now)) ??
      (await consumeToken(tx, input.token, 'invitation', now));
    if (!row) return undefined;
    await confirmEmailAddress(tx, row.userId, now);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId));
    await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(userTokens.userId, row.userId),
          inArray(userTokens.purpose, ['reset_password', 'invitation']),
          isNull(userTokens.usedAt),
        ),
      );
    await tx.delete(sessions).where(eq(sessions.userId, row.userId));
    return row.userId;
  });
}
