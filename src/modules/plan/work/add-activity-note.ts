import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { appendChange } from '../../audit/append-change.js';
import { loadActivity } from '../core/load-activity.js';
import { conflict, ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canReportActivity } from '../core/policy.js';
import { activityNotes } from '../schema.js';

export const noteInput = z.object({ body: z.string().trim().min(3, 'body.required').max(5000, 'body.tooLong') });

/** A progress note on an activity, by its liaison or an admin; public and logged. */
export async function addActivityNote(
  db: Db,
  activityId: string,
  input: z.input<typeof noteInput>,
  options: WriteOptions,
) {
  const { body } = noteInput.parse(input);
  return db.transaction(async (tx) => {
    const { activity } = await loadActivity(tx, activityId);
    ensure(options.actor, (actor) => canReportActivity(actor, activity), 'note on this activity');
    if (activity.status === 'cancelled') throw conflict('cancelled');
    const author = logActor(options.actor);
    const [row] = await tx
      .insert(activityNotes)
      .values({
        activityId,
        body,
        authorId: author?.id ?? null,
        authorLabel: author?.label ?? 'Sistema',
        createdAt: options.now ?? new Date(),
      })
      .returning();
    await appendChange(tx, {
      actor: author,
      recordType: 'activity_note',
      recordId: row!.id,
      action: 'create',
      after: { activityId, body },
      occurredAt: options.now,
    });
    return row!;
  });
}
