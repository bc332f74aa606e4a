import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../kernel/actor.js';
import type { FileAccess } from '../../../kernel/file-access.js';
import { actionPlans, activities, commitments, evidence, milestones } from '../schema.js';
import { isPublicCommitment } from './visibility.js';
import { canSeePlanWork } from './policy.js';

/**
 * A stored file as plan evidence: public when it is evidence of a public commitment (visibility.ts); otherwise only
 * for the staff who see the plan's work pages. One query.
 */
export async function evidenceFileAccess(
  db: Db,
  fileId: string,
  actor: Actor | undefined,
): Promise<FileAccess | undefined> {
  const rows = await db
    .select({ commitment: commitments.status, plan: actionPlans.status })
    .from(evidence)
    .innerJoin(activities, eq(activities.id, evidence.activityId))
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .where(eq(evidence.fileId, fileId));
  if (rows.length === 0) return undefined;
  if (rows.some((row) => isPublicCommitment({ status: row.commitment }, { status: row.plan }))) return 'public';
  return canSeePlanWork(actor) ? 'allowed' : 'denied';
}
