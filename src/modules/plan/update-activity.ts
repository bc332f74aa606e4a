import type { Db } from '../../db/client.js';
import { activityFields, type ActivityFields } from './milestone-fields.js';
import type { WriteOptions } from './plan-actor.js';
import { canManagePlan } from './policy.js';
import { writeActivity } from './write-activity.js';

/** Corrects an activity's title, responsible or planned dates (an admin's task; liaisons report progress instead). */
export async function updateActivity(db: Db, activityId: string, input: ActivityFields, options: WriteOptions) {
  const values = activityFields.parse(input);
  return writeActivity(db, activityId, options, (actor) => canManagePlan(actor), () => values);
}
