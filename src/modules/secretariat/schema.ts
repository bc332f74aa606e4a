import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../db/columns.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { storedFiles } from '../files/schema.js';
import { registrations } from '../registrations/schema.js';
import { users } from '../accounts/schema.js';

/** DOMAIN.md Document kinds. */
export const documentKinds = [
  'call',
  'declaration',
  'installation_act',
  'operating_rules',
  'agenda',
  'minutes',
  'action_plan',
  'progress_report',
  'results_report',
  'evaluation',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * A public document linked to any record (record_type + record_id): an uploaded file (in stored_files) or a public
 * URL, exactly one of them.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    kind: text('kind', { enum: documentKinds }).notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on'),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id),
    url: text('url'),
    ...timestamps(),
  },
  (t) => [
    index('documents_record_idx').on(t.recordType, t.recordId),
    check('documents_file_or_url', sql`(${t.fileId} is null) <> (${t.url} is null)`),
  ],
);

/** How many voting seats must be present (see quorum.ts). */
export const quorumRules = ['more_than_half', 'at_least_half', 'at_least_two_thirds'] as const;
export type QuorumRule = (typeof quorumRules)[number];

/** The Technical Secretariat of one exercise: its highest decision body. */
export const secretariats = pgTable('secretariats', {
  id: id(),
  exerciseId: uuid('exercise_id')
    .notNull()
    .unique()
    .references(() => exercises.id),
  installedOn: date('installed_on').notNull(),
  quorumRule: text('quorum_rule', { enum: quorumRules }).notNull().default('more_than_half'),
  ...timestamps(),
});

/** Kinds of seat (composition.ts holds the rules: one guarantor, one facilitator without vote, one per authority). */
export const seatKinds = ['civil_society', 'authority', 'guarantor', 'facilitator'] as const;
export type SeatKind = (typeof seatKinds)[number];

export const secretariatSeats = pgTable(
  'secretariat_seats',
  {
    id: id(),
    secretariatId: uuid('secretariat_id')
      .notNull()
      .references(() => secretariats.id),
    kind: text('kind', { enum: seatKinds }).notNull(),
    /** The institution of an authority or guarantor seat; optional for civil society and facilitator seats. */
    institutionId: uuid('institution_id').references(() => institutions.id),
    /** The organisation or sector a civil-society seat stands for, as the public reads it. */
    label: text('label'),
    position: integer('position').notNull(),
    ...timestamps(),
  },
  (t) => [index('secretariat_seats_secretariat_idx').on(t.secretariatId)],
);

export const membershipRoles = ['titular', 'alternate'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/**
 * Who holds a seat, titular or alternate, for a term. The holder's name, organisation and bio are public; the
 * e-mail (for convening notices) is not. Membership is not a login role: `userId` only lets a signed-in member see
 * draft minutes.
 */
export const secretariatMemberships = pgTable(
  'secretariat_memberships',
  {
    id: id(),
    seatId: uuid('seat_id')
      .notNull()
      .references(() => secretariatSeats.id),
    role: text('role', { enum: membershipRoles }).notNull(),
    displayName: text('display_name').notNull(),
    organization: text('organization'),
    bio: text('bio'),
    email: text('email'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    ...timestamps(),
  },
  (t) => [
    index('secretariat_memberships_seat_idx').on(t.seatId),
    index('secretariat_memberships_user_idx').on(t.userId),
  ],
);

export const sessionKinds = ['installation', 'ordinary', 'extraordinary'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sessionStatuses = ['scheduled', 'convened', 'held', 'minutes_approved', 'cancelled', 'no_quorum'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const secretariatSessions = pgTable(
  'secretariat_sessions',
  {
    id: id(),
    secretariatId: uuid('secretariat_id')
      .notNull()
      .references(() => secretariats.id),
    kind: text('kind', { enum: sessionKinds }).notNull(),
    number: integer('number').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(120),
    place: text('place'),
    onlineUrl: text('online_url'),
    status: text('status', { enum: sessionStatuses }).notNull().default('scheduled'),
    convenedAt: timestamp('convened_at', { withTimezone: true }),
    /** Computed when attendance is recorded (quorum.ts), kept so the page shows what was decided then. */
    quorumReached: boolean('quorum_reached'),
    minutesText: text('minutes_text'),
    /** The signed minutes: a link or an uploaded file, not both. */
    minutesUrl: text('minutes_url'),
    minutesFileId: uuid('minutes_file_id').references(() => storedFiles.id),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    recordingUrl: text('recording_url'),
    cancellationReason: text('cancellation_reason'),
    ...timestamps(),
  },
  (t) => [
    unique('secretariat_sessions_number_unique').on(t.secretariatId, t.kind, t.number),
    index('secretariat_sessions_starts_idx').on(t.secretariatId, t.startsAt),
    check('secretariat_sessions_minutes_file_or_url', sql`${t.minutesFileId} is null or ${t.minutesUrl} is null`),
  ],
);

export const secretariatAgendaItems = pgTable(
  'secretariat_agenda_items',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => secretariatSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    ...timestamps(),
  },
  (t) => [index('secretariat_agenda_items_session_idx').on(t.sessionId, t.position)],
);

export const attendanceStatuses = ['titular_present', 'alternate_present', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** Attendance per seat: its titular present, its alternate present instead, or absent. */
export const secretariatAttendance = pgTable(
  'secretariat_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => secretariatSessions.id, { onDelete: 'cascade' }),
    seatId: uuid('seat_id')
      .notNull()
      .references(() => secretariatSeats.id),
    status: text('status', { enum: attendanceStatuses }).notNull(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seatId] })],
);

export const decisionMethods = ['consensus', 'vote'] as const;
export type DecisionMethod = (typeof decisionMethods)[number];
export const agreementOutcomes = ['approved', 'rejected', 'tied'] as const;
export type AgreementOutcome = (typeof agreementOutcomes)[number];
export const agreementStatuses = ['pending', 'in_progress', 'fulfilled', 'cancelled'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** A numbered decision of a session, with its vote and its follow-up. */
export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => secretariatSessions.id),
    number: integer('number').notNull(),
    /** Stable public code, e.g. STL-2020-ORD-03-02 (agreement-code.ts). */
    code: text('code').notNull().unique(),
    text: text('text').notNull(),
    decisionMethod: text('decision_method', { enum: decisionMethods }).notNull(),
    outcome: text('outcome', { enum: agreementOutcomes }).notNull(),
    votesFor: integer('votes_for').notNull().default(0),
    votesAgainst: integer('votes_against').notNull().default(0),
    votesAbstain: integer('votes_abstain').notNull().default(0),
    responsible: text('responsible').notNull(),
    dueOn: date('due_on'),
    status: text('status', { enum: agreementStatuses }).notNull().default('pending'),
    ...timestamps(),
  },
  (t) => [
    unique('agreements_session_number_unique').on(t.sessionId, t.number),
    index('agreements_status_idx').on(t.status),
  ],
);

export const voteChoices = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];

export const agreementVotes = pgTable(
  'agreement_votes',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    seatId: uuid('seat_id')
      .notNull()
      .references(() => secretariatSeats.id),
    vote: text('vote', { enum: voteChoices }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.seatId] })],
);

/** What an agreement decides about: polymorphic (e.g. 'action_plan', 'commitment', 'call', 'exercise'), no FK. */
export const agreementLinks = pgTable(
  'agreement_links',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('agreement_links_agreement_idx').on(t.agreementId),
    index('agreement_links_record_idx').on(t.recordType, t.recordId),
  ],
);

/** Follow-up notes of an agreement, each with the status it moved to. */
export const agreementUpdates = pgTable(
  'agreement_updates',
  {
    id: id(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    status: text('status', { enum: agreementStatuses }).notNull(),
    note: text('note').notNull(),
    ...timestamps(),
  },
  (t) => [index('agreement_updates_agreement_idx').on(t.agreementId)],
);
