import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queueEmail } from '../notifications/queue-email.js';
import { users } from './schema.js';
import { issueToken } from './consume-token.js';
import { absoluteUrl, tokenTtlMinutes } from './links.js';
import { normalizeEmail } from './secrets.js';

/**
 * Sends a confirmation link to the new address; the account keeps the old one until the link is followed. If the
 * new address already belongs to an account, nothing is sent (and the person is not told, to avoid enumeration).
 */
export async function requestEmailChange(db: Db, userId: string, newEmail: string, options: { baseUrl: string; siteName: string }) {
  const email = normalizeEmail(newEmail);
  await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
    if (taken) return;
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!user) return;
    const token = await issueToken(tx, { userId, purpose: 'change_email', ttlMinutes: tokenTtlMinutes.change_email, data: { email } });
    await queueEmail(tx, {
      to: email,
      userId,
      template: 'change_email',
      locale: user.locale,
      params: { name: user.name, url: absoluteUrl(options.baseUrl, `/cuenta/correo/${token}`), siteName: options.siteName, expiresInHours: tokenTtlMinutes.change_email / 60 },
    });
  });
}
