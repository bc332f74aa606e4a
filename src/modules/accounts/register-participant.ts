import { z } from 'zod';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queueEmail } from '../notifications/queue-email.js';
import { userTokens, users } from './schema.js';
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
 * Opens a participant account, unconfirmed until the e-mailed link is followed. The chosen password waits (hashed)
 * in that link, never in the account: until the address's owner follows it, the account holds no credential, and
 * whoever typed someone else's address gains nothing when the owner confirms it another way. If the address
 * already has a confirmed account, that person gets a sign-in link instead; if it has an unconfirmed one, a new
 * confirmation link with this password replaces the older ones. The page a stranger sees is the same either way.
 * `onOpened` runs in the same transaction when a confirmation link is sent (the caller records what goes with it,
 * such as the consent to the privacy notice).
 */
export async function registerParticipant(
  db: Db,
  input: RegisterParticipantInput,
  options: { baseUrl: string; siteName: string; onOpened?: (tx: Db, userId: string) => Promise<void>; now?: Date },
): Promise<void> {
  const email = normalizeEmail(input.email);
  const now = options.now ?? new Date();
  // Hashed whether or not the address has an account, so the time taken does not tell (input was validated first).
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    if (existing && (existing.emailConfirmedAt || existing.status !== 'active')) {
      const token = await issueToken(
        tx,
        { userId: existing.id, purpose: 'sign_in', ttlMinutes: tokenTtlMinutes.sign_in },
        now,
      );
      await queueEmail(tx, {
        to: existing.email,
        userId: existing.id,
        template: 'sign_in_link',
        locale: existing.locale,
        params: {
          name: existing.name,
          url: absoluteUrl(options.baseUrl, `/entrar/enlace/${token}`),
          siteName: options.siteName,
          expiresInMinutes: tokenTtlMinutes.sign_in,
        },
      });
      return;
    }
    const userId =
      existing?.id ??
      (await tx.insert(users).values({ email, name: input.name, locale: input.locale }).returning())[0]!.id;
    if (existing) {
      await tx
        .update(userTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(userTokens.userId, userId),
            eq(userTokens.purpose, 'confirm_email'),
            isNull(userTokens.usedAt),
            sql`${userTokens.data}->>'passwordHash' is not null`,
          ),
        );
    }
    const token = await issueToken(
      tx,
      {
        userId,
        purpose: 'confirm_email',
        ttlMinutes: tokenTtlMinutes.confirm_email,
        data: { passwordHash, name: input.name, locale: input.locale },
      },
      now,
    );
    await queueEmail(tx, {
      to: email,
      userId,
      template: 'confirm_email',
      locale: input.locale,
      params: {
        name: input.name,
        url: absoluteUrl(options.baseUrl, `/confirmar/${token}`),
        siteName: options.siteName,
        expiresInHours: tokenTtlMinutes.confirm_email / 60,
      },
    });
    await options.onOpened?.(tx, userId);
  });
}
