import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { commitments } from '../plan/schema.js';
import { quorumRules, type SeatKind } from '../secretariat/schema.js';
import {
  assessmentMethods,
  completionLevels,
  declaredStatuses,
  openedGovernmentLevels,
  potentialLevels,
  reportPeriods,
  verifiabilityLevels,
  type Potential,
  type ValueJudgements,
} from './scales.js';

/**
 * The assessment method chosen for an exercise by an admin. Without a row, the IRM's own rule applies (plans from
 * 2020 on: IRM 2021; earlier: the earlier method). Each assessment also stores the method it was made with.
 */
export const evaluationMethods = pgTable('evaluation_methods', {
  exerciseId: uuid('exercise_id')
    .primaryKey()
    .references(() => exercises.id, { onDelete: 'cascade' }),
  method: text('method', { enum: assessmentMethods }).notNull(),
  ...timestamps(),
});

/**
 * A progress report of a commitment by its lead institution: one per period (first, second, final), with what the
 * government declares and the derived progress frozen at the report's date.
 */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    period: text('period', { enum: reportPeriods }).notNull(),
    narrative: text('narrative').notNull(),
    declaredStatus: text('declared_status', { enum: declaredStatuses }).notNull(),
    /** The commitment's derived progress (0-100) on the report's date, frozen. */
    progressAtReport: doublePrecision('progress_at_report').notNull(),
    reportedOn: date('reported_on').notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** Who filed it (never published). */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('progress_reports_commitment_period_unique').on(t.commitmentId, t.period),
    check('progress_reports_progress_range', sql`${t.progressAtReport} between 0 and 100`),
  ],
);

/** Who assessed, as the public sees it: a public name and an organisation, never an e-mail. */
const assessor = () => ({
  assessorId: uuid('assessor_id').references(() => users.id, { onDelete: 'set null' }),
  assessorName: text('assessor_name').notNull(),
  assessorOrganisation: text('assessor_organisation').notNull(),
});

/**
 * The design assessment of a commitment (IRM Action Plan Review / OGP Local inception): verifiability; when
 * verifiable, each open-government value with a justification, the potential on the method's scale and, with the
 * 2021 method, whether it is promising (a justified judgement). A commitment that is not verifiable is not assessed
 * further: the other fields stay empty.
 */
export const designAssessments = pgTable(
  'design_assessments',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .unique()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    method: text('method', { enum: assessmentMethods }).notNull(),
    verifiability: text('verifiability', { enum: verifiabilityLevels }).notNull(),
    ogValues: jsonb('og_values').$type<ValueJudgements>(),
    potential: text('potential', { enum: potentialLevels as [Potential, ...Potential[]] }),
    potentialJustification: text('potential_justification'),
    isPromising: boolean('is_promising').notNull().default(false),
    promisingJustification: text('promising_justification'),
    assessedOn: date('assessed_on').notNull(),
    ...assessor(),
    ...timestamps(),
  },
  (t) => [
    check(
      'design_assessments_not_verifiable_stops',
      sql`${t.verifiability} = 'verifiable' or (${t.ogValues} is null and ${t.potential} is null and ${t.isPromising} = false)`,
    ),
    check(
      'design_assessments_verifiable_complete',
      sql`${t.verifiability} = 'not_verifiable' or (${t.ogValues} is not null and ${t.potential} is not null)`,
    ),
    check(
      'design_assessments_promising_justified',
      sql`${t.isPromising} = false or (${t.method} = 'irm_2021' and ${t.promisingJustification} is not null)`,
    ),
  ],
);

/**
 * The end assessment of a commitment (IRM Results Report / OGP Local end of commitment): completion, did it open
 * government, a narrative and the evidence behind it; "complete" under 100 % derived progress carries a public
 * justification. It needs the lead institution's final progress report.
 */
export const endAssessments = pgTable(
  'end_assessments',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .unique()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    method: text('method', { enum: assessmentMethods }).notNull(),
    completion: text('completion', { enum: completionLevels }).notNull(),
    openedGovernment: text('opened_government', { enum: openedGovernmentLevels }).notNull(),
    narrative: text('narrative').notNull(),
    /** Evidence links (at least one). */
    evidenceUrls: jsonb('evidence_urls').$type<string[]>().notNull(),
    /** The commitment's derived progress when it was assessed, frozen. */
    progressAtAssessment: doublePrecision('progress_at_assessment').notNull(),
    /** Why "complete" although the derived progress is under 100 % (public). */
    completeJustification: text('complete_justification'),
    finalReportId: uuid('final_report_id')
      .notNull()
      .references(() => progressReports.id),
    assessedOn: date('assessed_on').notNull(),
    ...assessor(),
    ...timestamps(),
  },
  (t) => [
    index('end_assessments_completion_idx').on(t.completion),
    check('end_assessments_evidence', sql`jsonb_array_length(${t.evidenceUrls}) >= 1`),
    check(
      'end_assessments_complete_justified',
      sql`${t.completion} <> 'complete' or ${t.progressAtAssessment} >= 100 or ${t.completeJustification} is not null`,
    ),
  ],
);

/**
 * The results report of an exercise as its authors write it: the texts around what the portal generates (the
 * summary's introduction and the conclusions). It stays off the portal until published; each publication freezes a
 * version (below).
 */
export const resultsReports = pgTable('results_reports', {
  exerciseId: uuid('exercise_id')
    .primaryKey()
    .references(() => exercises.id, { onDelete: 'cascade' }),
  summary: text('summary').notNull().default(''),
  conclusions: text('conclusions').notNull().default(''),
  ...timestamps(),
});

/**
 * A published version of an exercise's results report: the report's source (every figure and text it shows) frozen
 * as canonical JSON, exactly the bytes offered for download, and their SHA-256, which the change log keeps.
 * Versions are numbered from 1 and never change.
 */
export const resultsReportVersions = pgTable(
  'results_report_versions',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: text('content').notNull(),
    sha256: text('sha256').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('results_report_versions_exercise_version_unique').on(t.exerciseId, t.version),
    check('results_report_versions_version_positive', sql`${t.version} >= 1`),
    check('results_report_versions_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** A lesson learned in an exercise: its theme, what was found, what is recommended and where it comes from. */
export const lessons = pgTable(
  'lessons',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    theme: text('theme').notNull(),
    finding: text('finding').notNull(),
    recommendation: text('recommendation').notNull(),
    source: text('source').notNull(),
    ...timestamps(),
  },
  (t) => [index('lessons_exercise_idx').on(t.exerciseId, t.createdAt)],
);

/**
 * An exercise started from a previous one: which one, and the Secretariat composition carried over as a starting
 * point (the seats' kinds, institutions and labels and the quorum rule, never who held them) until the new
 * Secretariat is installed and the seats are created in it.
 */
export const exerciseOrigins = pgTable('exercise_origins', {
  exerciseId: uuid('exercise_id')
    .primaryKey()
    .references(() => exercises.id, { onDelete: 'cascade' }),
  previousExerciseId: uuid('previous_exercise_id')
    .notNull()
    .references(() => exercises.id),
  quorumRule: text('quorum_rule', { enum: quorumRules }),
  seats: jsonb('seats').$type<CarriedSeat[]>().notNull().default([]),
  seatsAppliedAt: timestamp('seats_applied_at', { withTimezone: true }),
  ...timestamps(),
});
export interface CarriedSeat {
  kind: SeatKind;
  institutionId: string | null;
  label: string | null;
}

export const lessonFollowUpStatuses = ['pending', 'addressed', 'not_addressed'] as const;
export type LessonFollowUpStatus = (typeof lessonFollowUpStatuses)[number];

/** Whether the next exercise addressed a previous exercise's lesson, with a note. */
export const lessonFollowUps = pgTable(
  'lesson_follow_ups',
  {
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    status: text('status', { enum: lessonFollowUpStatuses }).notNull().default('pending'),
    note: text('note').notNull().default(''),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.exerciseId, t.lessonId] })],
);

export const reminderKinds = ['design', 'end'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/**
 * The deadline reminders sent: one per commitment, kind of assessment and due date, so a reminder goes once per item
 * per deadline (a changed deadline is a new one).
 */
export const evaluationReminders = pgTable(
  'evaluation_reminders',
  {
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    dueOn: date('due_on').notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commitmentId, t.kind, t.dueOn] })],
);

/** The quorum rules an exercise's origin may carry (the Secretariat's), for the public history's labels. */
export const originQuorumRules = quorumRules;
