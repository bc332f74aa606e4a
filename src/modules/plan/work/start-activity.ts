import type { Db } from '../../../db/client.js';
import { conflict, todayOf, type WriteOptions } from '../core/plan-actor.js';
import { canReportActivity } from '../core/policy.js';
import { writeActivity } from '../core/write-activity.js';

/** A liaison (or admin) marks an activity as started: 50 % of it counts, and its actual start is today unless set. */
export async function startActivity(db: Db, activityId: string, options: WriteOptions) {
  return writeActivity(db, activityId, options, canReportActivity, (_tx, activity) => {
    if (activity.status !== 'not_started') throw conflict('notStartable');
    return { status: 'in_progress', actualStart: activity.actualStart ?? todayOf(options) };
  });
}
