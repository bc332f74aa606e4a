import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { storedFiles } from '../../files/read-models.js';
import { loadActivity } from '../core/load-activity.js';
import { actionPlans, activityNotes, commitments, evidence, milestones } from '../schema.js';

/**
 * One activity with its milestone, commitment, evidence and notes: the page where progress is recorded and verified.
 */
export async function getActivityWork(db: Db, activityId: string) {
  const { activity } = await loadActivity(db, activityId);
  const [context] = await db
    .select({
      milestone: { id: milestones.id, title: milestones.title },
      commitment: { id: commitments.id, number: commitments.number, title: commitments.title },
      exerciseSlug: exercises.slug,
      institution: institutions.name,
    })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, activity.responsibleInstitutionId))
    .where(eq(milestones.id, activity.milestoneId));
  const proofs = await db
    .select({
      evidence,
      file: {
        id: storedFiles.id,
        originalName: storedFiles.originalName,
        mimeType: storedFiles.mimeType,
        size: storedFiles.size,
      },
    })
    .from(evidence)
    .leftJoin(storedFiles, eq(storedFiles.id, evidence.fileId))
    .where(eq(evidence.activityId, activityId))
    .orderBy(asc(evidence.createdAt));
  const notes = await db
    .select()
    .from(activityNotes)
    .where(eq(activityNotes.activityId, activityId))
    .orderBy(asc(activityNotes.createdAt));
  return { activity, ...context!, evidence: proofs.map((p) => ({ ...p.evidence, file: p.file })), notes };
}
export type ActivityWork = Awaited<ReturnType<typeof getActivityWork>>;
