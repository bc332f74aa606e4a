import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { enqueueInTransaction, enqueueManyInTransaction, jobsInstalled } from '../../jobs/enqueue.js';
import { queues } from '../../jobs/boss.js';
import { emails, type EmailAttachment } from './schema.js';
import { renderEmail, type TemplateName, type TemplateParams } from './templates.js';

export type EmailLocale = 'es-MX' | 'en';

/** One e-mail to queue: a template with its parameters, for one recipient, in their language. */
export type QueueEmailInput = {
  [T in TemplateName]: {
    to: string;
    /** The recipient's account, when they have one. */
    userId?: string | null;
    template: T;
    locale: EmailLocale;
    params: TemplateParams[T];
    /** Files sent with the message (optional, e.g. a calendar file). */
    attachments?: EmailAttachment[];
  };
}[TemplateName];

const envelope = z.object({
  to: z.email().max(254),
  userId: z.uuid().nullish(),
  locale: z.enum(['es-MX', 'en']),
});

export interface QueuedEmail {
  id: string;
  /** `deferred` when pg-boss is not installed in this database: the job runner enqueues the row when it starts. */
  job: 'queued' | 'deferred';
}

/** Whether `db` is a transaction (Drizzle's PgTransaction, on either driver) rather than the database itself. */
const isTransaction = (db: Db): boolean => (db as unknown) instanceof PgTransaction;

/**
 * Renders the template and writes the e-mail row and its delivery job together, inside the caller's transaction
 * (`tx`; given a plain `db`, they get a transaction of their own): a registration never exists without its e-mail
 * job, nor the job without the registration. Nothing is sent before the caller commits.
 */
export async function queueEmail(tx: Db, input: QueueEmailInput): Promise<QueuedEmail> {
  const { to, userId, locale } = envelope.parse(input);
  const rendered = renderEmail(input.template, locale, input.params);
  const write = async (inner: Db): Promise<QueuedEmail> => {
    const [row] = await inner
      .insert(emails)
      .values({
        toAddress: to,
        userId: userId ?? null,
        template: input.template,
        locale,
        ...rendered,
        attachments: input.attachments?.length ? input.attachments : null,
      })
      .returning({ id: emails.id, hasJobs: jobsInstalled() });
    const job = await enqueueInTransaction(
      inner,
      queues.sendEmail,
      { emailId: row!.id },
      { id: row!.id, isInstalled: Boolean(row!.hasJobs) },
    );
    return { id: row!.id, job };
  };
  // Inside the caller's transaction there is no need for a savepoint of our own: a failure aborts the whole.
  return isTransaction(tx) ? write(tx) : tx.transaction(write);
}

/**
 * Queues many e-mails inside the caller's transaction with two multi-row statements (the e-mail rows, then their
 * delivery jobs) instead of two per e-mail. Returns their ids in the order given.
 */
export async function queueEmails(tx: Db, inputs: QueueEmailInput[]): Promise<QueuedEmail[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => {
    const { to, userId, locale } = envelope.parse(input);
    return {
      toAddress: to,
      userId: userId ?? null,
      template: input.template,
      locale,
      ...renderEmail(input.template, locale, input.params),
    };
  });
  const write = async (inner: Db): Promise<QueuedEmail[]> => {
    const inserted = await inner.insert(emails).values(rows).returning({ id: emails.id });
    const job = await enqueueManyInTransaction(
      inner,
      queues.sendEmail,
      inserted.map((row) => ({ id: row.id, data: { emailId: row.id } })),
    );
    return inserted.map((row) => ({ id: row.id, job }));
  };
  return isTransaction(tx) ? write(tx) : tx.transaction(write);
}
