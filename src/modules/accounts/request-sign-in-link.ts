import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queueEmail } from '../notifications/queue-email.js';
import { users } from './schema.js';
import { issueToken } from './consume-token.js';
import { absoluteUrl, tokenTtlMinutes } from './links.js';
import { normalizeEmail } from './secrets.js';

/**
 * E-mails a one-time sign-in link (or, with purpose reset_password, a link to choose a new password) if the address
 * has an active account. Says nothing either way.
 */
export async function requestEmailLink(
  db: Db,
  input: { email: string; purpose: 'sign_in' | 'reset_password' },
  options: { baseUrl: string; siteName: string },
) {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(sql`lower(${users.email})`, normalizeEmail(input.email)), eq(users.status, 'active')))
      .limit(1);
    if (!user) return;
    const ttl = tokenTtlMinutes[input.purpose];
    const token = await issueToken(tx, { userId: user.id, purpose: input.purpose, ttlMinutes: ttl });
    const isSignIn = input.purpose === 'sign_in';
    await queueEmail(tx, {
      to: user.email,
      userId: user.id,
      template: isSignIn ? 'sign_in_link' : 'reset_password',
      locale: user.locale,
      params: {
        name: user.name,
        url: absoluteUrl(options.baseUrl, isSignIn ? `/entrar/enlace/${token}` : `/recuperar/${token}`),
        siteName: options.siteName,
        expiresInMinutes: ttl,
      },
    });
  });
}
