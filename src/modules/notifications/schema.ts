import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../db/columns.js';

export const emailStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/** An unsent e-mail older than this is an alarm: the log says so at error level and the outbox page shows it. */
export const OLDEST_UNSENT_ALARM_SECONDS = 3600;

/**
 * Every e-mail the portal sends, written in the same transaction as the change that causes it and delivered by a
 * job. Without SMTP the rows stay here as the outbox that admins read.
 */
/** A file sent with an e-mail (e.g. a session's .ics), kept inline in the row so a retry sends the same bytes. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export const emails = pgTable(
  'emails',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    userId: uuid('user_id'),
    template: text('template').notNull(),
    locale: text('locale', { enum: ['es-MX', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    status: text('status', { enum: emailStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attachments: jsonb('attachments').$type<EmailAttachment[]>(),
    /**
     * Set when the job queue's quick retries are spent on a passing failure (mail server down): the next try, waiting
     * longer each time, up to `retryUntil`. Null while pg-boss is handling the row.
     */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** The end of the retry horizon (EMAIL_RETRY_HORIZON_HOURS after the quick retries were spent); then it fails. */
    retryUntil: timestamp('retry_until', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('emails_status_idx').on(t.status, t.createdAt),
    index('emails_to_idx').on(t.toAddress),
    index('emails_next_attempt_idx').on(t.nextAttemptAt),
  ],
);
