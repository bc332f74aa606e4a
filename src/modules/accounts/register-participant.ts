import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queueEmail } from '../notifications/queue-email.js';
import { users } from './schema.js';
import { issueToken } from './consume-token.js';
import { hashPassword, passwordSchema } from './password.js';
import { absoluteUrl, tokenTtlMinutes } from './links.js';
import { normalizeEmail } from './secrets.js';

export const registerParticipantInput = z.object({
  name: z.string().trim().min(2, 'name.required').max(200, 'name.tooLong'),
  email: z.email('email.invalid').max(254, 'email.invalid'),
  password: passwordSchema,
  locale: z.enum(['es-MX', 'en']),
});
export type RegisterParticipantInput = z.infer<typeof registerParticipantInput>;

/**
 * Opens a participant account, unconfirmed until the e-mailed link is followed. If the address already has an
 * account, that person gets an e-mail saying so instead: the page a stranger sees is the same either way.
 * `onOpened` runs in the same transaction when an account is opened (the caller records what goes with it, such
 * as the consent to the privacy notice).
 */
export async function registerParticipant(
  db: Db,
  input: RegisterParticipantInput,
  options: { baseUrl: string; siteName: string; onOpened?: (tx: Db, userId: string) => Promise<void> },
): Promise<void> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
    if (existing) {
      const token = await issueToken(tx, { userId: existing.id, purpose: 'sign_in', ttlMinutes: tokenTtlMinutes.sign_in });
      await queueEmail(tx, {
        to: existing.email,
        userId: existing.id,
        template: 'sign_in_link',
        locale: existing.locale,
        params: { name: existing.name, url: absoluteUrl(options.baseUrl, `/entrar/enlace/${token}`), siteName: options.siteName, expiresInMinutes: tokenTtlMinutes.sign_in },
      });
      return;
    }
    const [user] = await tx.insert(users).values({ email, name: input.name, passwordHash, locale: input.locale }).returning();
    const token = await issueToken(tx, { userId: user!.id, purpose: 'confirm_email', ttlMinutes: tokenTtlMinutes.confirm_email });
    await queueEmail(tx, {
      to: email,
      userId: user!.id,
      template: 'confirm_email',
      locale: input.locale,
      params: { name: input.name, url: absoluteUrl(options.baseUrl, `/confirmar/${token}`), siteName: options.siteName, expiresInHours: tokenTtlMinutes.confirm_email / 60 },
    });
    await options.onOpened?.(tx, user!.id);
  });
}
