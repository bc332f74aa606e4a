import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { messageIdFor, type Mailer } from './mailer.js';
import { emails } from './schema.js';

export type DeliveryOutcome = 'sent' | 'already_sent' | 'already_failed' | 'missing';

export interface DeliveryOptions {
  /** pg-boss will not try this job again: a failure now is final. */
  isLastAttempt: boolean;
  /**
   * A row left in `sending` for longer than this was abandoned by a process that died mid-send (its job came back
   * after pg-boss's expiry): it may be taken over. A fresher one is being sent right now by another worker.
   */
  staleAfterSeconds: number;
}

export class EmailBusyError extends Error {
  constructor(emailId: string) {
    super(`e-mail ${emailId} is being sent by another worker`);
    this.name = 'EmailBusyError';
  }
}

const MAX_ERROR_LENGTH = 1000;

/**
 * Delivers one e-mail row, at most once per job run: claims the row (queued → sending, one more attempt), hands
 * it to the mail server with a Message-ID fixed for the row, and records the outcome. A row already sent is left
 * alone, so running the job again sends nothing. On failure it records the error and throws so that pg-boss
 * retries; on the last attempt the row becomes `failed`, which admins see in the outbox.
 */
export async function deliverEmail(
  db: Db,
  mailer: Mailer,
  emailId: string,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const staleBefore = sql`now() - make_interval(secs => ${options.staleAfterSeconds})`;
  const [email] = await db
    .update(emails)
    .set({ status: 'sending', attempts: sql`${emails.attempts} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(emails.id, emailId),
        or(eq(emails.status, 'queued'), and(eq(emails.status, 'sending'), lt(emails.updatedAt, staleBefore))),
      ),
    )
    .returning();
  if (!email) {
    const [current] = await db.select({ status: emails.status }).from(emails).where(eq(emails.id, emailId)).limit(1);
    if (!current) return 'missing';
    if (current.status === 'sent') return 'already_sent';
    if (current.status === 'failed') return 'already_failed';
    throw new EmailBusyError(emailId);
  }

  const messageId = messageIdFor(email.id, mailer.domain);
  try {
    await mailer.send({
      messageId,
      to: email.toAddress,
      subject: email.subject,
      text: email.text,
      html: email.html,
      locale: email.locale,
      attachments: email.attachments ?? undefined,
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    await db
      .update(emails)
      .set({ status: options.isLastAttempt ? 'failed' : 'queued', lastError: message, updatedAt: sql`now()` })
      .where(and(eq(emails.id, email.id), eq(emails.status, 'sending')));
    throw error;
  }
  await db
    .update(emails)
    .set({ status: 'sent', sentAt: sql`now()`, messageId, lastError: null, updatedAt: sql`now()` })
    .where(eq(emails.id, email.id));
  return 'sent';
}

/**
 * A job that pg-boss gave up on without the handler recording it (the process died on the last attempt, or the
 * attempt outlived its expiry): the row is marked failed so that it shows up as such in the outbox.
 */
export async function markEmailFailed(db: Db, emailId: string, reason: string): Promise<boolean> {
  const rows = await db
    .update(emails)
    .set({
      status: 'failed',
      lastError: sql`coalesce(${emails.lastError}, ${reason.slice(0, MAX_ERROR_LENGTH)})`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(emails.id, emailId), inArray(emails.status, ['queued', 'sending'])))
    .returning({ id: emails.id });
  return rows.length > 0;
}
