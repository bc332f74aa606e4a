import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { exerciseOrigins, lessonFollowUps, lessonFollowUpStatuses, lessons } from '../schema.js';
import { lessonAuthors } from './record-lesson.js';

export const followUpInput = z.object({
  status: z.enum(lessonFollowUpStatuses, 'status.required'),
  note: z.string().trim().max(2_000, 'note.tooLong').default(''),
});
export type FollowUpInput = z.input<typeof followUpInput>;

/** A follow-up as the change log and the open data show it. */
const publicFollowUp = (row: typeof lessonFollowUps.$inferSelect) => ({
  exerciseId: row.exerciseId,
  lessonId: row.lessonId,
  status: row.status,
  note: row.note,
});

/**
 * Staff say whether an exercise addressed a lesson of the exercise it started from (addressed, not addressed, or
 * still pending), with a note. Only a lesson of that previous exercise (`lesson` not found otherwise).
 */
export async function followUpLesson(
  db: Db,
  exerciseId: string,
  lessonId: string,
  input: FollowUpInput,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...lessonAuthors);
  const values = followUpInput.parse(input);
  return db.transaction(async (tx) => {
    const [lesson] = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .innerJoin(exerciseOrigins, eq(exerciseOrigins.previousExerciseId, lessons.exerciseId))
      .where(and(eq(lessons.id, lessonId), eq(exerciseOrigins.exerciseId, exerciseId)));
    if (!lesson) throw notFound('lesson');
    const [before] = await tx
      .select()
      .from(lessonFollowUps)
      .where(and(eq(lessonFollowUps.exerciseId, exerciseId), eq(lessonFollowUps.lessonId, lessonId)))
      .for('update');
    const [row] = before
      ? await tx
          .update(lessonFollowUps)
          .set({ ...values, updatedAt: options.now })
          .where(and(eq(lessonFollowUps.exerciseId, exerciseId), eq(lessonFollowUps.lessonId, lessonId)))
          .returning()
      : await tx
          .insert(lessonFollowUps)
          .values({ exerciseId, lessonId, ...values, createdAt: options.now, updatedAt: options.now })
          .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'lesson_follow_up',
      recordId: lessonId,
      action: before ? 'update' : 'create',
      ...(before ? { before: publicFollowUp(before) } : {}),
      after: publicFollowUp(row!),
      occurredAt: options.now,
    });
    return row!;
  });
}
