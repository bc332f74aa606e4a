import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { enqueueInTransaction } from '../../jobs/enqueue.js';
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

/**
 * Renders the template and writes the e-mail row and its delivery job together, inside the caller's transaction
 * (`tx`; given a plain `db`, they get a transaction of their own): a registration never exists without its e-mail
 * job, nor the job without the registration. Nothing is sent before the caller commits.
 */
export async function queueEmail(tx: Db, input: QueueEmailInput): Promise<QueuedEmail> {
  const { to, userId, locale } = envelope.parse(input);
  const rendered = renderEmail(input.template, locale, input.params);
  return tx.transaction(async (inner) => {
    const [row] = await inner
      .insert(emails)
      .values({ toAddress: to, userId: userId ?? null, template: input.template, locale, ...rendered, attachments: input.attachments?.length ? input.attachments : null })
      .returning({ id: emails.id });
    const job = await enqueueInTransaction(inner, queues.sendEmail, { emailId: row!.id }, { id: row!.id });
    return { id: row!.id, job };
  });
}
