import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { exercises } from '../../exercises/schema.js';
import { lessons } from '../schema.js';

const field = (name: string, max: number) =>
  z.string().trim().min(1, `${name}.required`).min(3, `${name}.tooShort`).max(max, `${name}.tooLong`);

export const lessonInput = z.object({
  theme: field('theme', 200),
  finding: field('finding', 5_000),
  recommendation: field('recommendation', 5_000),
  source: field('source', 500),
});
export type LessonInput = z.input<typeof lessonInput>;

/** Who records an exercise's lessons: admins (the convening body) and evaluators. */
export const lessonAuthors = ['admin', 'evaluator'] as const;

/** What the change log and the open data show of a lesson: all of it (it names no person). */
export const publicLesson = (row: typeof lessons.$inferSelect) => ({
  id: row.id,
  exerciseId: row.exerciseId,
  theme: row.theme,
  finding: row.finding,
  recommendation: row.recommendation,
  source: row.source,
});

/**
 * Admins and evaluators record a lesson learned in an exercise: its theme, what was found, what is recommended and
 * where it comes from (an assessment, a report, a session…). It is public at once and carries over to the next
 * exercise started from this one.
 */
export async function recordLesson(
  db: Db,
  exerciseId: string,
  input: LessonInput,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...lessonAuthors);
  const values = lessonInput.parse(input);
  return db.transaction(async (tx) => {
    const [exercise] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.id, exerciseId));
    if (!exercise) throw notFound('exercise');
    const [row] = await tx
      .insert(lessons)
      .values({ exerciseId, ...values, createdAt: options.now, updatedAt: options.now })
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'lesson',
      recordId: row!.id,
      action: 'create',
      after: publicLesson(row!),
      occurredAt: options.now,
    });
    return row!;
  });
}

/** Corrects a lesson of an exercise (the change log keeps what it said before). */
export async function updateLesson(
  db: Db,
  exerciseId: string,
  lessonId: string,
  input: LessonInput,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...lessonAuthors);
  const values = lessonInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(lessons)
      .where(and(eq(lessons.id, lessonId), eq(lessons.exerciseId, exerciseId)))
      .for('update');
    if (!before) throw notFound('lesson');
    const [row] = await tx
      .update(lessons)
      .set({ ...values, updatedAt: options.now })
      .where(eq(lessons.id, lessonId))
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'lesson',
      recordId: row!.id,
      action: 'update',
      before: publicLesson(before),
      after: publicLesson(row!),
      occurredAt: options.now,
    });
    return row!;
  });
}
