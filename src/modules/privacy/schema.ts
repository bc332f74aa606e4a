import { integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
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
