import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queueEmail } from '../notifications/queue-email.js';
import { sessions, users } from './schema.js';
import { consumeToken } from './consume-token.js';
import { absoluteUrl } from './links.js';
import { hashToken } from './secrets.js';

/**
 * Follows the link sent to a new address: the account's e-mail becomes that address, the old address is told (with
 * what to do if it was not them), and every session of the account ends except the one that followed the link
 * (`keepSession`, its cookie token, if it is the account's).
 */
export async function confirmEmailChange(
  db: Db,
  token: string,
  options: { baseUrl: string; siteName: string; keepSession?: string | undefined; now?: Date },
): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, 'change_email', now);
    const email = row?.data?.email;
    if (!row || !email) return false;
    const [before] = await tx.select().from(users).where(eq(users.id, row.userId)).limit(1);
    if (!before) return false;
    await tx.update(users).set({ email, emailConfirmedAt: now }).where(eq(users.id, row.userId));
    const others = options.keepSession
      ? and(eq(sessions.userId, row.userId), ne(sessions.tokenHash, hashToken(options.keepSession)))
      : eq(sessions.userId, row.userId);
    await tx.delete(sessions).where(others);
    await queueEmail(tx, {
      to: before.email,
      userId: row.userId,
      template: 'email_changed',
      locale: before.locale,
      params: {
        name: before.name,
        newEmail: email,
        url: absoluteUrl(options.baseUrl, '/contacto'),
        siteName: options.siteName,
      },
    });
    return true;
  });
}
