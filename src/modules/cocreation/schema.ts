import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { institutions, municipalities } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { storedFiles } from '../files/schema.js';
import { commitments } from '../plan/schema.js';

/** The themes a problem is filed under (labels in messages.ts: cocreation.theme.*). */
export const problemThemes = [
  'public_safety',
  'environment',
  'mobility',
  'public_services',
  'public_spaces',
  'health',
  'education',
  'economy',
  'transparency',
  'participation',
  'other',
] as const;
export type ProblemTheme = (typeof problemThemes)[number];

/**
 * A problem's states (DOMAIN.md): `proposed` until the Secretariat disposes of it; an admitted problem may be
 * prioritised by the Secretariat's selection (prioritisation). Which commitment it became is a link (commitment
 * origins), not a state.
 */
export const problemStatuses = ['proposed', 'admitted', 'prioritized', 'discarded', 'merged', 'not_selected'] as const;
export type ProblemStatus = (typeof problemStatuses)[number];
/** The states no decision leads out of: each needs a reasoned response. */
export const finalProblemStatuses = ['discarded', 'merged', 'not_selected'] as const satisfies readonly ProblemStatus[];

/** How a problem or a support reached the portal: typed in by its author, or captured from paper at a table. */
export const channels = ['online', 'in_person'] as const;

/**
 * A public problem raised in an exercise's diagnosis. `number` is its public reference within the exercise (its
 * page is /ejercicios/:slug/problemas/:number). The author is never shown; a problem captured from paper has none,
 * and keeps who captured it (`capturedBy`) and the scanned paper form (`scanFileId`), both for staff only: never on a
 * public page, in a dataset or in the change log. Never deleted: moderation hides it with a public reason, and its
 * page then says it was hidden and why.
 */
export const problems = pgTable(
  'problems',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    evidenceUrl: text('evidence_url'),
    theme: text('theme', { enum: problemThemes }).notNull(),
    channel: text('channel', { enum: channels }).notNull().default('online'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: problemStatuses }).notNull().default('proposed'),
    /** The problem this one was merged into (status `merged`). */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => problems.id),
    hiddenReason: text('hidden_reason'),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    /** The staff member who captured it from paper (channel in_person; none when the portal itself did). */
    capturedBy: uuid('captured_by').references(() => users.id, { onDelete: 'set null' }),
    /** The scanned paper form it was captured from (staff only: it carries the resident's personal data). */
    scanFileId: uuid('scan_file_id').references(() => storedFiles.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('problems_exercise_number_unique').on(t.exerciseId, t.number),
    index('problems_exercise_status_idx').on(t.exerciseId, t.status),
    index('problems_merged_into_idx').on(t.mergedIntoId),
    index('problems_scan_file_idx').on(t.scanFileId),
  ],
);

/** The municipalities (INEGI codes) a problem affects. */
export const problemMunicipalities = pgTable(
  'problem_municipalities',
  {
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    cvegeo: varchar('cvegeo', { length: 5 })
      .notNull()
      .references(() => municipalities.cvegeo),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.cvegeo] }), index('problem_municipalities_cvegeo_idx').on(t.cvegeo)],
);

/**
 * A person's support of a problem: one per person and problem (withdrawing deletes it). A support handed in on paper
 * has no account (`userId` null, channel `in_person`) and keeps who captured it and the scanned sheet it came from
 * (several supports of one sheet share its scan; both for staff only). Never public per person: only counts are shown.
 */
export const problemSupports = pgTable(
  'problem_supports',
  {
    id: id(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: channels }).notNull().default('online'),
    /** The staff member who captured it from paper (none when the portal itself did). */
    capturedBy: uuid('captured_by').references(() => users.id, { onDelete: 'set null' }),
    /** The scanned sheet of paper supports it came from (staff only). */
    scanFileId: uuid('scan_file_id').references(() => storedFiles.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('problem_supports_person_unique').on(t.problemId, t.userId),
    index('problem_supports_problem_idx').on(t.problemId, t.createdAt),
    index('problem_supports_scan_file_idx').on(t.scanFileId),
  ],
);

/** Why a person reports a problem to the moderators. */
export const reportReasons = ['offensive', 'personal_data', 'spam', 'not_a_problem', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** A person's report of a problem to the moderators: one per person and problem (reporting again updates it). */
export const problemReports = pgTable(
  'problem_reports',
  {
    id: id(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: reportReasons }).notNull(),
    details: text('details'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('problem_reports_unique').on(t.problemId, t.reporterId)],
);

/** The reason codes of a disposition (labels in messages.ts: cocreation.reason.*). */
export const reasonCodes = [
  'out_of_scope',
  'duplicated',
  'not_open_government',
  'outside_competence',
  'insufficient_evidence',
  'meets_criteria',
  'other',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

/**
 * A proposal's states: proposed until an explicit act with a reason accepts it (it becomes, or becomes part of, a
 * commitment of the plan) or rejects it.
 */
export const proposalStatuses = ['proposed', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/**
 * A proposed solution to a public problem of the exercise. `number` is its public reference within the exercise (its
 * page is /ejercicios/:slug/propuestas/:number). It comes from a person with a confirmed account (its author, never
 * shown, who hears of its decision by e-mail), or staff record it (from a co-creation table, shown as its author, or
 * handed in on paper; `recordedBy` keeps who did). Staff may edit its text; every change is in the change log. Never
 * deleted: moderation hides it with a public reason.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id),
    number: integer('number').notNull(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    /** The co-creation table it came from (then shown as its author). */
    workshopId: uuid('workshop_id').references((): AnyPgColumn => workshops.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    channel: text('channel', { enum: channels }).notNull().default('online'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: proposalStatuses }).notNull().default('proposed'),
    hiddenReason: text('hidden_reason'),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('proposals_exercise_number_unique').on(t.exerciseId, t.number),
    index('proposals_problem_idx').on(t.problemId),
    index('proposals_workshop_idx').on(t.workshopId),
    // Site search (search-cocreation.ts): the same unaccented text, so `ILIKE '%term%'` uses the index.
    index('proposals_text_trgm_idx').using('gin', sql`immutable_unaccent(title || ' ' || description) gin_trgm_ops`),
  ],
);

/** What a reasoned response answers, and the outcomes of each (a problem's, then a proposal's). */
export const responseSubjects = ['problem', 'proposal'] as const;
export type ResponseSubject = (typeof responseSubjects)[number];
/** A problem's dispositions one by one (its prioritisation comes from the Secretariat's selection, of many at once). */
export const problemOutcomes = ['admitted', 'discarded', 'merged', 'not_selected'] as const;
export const proposalOutcomes = ['accepted', 'rejected'] as const;
export type ProposalOutcome = (typeof proposalOutcomes)[number];
export const responseOutcomes = [...problemOutcomes, 'prioritized', ...proposalOutcomes] as const;
export type ResponseOutcome = (typeof responseOutcomes)[number];

/**
 * A reasoned response (OGP Standard 4): every disposition of an input (a problem or a proposal), with its reason code,
 * an explanation, who decided (a public role label and institution, never a person) and, when the Secretariat
 * decided, the agreement. One row per decision; the latest one not withdrawn is the subject's current answer. A merge
 * that is undone keeps its row, withdrawn (when and why), so the record of what happened stays.
 */
export const reasonedResponses = pgTable(
  'reasoned_responses',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id),
    subjectType: text('subject_type', { enum: responseSubjects }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    outcome: text('outcome', { enum: responseOutcomes }).notNull(),
    reasonCode: text('reason_code', { enum: reasonCodes }).notNull(),
    explanation: text('explanation').notNull(),
    agreementCode: text('agreement_code'),
    deciderLabel: text('decider_label').notNull(),
    deciderInstitutionId: uuid('decider_institution_id').references(() => institutions.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    ...timestamps(),
  },
  (t) => [
    index('reasoned_responses_subject_idx').on(t.subjectType, t.subjectId, t.decidedAt),
    index('reasoned_responses_exercise_idx').on(t.exerciseId),
  ],
);

/**
 * Traceability: a commitment of the plan came from this problem or this proposal (exactly one of the two). Linking
 * changes no state by itself: a proposal becomes a commitment only by its decision. The commitment's page lists its
 * origins; each problem's and proposal's page says which commitments it became.
 */
export const commitmentOrigins = pgTable(
  'commitment_origins',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    problemId: uuid('problem_id').references(() => problems.id),
    proposalId: uuid('proposal_id').references(() => proposals.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('commitment_origins_one_subject', sql`num_nonnulls(${t.problemId}, ${t.proposalId}) = 1`),
    uniqueIndex('commitment_origins_problem_unique').on(t.commitmentId, t.problemId),
    uniqueIndex('commitment_origins_proposal_unique').on(t.commitmentId, t.proposalId),
    index('commitment_origins_problem_idx').on(t.problemId),
    index('commitment_origins_proposal_idx').on(t.proposalId),
  ],
);

/**
 * The prioritisation of an exercise's admitted problems: the Secretariat publishes its weighted criteria before any
 * score is given (`publishedAt`; then they are frozen), scores each admitted problem per criterion, and selects the
 * problems that go on to co-creation by an agreement (`selectionAgreementCode`, `selectedAt`).
 */
export const prioritisations = pgTable('prioritisations', {
  id: id(),
  exerciseId: uuid('exercise_id')
    .notNull()
    .unique()
    .references(() => exercises.id),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  selectionAgreementCode: text('selection_agreement_code'),
  selectedAt: timestamp('selected_at', { withTimezone: true }),
  ...timestamps(),
});

/** One weighted criterion of an exercise's prioritisation (weights 1-100; a problem's total is the weighted mean). */
export const priorityCriteria = pgTable(
  'priority_criteria',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    weight: integer('weight').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('priority_criteria_position_unique').on(t.exerciseId, t.position),
    check('priority_criteria_weight', sql`${t.weight} between 1 and 100`),
  ],
);

/** The score (0-5) the Secretariat gave an admitted problem on one published criterion. */
export const problemScores = pgTable(
  'problem_scores',
  {
    id: id(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => priorityCriteria.id),
    score: integer('score').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('problem_scores_unique').on(t.problemId, t.criterionId),
    index('problem_scores_criterion_idx').on(t.criterionId),
    check('problem_scores_range', sql`${t.score} between 0 and 5`),
  ],
);

/** A co-creation table's states: scheduled (people register), then closed with its report; or cancelled. */
export const workshopStatuses = ['scheduled', 'closed'] as const;
export type WorkshopStatus = (typeof workshopStatuses)[number];

/**
 * A co-creation table (mesa de co-creación) of an exercise: the prioritised problems it works on, when and where (a
 * place, a link or both), who facilitates it (published: a facilitator acts in public, like a Secretariat member),
 * its capacity and the materials published beforehand. Closing it needs a closing report and the organisations that
 * attended; the proposals that came out of it point to it. Its page is /ejercicios/:slug/mesas/:number.
 */
export const workshops = pgTable(
  'workshops',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    facilitator: text('facilitator').notNull(),
    capacity: integer('capacity').notNull(),
    materials: text('materials').notNull().default(''),
    status: text('status', { enum: workshopStatuses }).notNull().default('scheduled'),
    closingReport: text('closing_report'),
    /** The organisations that attended, one per line (public). */
    attendingOrganisations: text('attending_organisations'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('workshops_exercise_number_unique').on(t.exerciseId, t.number),
    check('workshops_capacity', sql`${t.capacity} between 1 and 1000`),
    check('workshops_where', sql`num_nonnulls(${t.place}, ${t.onlineUrl}) >= 1`),
    check('workshops_times', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The problems a co-creation table works on. */
export const workshopProblems = pgTable(
  'workshop_problems',
  {
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id, { onDelete: 'cascade' }),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.problemId] }), index('workshop_problems_problem_idx').on(t.problemId)],
);

/** A registration's states: a place, the waiting list (promoted in order when someone cancels), or cancelled. */
export const registrationStatuses = ['registered', 'waitlisted', 'cancelled'] as const;
export type WorkshopRegistrationStatus = (typeof registrationStatuses)[number];

/**
 * A person's registration to a co-creation table: personal data, never public (only counts are). `queueNumber` orders
 * the waiting list; the optional accessibility needs and interpreter language are for the facilitators alone. Staff record
 * attendance (`attended`).
 */
export const workshopRegistrations = pgTable(
  'workshop_registrations',
  {
    id: id(),
    workshopId: uuid('workshop_id')
      .notNull()
      .references(() => workshops.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: registrationStatuses }).notNull(),
    accessibilityNeeds: text('accessibility_needs'),
    interpreterLanguage: text('interpreter_language'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    /** The order of arrival within the table (1, 2, …; a person who cancels and comes back gets a new one). */
    queueNumber: integer('queue_number').notNull(),
    attended: boolean('attended'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('workshop_registrations_person_unique').on(t.workshopId, t.userId),
    uniqueIndex('workshop_registrations_queue_unique').on(t.workshopId, t.queueNumber),
    index('workshop_registrations_status_idx').on(t.workshopId, t.status),
  ],
);
