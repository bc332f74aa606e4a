import {
  bigserial,
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
  varchar,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id, timestamps } from '../../db/columns.js';
import { users } from '../accounts/schema.js';
import { institutions, municipalities } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { storedFiles } from '../files/schema.js';
import { agreements } from '../secretariat/schema.js';

export const planStatuses = [
  'draft',
  'public_consultation',
  'approved',
  'published',
  'in_implementation',
  'concluded',
  'evaluated',
] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** The Local Action Plan of an exercise (one per exercise). `progress` is derived (see progress.ts), never typed. */
export const actionPlans = pgTable(
  'action_plans',
  {
    id: id(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .unique()
      .references(() => exercises.id),
    title: text('title').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    strategicVision: text('strategic_vision').notNull(),
    status: text('status', { enum: planStatuses }).notNull().default('draft'),
    /** Secretariat agreement that approved the plan. */
    approvalAgreementId: uuid('approval_agreement_id').references(() => agreements.id),
    documentFileId: uuid('document_file_id').references(() => storedFiles.id),
    /** Derived: mean of the non-cancelled commitments' progress, 0-100. */
    progress: doublePrecision('progress').notNull().default(0),
    ...timestamps(),
  },
  (t) => [check('action_plans_period', sql`${t.periodEnd} >= ${t.periodStart}`)],
);

export const commitmentStatuses = [
  'draft',
  'cocreation',
  'proposed',
  'approved',
  'in_implementation',
  'under_modification',
  'completed',
  'partially_completed',
  'cancelled',
  'evaluated',
] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** The call's test: each criterion is ticked and justified in words. */
export const smartCriteria = ['specific', 'achievable', 'measurable', 'transformative'] as const;
export type SmartCriterion = (typeof smartCriteria)[number];
export type SmartChecklist = Partial<Record<SmartCriterion, { met: boolean; justification: string }>>;

/** Open-government values of the OGP commitment template. */
export const ogpValues = [
  'access_to_information',
  'civic_participation',
  'public_accountability',
  'technology_innovation',
] as const;
export type OgpValue = (typeof ogpValues)[number];
export type OgpValueRelevance = Partial<Record<OgpValue, { relevant: boolean; justification: string }>>;

export interface CommitmentContact {
  name: string;
  position?: string;
  institution?: string;
  email?: string;
  phone?: string;
}

/** A commitment of a plan, with every field of the OGP commitment template. */
export const commitments = pgTable(
  'commitments',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => actionPlans.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    theme: text('theme'),
    publicProblem: text('public_problem').notNull().default(''),
    baseline: text('baseline').notNull().default(''),
    causes: text('causes').notNull().default(''),
    description: text('description').notNull().default(''),
    objective: text('objective').notNull().default(''),
    howItSolves: text('how_it_solves').notNull().default(''),
    ogpValues: jsonb('ogp_values').$type<OgpValueRelevance>().notNull().default({}),
    indicator: text('indicator').notNull().default(''),
    goal: text('goal').notNull().default(''),
    assumptions: text('assumptions').notNull().default(''),
    alignmentStatePlan: text('alignment_state_plan').notNull().default(''),
    /** Sustainable Development Goals, by number (1-17). */
    alignmentSdgs: jsonb('alignment_sdgs').$type<number[]>().notNull().default([]),
    alignmentGender: text('alignment_gender').notNull().default(''),
    smart: jsonb('smart').$type<SmartChecklist>().notNull().default({}),
    leadInstitutionId: uuid('lead_institution_id')
      .notNull()
      .references(() => institutions.id),
    contacts: jsonb('contacts').$type<CommitmentContact[]>().notNull().default([]),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** Origin in co-creation (problem / proposal ids; FKs added when that module lands). */
    originProblemId: uuid('origin_problem_id'),
    originProposalId: uuid('origin_proposal_id'),
    status: text('status', { enum: commitmentStatuses }).notNull().default('draft'),
    statusNote: text('status_note'),
    /** Secretariat agreements that approved and, later, modified the commitment. */
    approvalAgreementId: uuid('approval_agreement_id').references(() => agreements.id),
    modificationAgreementId: uuid('modification_agreement_id').references(() => agreements.id),
    /** Derived: weighted mean of the non-cancelled milestones, 0-100. */
    progress: doublePrecision('progress').notNull().default(0),
    /** Derived: earliest planned end among its unfinished milestones/activities (and itself); delayed when < today. */
    openDueOn: date('open_due_on'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('commitments_plan_number_unique').on(t.planId, t.number),
    index('commitments_lead_idx').on(t.leadInstitutionId),
  ],
);

export const commitmentMunicipalities = pgTable(
  'commitment_municipalities',
  {
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    cvegeo: varchar('cvegeo', { length: 5 })
      .notNull()
      .references(() => municipalities.cvegeo),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.cvegeo] }),
    index('commitment_municipalities_cvegeo_idx').on(t.cvegeo),
  ],
);

export const partnerRoles = ['co_responsible', 'other_actor'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

/** Co-responsible civil-society organisations and other actors: a directory institution or just a name. */
export const commitmentPartners = pgTable(
  'commitment_partners',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    role: text('role', { enum: partnerRoles }).notNull(),
    institutionId: uuid('institution_id').references(() => institutions.id),
    name: text('name'),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index('commitment_partners_commitment_idx').on(t.commitmentId),
    check('commitment_partners_who', sql`${t.institutionId} is not null or ${t.name} is not null`),
  ],
);

/** A weighted, verifiable deliverable of a commitment. */
export const milestones = pgTable(
  'milestones',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    deliverable: text('deliverable').notNull(),
    responsibleInstitutionId: uuid('responsible_institution_id')
      .notNull()
      .references(() => institutions.id),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    actualStart: date('actual_start'),
    actualEnd: date('actual_end'),
    /** Relative weight (>= 0); normalised over the commitment's non-cancelled milestones. */
    weight: integer('weight').notNull().default(1),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancellationReason: text('cancellation_reason'),
    /** Derived: mean of the non-cancelled activities, 0-100. */
    progress: doublePrecision('progress').notNull().default(0),
    /** Derived: earliest planned end among its unfinished activities (and itself). */
    openDueOn: date('open_due_on'),
    ...timestamps(),
  },
  (t) => [
    index('milestones_commitment_idx').on(t.commitmentId, t.position),
    check('milestones_weight_nonnegative', sql`${t.weight} >= 0`),
  ],
);

export const activityStatuses = ['not_started', 'in_progress', 'done', 'verified', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const activities = pgTable(
  'activities',
  {
    id: id(),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    responsibleInstitutionId: uuid('responsible_institution_id')
      .notNull()
      .references(() => institutions.id),
    responsiblePerson: text('responsible_person'),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    actualStart: date('actual_start'),
    actualEnd: date('actual_end'),
    status: text('status', { enum: activityStatuses }).notNull().default('not_started'),
    closingNote: text('closing_note'),
    cancellationReason: text('cancellation_reason'),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('activities_milestone_idx').on(t.milestoneId, t.position),
    index('activities_institution_idx').on(t.responsibleInstitutionId, t.status),
    // The plan page's first late activities, by the date they fell behind (get-plan-overview.ts).
    index('activities_open_due_idx')
      .on(t.plannedEnd)
      .where(sql`${t.status} in ('not_started', 'in_progress')`),
  ],
);

/**
 * Derived, one row per commitment: how many of its activities are in each status, and the planned ends of its
 * unfinished ones (not started or in progress), ascending. Kept by recomputeCommitment on every write to a milestone or
 * an activity (activity-stats.ts), so the plan page adds up one row per commitment instead of counting every activity
 * of the plan, and counts the late ones for any day (those whose planned end is before it).
 */
export const commitmentActivityStats = pgTable('commitment_activity_stats', {
  commitmentId: uuid('commitment_id')
    .primaryKey()
    .references(() => commitments.id, { onDelete: 'cascade' }),
  notStarted: integer('not_started').notNull().default(0),
  inProgress: integer('in_progress').notNull().default(0),
  done: integer('done').notNull().default(0),
  verified: integer('verified').notNull().default(0),
  cancelled: integer('cancelled').notNull().default(0),
  openDueDates: date('open_due_dates')
    .array()
    .notNull()
    .default(sql`'{}'::date[]`),
});

/** Progress notes of an activity (append-only). */
export const activityNotes = pgTable(
  'activity_notes',
  {
    id: id(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_notes_activity_idx').on(t.activityId, t.createdAt)],
);

export const evidenceStatuses = ['submitted', 'accepted', 'rejected'] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

/** A file or a link proving an activity. */
export const evidence = pgTable(
  'evidence',
  {
    id: id(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').references(() => storedFiles.id),
    url: text('url'),
    description: text('description').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: evidenceStatuses }).notNull().default('submitted'),
    rejectionReason: text('rejection_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('evidence_activity_idx').on(t.activityId),
    check('evidence_file_or_url', sql`(${t.fileId} is null) <> (${t.url} is null)`),
  ],
);

export const removableRecordTypes = ['milestone', 'activity'] as const;
export type RemovableRecordType = (typeof removableRecordTypes)[number];

/**
 * A milestone or activity deleted from an approved commitment, with the reason given (decision 0029): it keeps the
 * deletion's entries of the change log on the commitment's public history after the record itself is gone.
 */
export const removedPlanItems = pgTable(
  'removed_plan_items',
  {
    id: id(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitments.id, { onDelete: 'cascade' }),
    recordType: text('record_type', { enum: removableRecordTypes }).notNull(),
    /** The deleted milestone's or activity's id, as the change log names it. */
    recordId: uuid('record_id').notNull(),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('removed_plan_items_commitment_idx').on(t.commitmentId, t.removedAt)],
);

export const progressScopes = ['commitment', 'plan'] as const;
export type ProgressScope = (typeof progressScopes)[number];

/** Time series of derived progress: one row each time a write changes a commitment's or a plan's figure. */
export const progressSnapshots = pgTable(
  'progress_snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    scope: text('scope', { enum: progressScopes }).notNull(),
    scopeId: uuid('scope_id').notNull(),
    progress: doublePrecision('progress').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('progress_snapshots_scope_idx').on(t.scope, t.scopeId, t.recordedAt)],
);
