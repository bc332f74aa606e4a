import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
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
  /** The retry horizon and the longest wait between two late tries (see `retryLater`). */
  retry: LateRetrySettings;
}

export interface LateRetrySettings {
  /** How long after the quick retries a passing failure keeps being retried (0: it fails at once). */
  horizonSeconds: number;
  /** The first late wait; it doubles on each try. */
  firstWaitSeconds: number;
  /** The longest wait between two late tries. */
  maxWaitSeconds: number;
}

export class EmailBusyError extends Error {
  constructor(emailId: string) {
    super(`e-mail ${emailId} is being sent by another worker`);
    this.name = 'EmailBusyError';
  }
}

const MAX_ERROR_LENGTH = 1000;

/** A 5xx answer from the mail server: the message will never be taken (no such mailbox, refused); no late retries. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * What a row becomes once the job queue's quick retries are spent: queued again with a later try while the horizon
 * lasts (it starts when the quick retries are first spent; the wait doubles from the first wait up to the longest),
 * otherwise failed. `attempts` counts every try so far.
 */
const lateRetry = (retry: LateRetrySettings) => {
  const wait = sql`least(${retry.maxWaitSeconds}, ${retry.firstWaitSeconds} * power(2, least(${emails.attempts}, 20)))`;
  const until = sql`coalesce(${emails.retryUntil}, now() + make_interval(secs => ${retry.horizonSeconds}))`;
  const withinHorizon = sql`now() + make_interval(secs => ${wait}) <= ${until}`;
  return {
    status: sql`case when ${withinHorizon} then 'queued' else 'failed' end`,
    nextAttemptAt: sql`case when ${withinHorizon} then now() + make_interval(secs => ${wait}) end`,
    retryUntil: sql`case when ${withinHorizon} then ${until} end`,
  };
};

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
    const outcome = !options.isLastAttempt
      ? { status: 'queued' as const }
      : isPermanentFailure(error)
        ? { status: 'failed' as const, nextAttemptAt: null, retryUntil: null }
        : lateRetry(options.retry);
    await db
      .update(emails)
      .set({ ...outcome, lastError: message, updatedAt: sql`now()` })
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
 * attempt outlived its expiry): the row gets a late try while the horizon lasts, or is marked failed so that it shows
 * up as such in the outbox. A row whose late try is already set was recorded by the handler and is left alone.
 */
export async function markEmailFailed(
  db: Db,
  emailId: string,
  reason: string,
  retry: LateRetrySettings,
): Promise<'failed' | 'retry_later' | 'unchanged'> {
  const [row] = await db
    .update(emails)
    .set({
      ...lateRetry(retry),
      lastError: sql`coalesce(${emails.lastError}, ${reason.slice(0, MAX_ERROR_LENGTH)})`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(emails.id, emailId), inArray(emails.status, ['queued', 'sending']), isNull(emails.nextAttemptAt)))
    .returning({ status: emails.status });
  if (!row) return 'unchanged';
  return row.status === 'failed' ? 'failed' : 'retry_later';
}
