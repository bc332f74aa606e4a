import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { institutions } from '../directory/schema.js';

export const commentKinds = ['comment', 'official_response'] as const;
export type CommentKind = (typeof commentKinds)[number];
export const commentStatuses = ['visible', 'hidden'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

/**
 * Comments on a participation target (any record type declared in targets.ts, e.g. a commitment or a problem).
 * Never deleted: moderation hides a comment with a public reason, and the public sees that it was hidden and why.
 * An official response is a comment by a liaison on behalf of an institution that may answer the target.
 */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: commentKinds }).notNull().default('comment'),
    /** The institution an official response speaks for. */
    institutionId: uuid('institution_id').references(() => institutions.id),
    body: text('body').notNull(),
    status: text('status', { enum: commentStatuses }).notNull().default('visible'),
    hiddenReason: text('hidden_reason'),
    hiddenBy: uuid('hidden_by').references(() => users.id),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index('comments_target_idx').on(t.targetType, t.targetId, t.createdAt)],
);

/** A person's report of a comment to the moderators: one per person and comment. */
export const commentReports = pgTable(
  'comment_reports',
  {
    id: id(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('comment_reports_unique').on(t.commentId, t.reporterId)],
);

/**
 * A person follows a target. `fromSeq` is the last change-log entry that existed when they started following:
 * they are told about later entries only. `unfollowToken` makes the one-click "stop following" link of e-mails.
 */
export const follows = pgTable(
  'follows',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    fromSeq: bigint('from_seq', { mode: 'number' }).notNull(),
    unfollowToken: text('unfollow_token').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('follows_unique').on(t.userId, t.targetType, t.targetId),
    index('follows_target_idx').on(t.targetType, t.targetId),
  ],
);

/**
 * Each change-log entry that concerns a followable target, written once by the notification job as it reads the
 * log after its cursor (so the registry's "which target does this entry belong to" runs once per entry). Both the
 * immediate e-mails and the weekly digests read from here.
 */
export const followableChanges = pgTable(
  'followable_changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** What happened, as the e-mail tells it: created, updated, deleted, comment, official_response, comment_hidden. */
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('followable_changes_target_idx').on(t.targetType, t.targetId, t.seq)],
);

/** Where a reader of the change log has got to: the last entry's seq it handled (one row per reader). */
export const changeCursors = pgTable('change_cursors', {
  name: text('name').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  ...timestamps(),
});

/** The last followable change each weekly reader was sent in a digest. */
export const followDigests = pgTable('follow_digests', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
  ...timestamps(),
});
