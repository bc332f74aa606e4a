import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { calls } from '../calls/schema.js';
import { institutions, municipalities } from '../directory/schema.js';
import { emails } from '../notifications/schema.js';
import { privacyNotices } from '../privacy/schema.js';

export const sectors = [
  'civil_society_org',
  'academia',
  'private_sector',
  'professional_college',
  'autonomous_body',
  'public_body',
  'individual',
] as const;
export type Sector = (typeof sectors)[number];

export const registrationStatuses = ['pending_confirmation', 'confirmed', 'accepted', 'rejected', 'withdrawn'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/**
 * A person's written, honorary manifestation of interest in a call ("Súmate"). One per e-mail per call:
 * submitting again updates it. Personal data: never published; only aggregate figures are.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: id(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    /** Short reference shown to the person and used in correspondence, e.g. SUM-2026-00042. */
    reference: text('reference').notNull().unique(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    municipalityCvegeo: varchar('municipality_cvegeo', { length: 5 })
      .notNull()
      .references(() => municipalities.cvegeo),
    sector: text('sector', { enum: sectors }).notNull(),
    organization: text('organization'),
    institutionId: uuid('institution_id').references(() => institutions.id),
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    motivation: text('motivation').notNull(),
    acceptsHonorary: boolean('accepts_honorary').notNull(),
    privacyNoticeId: uuid('privacy_notice_id')
      .notNull()
      .references(() => privacyNotices.id),
    locale: text('locale', { enum: ['es-MX', 'en'] }).notNull(),
    status: text('status', { enum: registrationStatuses }).notNull().default('pending_confirmation'),
    rejectionReason: text('rejection_reason'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * When the person cancelled their account: name, e-mail, phone, organisation and texts were removed; the sector,
     * municipality, themes and status stay for the figures. Nobody writes to an anonymised sign-up.
     */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('registrations_call_email_unique').on(t.callId, sql`lower(${t.email})`),
    index('registrations_call_status_idx').on(t.callId, t.status),
    index('registrations_municipality_idx').on(t.callId, t.municipalityCvegeo),
  ],
);

/** The "next step" message an admin sends to the confirmed registrants of a closed call. */
export const callMailings = pgTable('call_mailings', {
  id: id(),
  callId: uuid('call_id')
    .notNull()
    .references(() => calls.id),
  subjectEs: text('subject_es').notNull(),
  bodyEs: text('body_es').notNull(),
  subjectEn: text('subject_en').notNull(),
  bodyEn: text('body_en').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  /**
   * True from the mailing's creation until every recipient has their e-mail queued (batches resume after a restart).
   */
  isQueueing: boolean('is_queueing').notNull().default(false),
  ...timestamps(),
});

/** One row per registrant of a mailing, pointing to the e-mail queued for them: the progress view counts these. */
export const callMailingRecipients = pgTable(
  'call_mailing_recipients',
  {
    id: id(),
    mailingId: uuid('mailing_id')
      .notNull()
      .references(() => callMailings.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    emailId: uuid('email_id').references(() => emails.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('call_mailing_recipients_unique').on(t.mailingId, t.registrationId)],
);
