import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from '../../db/columns.js';
import { institutions } from '../directory/schema.js';
import { staffRoles } from '../../kernel/actor.js';

export const userStatuses = ['active', 'disabled', 'deleted'] as const;
export const notificationFrequencies = ['immediate', 'weekly', 'none'] as const;
export type NotificationFrequency = (typeof notificationFrequencies)[number];

/** A person with an account. Participants are confirmed users; staff roles come from role_assignments. */
export const users = pgTable(
  'users',
  {
    id: id(),
    /** Always stored lower-case; replaced by a placeholder when the account is cancelled. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
    locale: text('locale', { enum: ['es-MX', 'en'] })
      .notNull()
      .default('es-MX'),
    notificationFrequency: text('notification_frequency', { enum: notificationFrequencies })
      .notNull()
      .default('immediate'),
    status: text('status', { enum: userStatuses }).notNull().default('active'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const tokenPurposes = ['confirm_email', 'sign_in', 'reset_password', 'change_email', 'invitation'] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

/** Single-use tokens sent by e-mail (links); stored hashed, with an expiry. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: tokenPurposes }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    data: jsonb('data').$type<Record<string, string>>(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId, t.purpose)],
);

export { staffRoles, type StaffRole } from '../../kernel/actor.js';

/** Staff roles, given only by an admin. A liaison is bound to one institution. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: staffRoles }).notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('role_assignments_unique').on(
      t.userId,
      t.role,
      sql`coalesce(${t.institutionId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** Fixed-window counters for rate limits, shared by every process. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
