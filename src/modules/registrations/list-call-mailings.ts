import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emails } from '../notifications/read-models.js';
import { callMailingRecipients, callMailings } from './schema.js';
import { countsOf, type MailingCounts } from './get-mailing-progress.js';

/** The next-step mailings of a call, newest first, each with its delivery figures (one query). */
export async function listCallMailings(db: Db, callId: string) {
  const rows = await db
    .select({
      id: callMailings.id,
      createdAt: callMailings.createdAt,
      subject: callMailings.subjectEs,
      status: emails.status,
      n: count(callMailingRecipients.id),
    })
    .from(callMailings)
    .leftJoin(callMailingRecipients, eq(callMailingRecipients.mailingId, callMailings.id))
    .leftJoin(emails, eq(emails.id, callMailingRecipients.emailId))
    .where(eq(callMailings.callId, callId))
    .groupBy(callMailings.id, callMailings.createdAt, callMailings.subjectEs, emails.status)
    .orderBy(desc(callMailings.createdAt));
  const byId = new Map<
    string,
    { id: string; createdAt: Date; subject: string; statuses: { status: (typeof rows)[number]['status']; n: number }[] }
  >();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, createdAt: row.createdAt, subject: row.subject, statuses: [] };
    entry.statuses.push({ status: row.status, n: Number(row.n) });
    byId.set(row.id, entry);
  }
  return [...byId.values()].map((entry): { id: string; createdAt: Date; subject: string; counts: MailingCounts } => ({
    id: entry.id,
    createdAt: entry.createdAt,
    subject: entry.subject,
    counts: countsOf(entry.statuses.filter((s) => s.n > 0)),
  }));
}
export type CallMailingEntry = Awaited<ReturnType<typeof listCallMailings>>[number];
