import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { emails, type EmailStatus } from '../notifications/read-models.js';
import { callMailingRecipients, callMailings, registrations } from './schema.js';

export interface MailingCounts {
  total: number;
  sent: number;
  /** Queued or being sent. */
  pending: number;
  failed: number;
  /** E-mails deleted since (a registrant cancelled their account): no longer anyone's to send. */
  removed: number;
}

/** Folds the rows of a GROUP BY on the e-mails' status into the figures of the progress view. */
export function countsOf(rows: { status: EmailStatus | null; n: number }[]): MailingCounts {
  const counts: MailingCounts = { total: 0, sent: 0, pending: 0, failed: 0, removed: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    counts.total += n;
    if (row.status === 'sent') counts.sent += n;
    else if (row.status === 'failed') counts.failed += n;
    else if (row.status === 'queued' || row.status === 'sending') counts.pending += n;
    else counts.removed += n;
  }
  return counts;
}

const MAX_FAILURES = 200;

/**
 * Where a mailing stands, straight from the database (so it is true after a restart and across processes): counts
 * of sent, pending and failed e-mails from one GROUP BY over its recipients joined to their e-mails, and the failed
 * ones with their last error (the most recent first, up to 200).
 */
export async function getMailingProgress(db: Db, callId: string, mailingId: string) {
  const [mailing] = await db
    .select()
    .from(callMailings)
    .where(and(eq(callMailings.id, mailingId), eq(callMailings.callId, callId)))
    .limit(1);
  if (!mailing) throw notFound('mailing');
  const [rows, failures] = await Promise.all([
    db
      .select({ status: emails.status, n: count() })
      .from(callMailingRecipients)
      .leftJoin(emails, eq(emails.id, callMailingRecipients.emailId))
      .where(eq(callMailingRecipients.mailingId, mailingId))
      .groupBy(emails.status),
    db
      .select({
        emailId: emails.id,
        name: registrations.fullName,
        to: emails.toAddress,
        attempts: emails.attempts,
        lastError: emails.lastError,
        failedAt: emails.updatedAt,
      })
      .from(callMailingRecipients)
      .innerJoin(emails, eq(emails.id, callMailingRecipients.emailId))
      .innerJoin(registrations, eq(registrations.id, callMailingRecipients.registrationId))
      .where(and(eq(callMailingRecipients.mailingId, mailingId), eq(emails.status, 'failed')))
      .orderBy(desc(emails.updatedAt))
      .limit(MAX_FAILURES),
  ]);
  const counts = countsOf(rows);
  return { mailing, counts, failures, hasMoreFailures: counts.failed > failures.length };
}
export type MailingProgress = Awaited<ReturnType<typeof getMailingProgress>>;
