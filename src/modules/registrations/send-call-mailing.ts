import { and, asc, count, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { AppError, notFound } from '../../shared/errors.js';
import { queueEmails } from '../notifications/queue-email.js';
import { callMailingRecipients, callMailings, registrations, type RegistrationStatus } from './schema.js';
import { callAvailability } from '../calls/call-window.js';
import { calls } from '../calls/read-models.js';

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

/** Serialises the mailings of one call (with the call's id as the second key), and the batches of one mailing. */
const MAILING_LOCK_KEY = 461_778_216;
const BATCH_LOCK_KEY = 461_778_217;

export interface MailingOptions {
  siteName: string;
  /** Recipients per transaction (each a multi-row insert of e-mails, jobs and recipient rows). */
  batchSize?: number;
}

/**
 * Sends the next-step message of a closed call. The mailing row is committed first (marked `isQueueing`); then the
 * recipients (confirmed or accepted registrations, in their language, template `notice`) get their e-mail queued
 * in short transactions of `batchSize` people each, so the embedded single-connection database keeps serving other
 * requests between batches. Each batch writes its e-mail rows, their delivery jobs and the recipient rows together
 * and takes only people who have no recipient row yet: after a crash or restart, queueMailingRecipients (run again
 * by resumeCallMailings at start-up) carries on where the last committed batch ended, and nobody gets it twice nor is
 * skipped. Delivery is up to the e-mail jobs, whose progress is in the database (see getMailingProgress).
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
  options: MailingOptions & { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, 'admin');
  const message = callMailingInput.parse(input);
  const mailing = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MAILING_LOCK_KEY}, hashtext(${callId}))`);
    const [call] = await tx.select().from(calls).where(eq(calls.id, callId)).limit(1);
    if (!call) throw notFound('call');
    if (callAvailability(call, options.now) !== 'closed')
      throw new AppError('conflict', 'the call has not closed', { reason: 'callNotClosed' });
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
    if (same)
      throw new AppError('conflict', 'this message was already sent', { reason: 'alreadySent', mailingId: same.id });
    const [anyone] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(
          eq(registrations.callId, callId),
          inArray(registrations.status, [...mailingRecipientStatuses]),
          isNull(registrations.anonymisedAt),
        ),
      )
      .limit(1);
    if (!anyone) throw new AppError('conflict', 'no confirmed registrant to write to', { reason: 'noRecipients' });
    return (
      await tx
        .insert(callMailings)
        .values({
          callId,
          ...message,
          createdBy: isSystemActor(options.actor) ? null : options.actor.userId,
          isQueueing: true,
        })
        .returning()
    )[0]!;
  });
  const recipients = await queueMailingRecipients(db, mailing.id, options);
  return { mailingId: mailing.id, recipients };
}

/**
 * Queues the e-mails of a mailing's remaining recipients, one batch per transaction, until none is left; then the
 * mailing stops being `isQueueing`. Safe to run twice at once (the batches of one mailing take turns under an
 * advisory lock and each re-reads who is still missing) and after a crash (nothing is half-written). Returns how many
 * recipients the mailing has.
 */
export async function queueMailingRecipients(db: Db, mailingId: string, options: MailingOptions): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  for (;;) {
    const isDone = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${BATCH_LOCK_KEY}, hashtext(${mailingId}))`);
      const [mailing] = await tx.select().from(callMailings).where(eq(callMailings.id, mailingId)).limit(1);
      if (!mailing?.isQueueing) return true;
      const batch = await tx
        .select({
          id: registrations.id,
          fullName: registrations.fullName,
          email: registrations.email,
          locale: registrations.locale,
          userId: registrations.userId,
        })
        .from(registrations)
        .where(
          and(
            eq(registrations.callId, mailing.callId),
            inArray(registrations.status, [...mailingRecipientStatuses]),
            isNull(registrations.anonymisedAt),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(callMailingRecipients)
                .where(
                  and(
                    eq(callMailingRecipients.mailingId, mailingId),
                    eq(callMailingRecipients.registrationId, registrations.id),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(registrations.id))
        .limit(batchSize);
      if (batch.length > 0) {
        const queued = await queueEmails(
          tx,
          batch.map((registration) => {
            const isEnglish = registration.locale === 'en';
            return {
              template: 'notice' as const,
              locale: registration.locale,
              to: registration.email,
              userId: registration.userId,
              params: {
                name: registration.fullName,
                siteName: options.siteName,
                subject: isEnglish ? mailing.subjectEn : mailing.subjectEs,
                body: isEnglish ? mailing.bodyEn : mailing.bodyEs,
              },
            };
          }),
        );
        await tx.insert(callMailingRecipients).values(
          batch.map((registration, index) => ({
            mailingId,
            registrationId: registration.id,
            emailId: queued[index]!.id,
          })),
        );
      }
      if (batch.length < batchSize) {
        await tx.update(callMailings).set({ isQueueing: false }).where(eq(callMailings.id, mailingId));
        return true;
      }
      return false;
    });
    if (isDone) break;
  }
  const [row] = await db
    .select({ n: count() })
    .from(callMailingRecipients)
    .where(eq(callMailingRecipients.mailingId, mailingId));
  return Number(row?.n ?? 0);
}

/** At start-up: finishes queueing the mailings a stop or a crash interrupted. Returns the ids it resumed. */
export async function resumeCallMailings(db: Db, options: MailingOptions): Promise<string[]> {
  const unfinished = await db
    .select({ id: callMailings.id })
    .from(callMailings)
    .where(eq(callMailings.isQueueing, true))
    .orderBy(asc(callMailings.createdAt));
  for (const { id } of unfinished) await queueMailingRecipients(db, id, options);
  return unfinished.map((row) => row.id);
}
