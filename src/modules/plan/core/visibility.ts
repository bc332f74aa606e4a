import { and, inArray, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';
import { commitmentStatuses, planStatuses, type CommitmentStatus, type PlanStatus } from '../schema.js';

/*
 * What of a plan the public may see (decision 11), defined once and used by every public query (pages, search, feed,
 * print view, open data, comments and follows):
 *
 * - a plan is public unless it is a draft;
 * - a commitment is public when its plan is public and it is neither a draft nor in co-creation;
 * - milestones, activities, notes and evidence are public when their commitment is.
 *
 * The change log is not filtered: its dump keeps every entry so the hash chain stays verifiable (decision 7).
 */

export const nonPublicPlanStatuses = ['draft'] as const satisfies readonly PlanStatus[];
export const nonPublicCommitmentStatuses = ['draft', 'cocreation'] as const satisfies readonly CommitmentStatus[];

/** Every other status is public: listed positively so that the queries say which rows they show. */
export const publicPlanStatuses: readonly PlanStatus[] = planStatuses.filter(
  (s) => !(nonPublicPlanStatuses as readonly string[]).includes(s),
);
export const publicCommitmentStatuses: readonly CommitmentStatus[] = commitmentStatuses.filter(
  (s) => !(nonPublicCommitmentStatuses as readonly string[]).includes(s),
);

export const isPublicPlanStatus = (status: PlanStatus) => publicPlanStatuses.includes(status);
/** Whether a commitment's own status lets it be public (its plan must be public too). */
export const isPublicCommitmentStatus = (status: CommitmentStatus) => publicCommitmentStatuses.includes(status);
export const isPublicCommitment = (commitment: { status: CommitmentStatus }, plan: { status: PlanStatus }) =>
  isPublicPlanStatus(plan.status) && isPublicCommitmentStatus(commitment.status);

type StatusColumn = Column | SQLWrapper;

/** SQL: the plan whose status is `planStatus` (a column, or `sql\`p.status\`` in raw queries) is public. */
export const planIsPublic = (planStatus: StatusColumn): SQL => inArray(planStatus, publicPlanStatuses as PlanStatus[]);

/** SQL: the commitment's own status is public; for queries that already know its plan is public. */
export const commitmentStatusIsPublic = (commitmentStatus: StatusColumn): SQL =>
  inArray(commitmentStatus, publicCommitmentStatuses as CommitmentStatus[]);

/**
 * SQL: the commitment is public (its status and its plan's status). Milestones, activities and evidence use it through
 * their commitment.
 */
export const commitmentIsPublic = (commitmentStatus: StatusColumn, planStatus: StatusColumn): SQL =>
  and(commitmentStatusIsPublic(commitmentStatus), planIsPublic(planStatus))!;
