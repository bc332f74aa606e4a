import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { activities, milestones } from '../schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An activity with the commitment it belongs to (through its milestone), or not_found. */
export async function loadActivity(db: Db, activityId: string) {
  if (!UUID.test(activityId)) throw notFound('activity');
  const [row] = await db
    .select({ activity: activities, commitmentId: milestones.commitmentId })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .where(eq(activities.id, activityId));
  if (!row) throw notFound('activity');
  return row;
}
