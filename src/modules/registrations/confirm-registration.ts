import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { confirmEmailAddress } from '../accounts/confirm-email-address.js';
import { consumeToken } from '../accounts/consume-token.js';
import { invalidatePublicPages } from '../audit/append-change.js';
import { recordConsent } from '../privacy/record-consent.js';
import { registrations } from './schema.js';

/**
 * Follows the link of a sign-up e-mail: the registration becomes confirmed (or takes the changes that waited in the
 * link) and the person's account is confirmed. Returns the registration and the account, or undefined when the link
 * is not valid.
 */
export async function confirmRegistration(db: Db, token: string, now: Date) {
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, 'confirm_email', now);
    const registrationId = row?.data?.registrationId;
    if (!row || !registrationId) return undefined;
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).limit(1);
    if (!registration) return undefined;
    const update = row.data?.update ? (JSON.parse(row.data.update) as Partial<typeof registrations.$inferInsert>) : {};
    const becomesConfirmed = registration.status === 'pending_confirmation' || registration.status === 'withdrawn';
    const [saved] = await tx
      .update(registrations)
      .set({ ...update, ...(becomesConfirmed ? { status: 'confirmed' as const, confirmedAt: now } : {}) })
      .where(eq(registrations.id, registrationId))
      .returning();
    if (update.privacyNoticeId && update.privacyNoticeId !== registration.privacyNoticeId) {
      await recordConsent(tx, {
        userId: row.userId,
        noticeId: update.privacyNoticeId,
        purpose: `registration:${registration.callId}`,
      });
    }
    await confirmEmailAddress(tx, row.userId, now);
    await invalidatePublicPages(tx); // the public figures count confirmed sign-ups
    return { registration: saved!, userId: row.userId, wasUpdate: Boolean(row.data?.update) };
  });
}
