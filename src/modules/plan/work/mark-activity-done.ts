import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import { conflict, todayOf, type WriteOptions } from '../core/plan-actor.js';
import { canReportActivity } from '../core/policy.js';
import { evidence } from '../schema.js';
import { writeActivity } from '../core/write-activity.js';

export const doneInput = z.object({
  closingNote: z.string().trim().min(3, 'closingNote.required').max(5000, 'closingNote.tooLong'),
});

/** Marks an activity done: needs a closing note and at least one piece of evidence that was not rejected. */
export async function markActivityDone(
  db: Db,
  activityId: string,
  input: z.input<typeof doneInput>,
  options: WriteOptions,
) {
  const { closingNote } = doneInput.parse(input);
  return writeActivity(db, activityId, options, canReportActivity, async (tx, activity) => {
    if (activity.status !== 'not_started' && activity.status !== 'in_progress') throw conflict('notOpen');
    const proofs = await tx
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.activityId, activityId), ne(evidence.status, 'rejected')))
      .limit(1);
    if (proofs.length === 0) throw new AppError('validation', 'done needs evidence', { reason: 'evidenceRequired' });
    const today = todayOf(options);
    return { status: 'done', closingNote, actualStart: activity.actualStart ?? today, actualEnd: today };
  });
}
