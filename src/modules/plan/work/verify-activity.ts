import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { conflict, personId, type WriteOptions } from '../core/plan-actor.js';
import { canVerifyActivity } from '../core/policy.js';
import { evidence } from '../schema.js';
import { writeActivity } from '../core/write-activity.js';

/**
 * Someone outside the responsible institution confirms a done activity: it becomes verified and its submitted
 * evidence accepted.
 */
export async function verifyActivity(db: Db, activityId: string, options: WriteOptions) {
  return writeActivity(db, activityId, options, canVerifyActivity, async (tx, activity) => {
    if (activity.status !== 'done') throw conflict('notDone');
    const now = options.now ?? new Date();
    await tx
      .update(evidence)
      .set({ status: 'accepted', reviewedBy: personId(options.actor), reviewedAt: now })
      .where(and(eq(evidence.activityId, activityId), eq(evidence.status, 'submitted')));
    return { status: 'verified', verifiedBy: personId(options.actor), verifiedAt: now };
  });
}
