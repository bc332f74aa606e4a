import { count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { loadActivity } from '../core/load-activity.js';
import {
  activities,
  activityNotes,
  commitments,
  evidence,
  milestones,
  removedPlanItems,
  type CommitmentStatus,
  type RemovableRecordType,
} from '../schema.js';

/**
 * The statuses of a commitment still being written (decision 0029): deleting one of its milestones or activities
 * needs no reason, it is not public and nobody relies on it yet. From its approval on, a deletion states a reason
 * that its public history keeps.
 */
export const draftCommitmentStatuses = [
  'draft',
  'cocreation',
  'proposed',
] as const satisfies readonly CommitmentStatus[];
export const isApprovedCommitment = (status: CommitmentStatus) =>
  !(draftCommitmentStatuses as readonly CommitmentStatus[]).includes(status);

/** The reason of a deletion: required (at least 3 characters) once the commitment is approved, optional before. */
export const removalInput = (isRequired: boolean) =>
  z.object({
    reason: isRequired
      ? z.string().trim().min(3, 'reason.required').max(2000, 'reason.tooLong')
      : z
          .string()
          .trim()
          .max(2000, 'reason.tooLong')
          .optional()
          .transform((value) => value || undefined),
  });
export type RemovalInput = { reason?: string | undefined };

/** The reason a deletion must carry for this commitment (refused with `validation` when one is required and missing). */
export function removalReason(status: CommitmentStatus, input: RemovalInput): string | null {
  const parsed = removalInput(isApprovedCommitment(status)).safeParse(input);
  if (!parsed.success)
    throw new AppError('validation', 'a reason is required', { field: 'reason', reason: 'required' });
  return parsed.data.reason ?? null;
}

/** Keeps a deleted item of an approved commitment on its history: its id (for the log's entries), title and reason. */
export async function recordRemovals(
  tx: Db,
  commitmentId: string,
  items: { recordType: RemovableRecordType; recordId: string; title: string }[],
  reason: string,
  now: Date,
) {
  if (items.length === 0) return;
  await tx.insert(removedPlanItems).values(items.map((item) => ({ ...item, commitmentId, reason, removedAt: now })));
}

/** What deleting a milestone or an activity takes with it, for its confirmation page. */
export async function getRemovalImpact(db: Db, recordType: RemovableRecordType, id: string) {
  let milestoneId: string;
  let title: string;
  let activityIds: string[];
  let isCancellable: boolean;
  if (recordType === 'activity') {
    const { activity } = await loadActivity(db, id);
    ({ milestoneId, title } = activity);
    activityIds = [activity.id];
    isCancellable = activity.status !== 'verified' && activity.status !== 'cancelled';
  } else {
    const [milestone] = await db.select().from(milestones).where(eq(milestones.id, id));
    if (!milestone) throw notFound('milestone');
    ({ id: milestoneId, title } = milestone);
    isCancellable = milestone.cancelledAt === null;
    activityIds = (await db.select({ id: activities.id }).from(activities).where(eq(activities.milestoneId, id))).map(
      (row) => row.id,
    );
  }
  const [owner] = await db
    .select({
      milestone: { id: milestones.id, title: milestones.title, cancelledAt: milestones.cancelledAt },
      commitment: {
        id: commitments.id,
        number: commitments.number,
        title: commitments.title,
        status: commitments.status,
      },
    })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(eq(milestones.id, milestoneId));
  const tally = async (table: typeof evidence | typeof activityNotes) =>
    activityIds.length === 0
      ? 0
      : Number((await db.select({ n: count() }).from(table).where(inArray(table.activityId, activityIds)))[0]?.n ?? 0);
  const files =
    activityIds.length === 0
      ? 0
      : Number(
          (
            await db
              .select({ n: count(evidence.fileId) })
              .from(evidence)
              .where(inArray(evidence.activityId, activityIds))
          )[0]?.n ?? 0,
        );
  return {
    recordType,
    id,
    title,
    milestone: owner!.milestone,
    commitment: owner!.commitment,
    isApproved: isApprovedCommitment(owner!.commitment.status),
    /** False once it is cancelled (or, an activity, verified): there is nothing to cancel. */
    isCancellable,
    activities: recordType === 'milestone' ? activityIds.length : 0,
    evidence: await tally(evidence),
    files,
    notes: await tally(activityNotes),
  };
}
export type RemovalImpact = Awaited<ReturnType<typeof getRemovalImpact>>;
