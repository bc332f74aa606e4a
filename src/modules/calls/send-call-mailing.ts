import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { queueEmail } from '../notifications/queue-email.js';
import { callMailingRecipients, callMailings, registrations, type RegistrationStatus } from '../registrations/schema.js';
import { callAvailability } from './call-window.js';
import { calls } from './schema.js';

/** Who gets the next-step message: registrants who confirmed their e-mail, and those already accepted. */
export const mailingRecipientStatuses = ['confirmed', 'accepted'] as const satisfies readonly RegistrationStatus[];

/** The message in both languages: each registrant gets the one of the language they signed up in. */
export const callMailingInput = z.object({
  subjectEs: z.string().trim().min(1, 'subjectEs.required').max(200, 'subjectEs.tooLong'),
  bodyEs: z.string().trim().min(1, 'bodyEs.required').max(20000, 'bodyEs.tooLong'),
  subjectEn: z.string().trim().min(1, 'subjectEn.required').max(200, 'subjectEn.tooLong'),
  bodyEn: z.string().trim().min(1, 'bodyEn.required').max(20000, 'bodyEn.tooLong'),
});
export type CallMailingInput = z.input<typeof callMailingInput>;

/** Serialises the mailings of one call (with the call's id as the second key), across processes. */
const MAILING_LOCK_KEY = 461_778_216;

/**
 * Sends the next-step message of a closed call: creates the mailing and, in the same transaction, one recipient row
 * and one queued e-mail (template `notice`, in the registrant's language) per confirmed or accepted registration,
 * read in batches so that thousands fit in memory. Nothing is sent unless everything is written; delivery is up to
 * the e-mail jobs, whose progress is in the database (see getMailingProgress).
 *
 * Refused (conflict) while the call is not closed (`callNotClosed`), when nobody would receive it (`noRecipients`),
 * and when the very same message (both subjects and bodies) was already sent for this call (`alreadySent`, with its
 * `mailingId`): a resubmitted form or a double click never mails anyone twice. A corrected or different message is a
 * new mailing.
 */
export async function sendCallMailing(
  db: Db,
  callId: string,
  input: CallMailingInput,
  options: { userId: string | null; siteName: string; now: Date; batchSize?: number },
) {
  const message = callMailingInput.parse(input);
  const batchSize = options.batchSize ?? 500;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MAILING_LOCK_KEY}, hashtext(${callId}))`);
    const [call] = await tx.select().from(calls).where(eq(calls.id, callId)).limit(1);
    if (!call) throw notFound('call');
    if (callAvailability(call, options.now) !== 'closed') throw new AppError('conflict', 'the call has not closed', { reason: 'callNotClosed' });
    const [same] = await tx
      .select({ id: callMailings.id })
      .from(callMailings)
      .where(
        and(
          eq(callMailings.callId, callId),
          eq(callMailings.subjectEs, message.subjectEs),
          eq(callMailings.bodyEs, message.bodyEs),
          eq(callMailings.subjectEn, message.subjectEn),
          eq(callMailings.bodyEn, message.bodyEn),
        ),
      )
      .limit(1);
    if (same) throw new AppError('conflict', 'this message was already sent', { reason: 'alreadySent', mailingId: same.id });

    const [mailing] = await tx.insert(callMailings).values({ callId, ...message, createdBy: options.userId }).returning();
    let total = 0;
    let lastId: string | undefined;
    for (;;) {
      const batch = await tx
        .select({ id: registrations.id, fullName: registrations.fullName, email: registrations.email, locale: registrations.locale, userId: registrations.userId })
        .from(registrations)
        .where(and(eq(registrations.callId, callId), inArray(registrations.status, [...mailingRecipientStatuses]), lastId ? gt(registrations.id, lastId) : undefined))
        .orderBy(asc(registrations.id))
        .limit(batchSize);
      if (batch.length === 0) break;
      const recipients: (typeof callMailingRecipients.$inferInsert)[] = [];
      for (const registration of batch) {
        const isEnglish = registration.locale === 'en';
        const email = await queueEmail(tx, {
          template: 'notice',
          locale: registration.locale,
          to: registration.email,
          userId: registration.userId,
          params: {
            name: registration.fullName,
            siteName: options.siteName,
            subject: isEnglish ? message.subjectEn : message.subjectEs,
            body: isEnglish ? message.bodyEn : message.bodyEs,
          },
        });
        recipients.push({ mailingId: mailing!.id, registrationId: registration.id, emailId: email.id });
      }
      await tx.insert(callMailingRecipients).values(recipients);
      total += batch.length;
      lastId = batch[batch.length - 1]!.id;
      if (batch.length < batchSize) break;
    }
    if (total === 0) throw new AppError('conflict', 'no confirmed registrant to write to', { reason: 'noRecipients' });
    return { mailingId: mailing!.id, recipients: total };
  });
}
