import { and, eq, not, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actionPlans, activities, commitments, evidence, milestones } from './schema.js';
import { commitmentIsPublic } from './visibility.js';

/**
 * Whether a stored file is evidence of a commitment that is not public (a draft or in co-creation, or in a draft
 * plan: visibility.ts): the file route then serves it only to staff. One query.
 */
export async function isEvidenceFileHidden(db: Db, fileId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(evidence)
    .innerJoin(activities, eq(activities.id, evidence.activityId))
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .where(and(eq(evidence.fileId, fileId), not(commitmentIsPublic(commitments.status, actionPlans.status))))
    .limit(1);
  return rows.length > 0;
}
