import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { notFound } from '../../shared/errors.js';
import { appendChange } from '../audit/append-change.js';
import { exercisePhases, exercises, phases } from './schema.js';

const isoDate = (message: string) => z.iso.date(message);

/** One phase's planned dates (both inclusive; no end: open from its start on). */
export const phaseDatesInput = z
  .object({
    phase: z.enum(phases, 'phase.required'),
    startsOn: isoDate('startsOn.invalid'),
    endsOn: z.union([z.literal(''), isoDate('endsOn.invalid')]).optional(),
  })
  .refine((value) => !value.endsOn || value.startsOn <= value.endsOn, {
    message: 'endsOn.beforeStart',
    path: ['endsOn'],
  });
export type PhaseDatesInput = z.input<typeof phaseDatesInput>;

/**
 * An admin plans (or re-plans) the dates of one phase of an exercise's timeline: what opens and closes the diagnosis
 * (proposing and supporting problems) and the co-creation, and what the hourly job moves the exercise by. The public
 * history keeps the timeline before and after.
 */
export async function planPhaseDates(
  db: Db,
  exerciseId: string,
  input: PhaseDatesInput,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, 'admin');
  const values = phaseDatesInput.parse(input);
  return db.transaction(async (tx) => {
    const [exercise] = await tx.select().from(exercises).where(eq(exercises.id, exerciseId)).for('update');
    if (!exercise) throw notFound('exercise');
    const timeline = () =>
      tx
        .select({ phase: exercisePhases.phase, startsOn: exercisePhases.startsOn, endsOn: exercisePhases.endsOn })
        .from(exercisePhases)
        .where(eq(exercisePhases.exerciseId, exerciseId))
        .orderBy(asc(exercisePhases.startsOn));
    const before = await timeline();
    await tx
      .delete(exercisePhases)
      .where(and(eq(exercisePhases.exerciseId, exerciseId), eq(exercisePhases.phase, values.phase)));
    await tx
      .insert(exercisePhases)
      .values({ exerciseId, phase: values.phase, startsOn: values.startsOn, endsOn: values.endsOn || null });
    await tx.update(exercises).set({ updatedAt: options.now }).where(eq(exercises.id, exerciseId));
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'exercise',
      recordId: exerciseId,
      action: 'update',
      before: { timeline: before },
      after: { timeline: await timeline() },
      occurredAt: options.now,
    });
    return exercise;
  });
}
