import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, userTokens, users } from './schema.js';

/**
 * Marks a person's e-mail address confirmed because they followed a link sent to it by a flow other than their own
 * account registration (a Súmate sign-up, a sign-in link, a reset or invitation link), in the caller's transaction.
 *
 * Until then the account was open to anyone who typed the address: whatever it held was not necessarily chosen by
 * the address's owner. So when the address is confirmed this way, its password, its sessions and its pending links
 * are cleared (except the links of call sign-ups and an administrator's invitation, which carry no credential),
 * and nobody can pre-claim an account. Returns whether the address was unconfirmed until now.
 */
export async function confirmEmailAddress(tx: Db, userId: string, now: Date): Promise<boolean> {
  const [claimed] = await tx
    .update(users)
    .set({ emailConfirmedAt: now, passwordHash: null })
    .where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)))
    .returning({ id: users.id });
  if (!claimed) return false;
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.userId, userId),
        isNull(userTokens.usedAt),
        ne(userTokens.purpose, 'invitation'),
        sql`${userTokens.data}->>'registrationId' is null`,
      ),
    );
  return true;
}
