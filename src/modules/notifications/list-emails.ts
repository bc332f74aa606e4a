import { count, desc, eq, inArray, min } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { emails, emailStatuses, type EmailStatus } from './schema.js';

export const EMAILS_PER_PAGE = 50;

export const listEmailsInput = z.object({
  status: z.enum(emailStatuses).optional(),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(EMAILS_PER_PAGE),
});

export interface EmailListEntry {
  id: string;
  createdAt: Date;
  toAddress: string;
  subject: string;
  template: string;
  locale: 'es-MX' | 'en';
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  /** The late try, when the quick retries were spent on a passing failure. */
  nextAttemptAt: Date | null;
}

export interface EmailList {
  rows: EmailListEntry[];
  /** How many e-mails have each status, whatever the filter (for the filter's links). */
  counts: Record<EmailStatus, number>;
  /** E-mails matching the filter. */
  total: number;
  page: number;
  pages: number;
  /** When the oldest e-mail still waiting (queued or being sent) was written. */
  oldestUnsentAt: Date | null;
}

/** The outbox, newest first, optionally of one status, one page at a time: three queries whatever the page. */
export async function listEmails(db: Db, input: z.input<typeof listEmailsInput>): Promise<EmailList> {
  const { status, page, pageSize } = listEmailsInput.parse(input);
  const where = status ? eq(emails.status, status) : undefined;
  const byStatus = await db.select({ status: emails.status, count: count() }).from(emails).groupBy(emails.status);
  const counts = Object.fromEntries(
    emailStatuses.map((s) => [s, byStatus.find((row) => row.status === s)?.count ?? 0]),
  ) as Record<EmailStatus, number>;
  const total = status ? counts[status] : Object.values(counts).reduce((sum, n) => sum + n, 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const rows = await db
    .select({
      id: emails.id,
      createdAt: emails.createdAt,
      toAddress: emails.toAddress,
      subject: emails.subject,
      template: emails.template,
      locale: emails.locale,
      status: emails.status,
      attempts: emails.attempts,
      lastError: emails.lastError,
      sentAt: emails.sentAt,
      nextAttemptAt: emails.nextAttemptAt,
    })
    .from(emails)
    .where(where)
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(pageSize)
    .offset((Math.min(page, pages) - 1) * pageSize);
  const [oldest] = await db
    .select({ at: min(emails.createdAt) })
    .from(emails)
    .where(inArray(emails.status, ['queued', 'sending']));
  return { rows, counts, total, page: Math.min(page, pages), pages, oldestUnsentAt: oldest?.at ?? null };
}
