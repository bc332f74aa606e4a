import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  isUuid,
  type ChangeLogEntryView,
  type ChangeOwner,
  type TargetDefinition,
  type TargetRef,
} from '../../../kernel/records.js';
import { exercises } from '../../exercises/schema.js';
import { actionPlans, activities, commitments, milestones } from '../schema.js';
import { commitmentIsPublic } from './visibility.js';

/**
 * A public commitment of a Local Action Plan (not a draft nor in co-creation, of a plan that is not a draft): its lead
 * institution answers officially.
 */
export const commitmentTarget: TargetDefinition = {
  isFollowable: true,
  async resolve(db, recordId) {
    if (!isUuid(recordId)) return undefined;
    const [row] = await db
      .select({
        id: commitments.id,
        number: commitments.number,
        title: commitments.title,
        leadInstitutionId: commitments.leadInstitutionId,
        slug: exercises.slug,
      })
      .from(commitments)
      .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
      .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
      .where(and(eq(commitments.id, recordId), commitmentIsPublic(commitments.status, actionPlans.status)));
    if (!row) return undefined;
    return {
      recordType: 'commitment',
      recordId: row.id,
      title: row.title,
      path: `/ejercicios/${row.slug}/plan/compromisos/${row.number}`,
      answeringInstitutionIds: [row.leadInstitutionId],
    };
  },
};

/**
 * The commitment a milestone, an activity, or an activity's note or evidence belongs to (ids read from the logged row).
 */
const commitmentOfMilestone = async (db: Db, milestoneId: unknown): Promise<TargetRef | undefined> => {
  if (typeof milestoneId !== 'string' || !isUuid(milestoneId)) return undefined;
  const [row] = await db
    .select({ commitmentId: milestones.commitmentId })
    .from(milestones)
    .where(eq(milestones.id, milestoneId));
  return row ? { recordType: 'commitment', recordId: row.commitmentId } : undefined;
};
const commitmentOfActivity = async (db: Db, activityId: unknown): Promise<TargetRef | undefined> => {
  if (typeof activityId !== 'string' || !isUuid(activityId)) return undefined;
  const [row] = await db
    .select({ milestoneId: activities.milestoneId })
    .from(activities)
    .where(eq(activities.id, activityId));
  return row ? commitmentOfMilestone(db, row.milestoneId) : undefined;
};
const loggedRow = (entry: ChangeLogEntryView) => (entry.after ?? entry.before ?? {}) as Record<string, unknown>;

/** Changes of a milestone, an activity, its notes and evidence reach the followers of their commitment. */
export const planChangeOwners = {
  milestone: async (db, entry) => {
    const commitmentId = loggedRow(entry).commitmentId;
    if (typeof commitmentId === 'string') return { recordType: 'commitment', recordId: commitmentId };
    return commitmentOfMilestone(db, entry.recordId);
  },
  activity: async (db, entry) =>
    (await commitmentOfMilestone(db, loggedRow(entry).milestoneId)) ?? commitmentOfActivity(db, entry.recordId),
  activity_note: async (db, entry) => commitmentOfActivity(db, loggedRow(entry).activityId),
  evidence: async (db, entry) => commitmentOfActivity(db, loggedRow(entry).activityId),
} satisfies Record<string, ChangeOwner>;

/**
 * What the public change log keeps of the plan's records: no contact people (commitments' `contacts`), no responsible
 * person of an activity, no account ids (verifier, uploader), no uploaded file's original name, and no derived
 * progress or due date (recomputed without an entry).
 */
export const planPublicFields = {
  action_plan: [
    'id',
    'exerciseId',
    'title',
    'periodStart',
    'periodEnd',
    'strategicVision',
    'status',
    'approvalAgreementId',
    'documentFileId',
    'createdAt',
  ],
  commitment: [
    'id',
    'planId',
    'number',
    'title',
    'theme',
    'publicProblem',
    'baseline',
    'causes',
    'description',
    'objective',
    'howItSolves',
    'ogpValues',
    'indicator',
    'goal',
    'assumptions',
    'alignmentStatePlan',
    'alignmentSdgs',
    'alignmentGender',
    'smart',
    'leadInstitutionId',
    'startsOn',
    'endsOn',
    'originProblemId',
    'originProposalId',
    'status',
    'statusNote',
    'approvalAgreementId',
    'modificationAgreementId',
    'municipalities',
    'partners',
    'createdAt',
  ],
  milestone: [
    'id',
    'commitmentId',
    'position',
    'title',
    'deliverable',
    'responsibleInstitutionId',
    'plannedStart',
    'plannedEnd',
    'actualStart',
    'actualEnd',
    'weight',
    'cancelledAt',
    'cancellationReason',
    'createdAt',
    // Set on the deletion entry of an approved commitment's milestone (issue 12 item 10): why it was deleted.
    'deletionReason',
  ],
  activity: [
    'id',
    'milestoneId',
    'position',
    'title',
    'description',
    'responsibleInstitutionId',
    'plannedStart',
    'plannedEnd',
    'actualStart',
    'actualEnd',
    'status',
    'closingNote',
    'cancellationReason',
    'verifiedAt',
    'createdAt',
    'deletionReason',
  ],
  activity_note: ['activityId', 'body'],
  evidence: ['activityId', 'description', 'url', 'file.type', 'file.size', 'file.sha256', 'status', 'rejectionReason'],
} as const;
