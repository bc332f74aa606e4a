import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { queueEmail } from '../notifications/queue-email.js';
import { users } from './schema.js';
import { issueToken } from './consume-token.js';
import { absoluteUrl, tokenTtlMinutes } from './links.js';
import { verifyPassword } from './password.js';
import { normalizeEmail } from './secrets.js';

/**
 * Sends a confirmation link to the new address once the person proves it is them with their current password
 * (`validation` on the field `password`: `password.wrong`, or `password.noneSet` for an account without one); the
 * account keeps the old address until the link is followed. If the new address already belongs to an account,
 * nothing is sent (and the person is not told, to avoid enumeration).
 */
export async function requestEmailChange(
  db: Db,
  userId: string,
  input: { email: string; password: string },
  options: { baseUrl: string; siteName: string; now?: Date },
) {
  const email = normalizeEmail(input.email);
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError('not_found', 'no such account');
  if (!user.passwordHash)
    throw new AppError('validation', 'the account has no password', { field: 'password', reason: 'password.noneSet' });
  if (!(await verifyPassword(user.passwordHash, input.password)))
    throw new AppError('validation', 'wrong password', { field: 'password', reason: 'password.wrong' });
  await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    if (taken) return;
    const token = await issueToken(
      tx,
      { userId, purpose: 'change_email', ttlMinutes: tokenTtlMinutes.change_email, data: { email } },
      options.now,
    );
    await queueEmail(tx, {
      to: email,
      userId,
      template: 'change_email',
      locale: user.locale,
      params: {
        name: user.name,
        url: absoluteUrl(options.baseUrl, `/cuenta/correo/${token}`),
        siteName: options.siteName,
        expiresInHours: tokenTtlMinutes.change_email / 60,
      },
    });
  });
}
