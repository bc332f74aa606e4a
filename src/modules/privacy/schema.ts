import { date, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.js';
import { id, timestamps } from '../../db/columns.js';

export const privacyNoticeKinds = ['integral', 'simplified'] as const;
export type PrivacyNoticeKind = (typeof privacyNoticeKinds)[number];

/** Versioned privacy notices (Mexican data-protection law): a consent stores the version it was given to. */
export const privacyNotices = pgTable(
  'privacy_notices',
  {
    id: id(),
    kind: text('kind', { enum: privacyNoticeKinds }).notNull(),
    version: integer('version').notNull(),
    responsible: text('responsible').notNull(),
    body: text('body').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [unique('privacy_notices_kind_version').on(t.kind, t.version)],
);

/**
 * A person's consent to a given version of a notice, for a purpose. Kept when the account is cancelled, as the record
 * of what was consented to and until when (`withdrawnAt`); it then points only to the anonymous account.
 */
export const consents = pgTable('consents', {
  id: id(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  noticeId: uuid('notice_id')
    .notNull()
    .references(() => privacyNotices.id),
  purpose: text('purpose').notNull(),
  givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
  /** When the consent ended: the account was cancelled. */
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
});

export const arcoKinds = ['access', 'rectification', 'cancellation', 'opposition'] as const;
export type ArcoKind = (typeof arcoKinds)[number];
export const arcoStatuses = ['received', 'extended', 'answered', 'rejected'] as const;

/** ARCO requests: answered within 20 business days, extendable once by 10 (Mexican data-protection law). */
export const arcoRequests = pgTable('arco_requests', {
  id: id(),
  folio: text('folio').notNull().unique(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  kind: text('kind', { enum: arcoKinds }).notNull(),
  description: text('description').notNull(),
  status: text('status', { enum: arcoStatuses }).notNull().default('received'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  dueOn: date('due_on').notNull(),
  extendedDueOn: date('extended_due_on'),
  answer: text('answer'),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
  ...timestamps(),
});
