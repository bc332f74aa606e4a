import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { exercises } from '../../exercises/schema.js';
import { actionPlans } from '../schema.js';
import { planIsPublic } from './visibility.js';

/**
 * Every exercise's public plan (not a draft) with its overall progress (one query), newest exercise first: for the home
 * and exercise pages.
 */
export function listPlanSummaries(db: Db) {
  return db
    .select({
      exerciseId: exercises.id,
      slug: exercises.slug,
      title: actionPlans.title,
      status: actionPlans.status,
      progress: actionPlans.progress,
    })
    .from(actionPlans)
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .where(planIsPublic(actionPlans.status))
    .orderBy(desc(exercises.edition));
}
export type PlanSummary = Awaited<ReturnType<typeof listPlanSummaries>>[number];
