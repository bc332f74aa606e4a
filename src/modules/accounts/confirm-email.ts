import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, userTokens, users } from './schema.js';
import { consumeToken } from './consume-token.js';
import { confirmEmailAddress } from './confirm-email-address.js';

/**
 * Follows a confirmation link: the account's e-mail is confirmed. The link of an account registration carries the
 * password (its hash), name and language chosen then: the account itself held no credential until now, and gets
 * them only if it is still unconfirmed. Any other confirmation link (a call sign-up's) confirms the address as
 * another flow does, clearing what the unconfirmed account held. Returns the user id, or undefined if the link is
 * not valid.
 */
export async function confirmEmail(db: Db, token: string, now = new Date()): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, 'confirm_email', now);
    if (!row) return undefined;
    const chosen = row.data?.passwordHash;
    if (!chosen) {
      // A call sign-up's link; or an account registration's from before the password waited in the link, whose
      // password then is the one the account holds.
      if (row.data?.registrationId) await confirmEmailAddress(tx, row.userId, now);
      else
        await tx
          .update(users)
          .set({ emailConfirmedAt: now })
          .where(and(eq(users.id, row.userId), isNull(users.emailConfirmedAt)));
      return row.userId;
    }
    const locale = row.data?.locale === 'en' ? 'en' : row.data?.locale === 'es-MX' ? 'es-MX' : undefined;
    const [claimed] = await tx
      .update(users)
      .set({
        passwordHash: chosen,
        emailConfirmedAt: now,
        ...(row.data?.name ? { name: row.data.name } : {}),
        ...(locale ? { locale } : {}),
      })
      .where(and(eq(users.id, row.userId), isNull(users.emailConfirmedAt)))
      .returning({ id: users.id });
    if (claimed) {
      // Other registrations of the same address (each with its own password) end here, as does any session.
      await tx
        .update(userTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(userTokens.userId, row.userId),
            eq(userTokens.purpose, 'confirm_email'),
            isNull(userTokens.usedAt),
            sql`${userTokens.data}->>'passwordHash' is not null`,
          ),
        );
      await tx.delete(sessions).where(eq(sessions.userId, row.userId));
    }
    return row.userId;
  });
}
