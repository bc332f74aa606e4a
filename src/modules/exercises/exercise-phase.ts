import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, systemActor, type ActingParty } from '../../kernel/actor.js';
import { notFound } from '../../shared/errors.js';
import { appendChange, SYSTEM_ACTOR_LABEL } from '../audit/append-change.js';
import { exercisePhases, exercises, phases, type Phase } from './schema.js';

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const localDate = (value: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);

/** The last planned phase that has started by `today` (after `since`, when given), or undefined. */
export function calendarPhaseOn(
  planned: readonly { phase: Phase; startsOn: string }[],
  today: string,
  since: string | null = null,
): Phase | undefined {
  const started = planned
    .filter((entry) => entry.startsOn <= today && (since === null || entry.startsOn > since))
    .sort((a, b) => phases.indexOf(a.phase) - phases.indexOf(b.phase));
  return started[started.length - 1]?.phase;
}

/**
 * The phase the planned calendar says an exercise is in on `today`: the last planned phase that has started, when
 * it comes after the current one (the calendar never moves an exercise back), and, after an admin moved it by hand,
 * only one planned to start after that day. Undefined: it stays where it is.
 */
export function duePhase(
  current: Phase,
  planned: readonly { phase: Phase; startsOn: string }[],
  today: string,
  movedOn: string | null,
): Phase | undefined {
  const latest = calendarPhaseOn(planned, today, movedOn);
  return latest && phases.indexOf(latest) > phases.indexOf(current) ? latest : undefined;
}

/**
 * Moves every exercise to the phase its planned calendar says it is in today (duePhase), each move a change-log
 * entry by the system. Run every hour by a scheduled job and at start-up, as calls close themselves. Returns the
 * moves it made.
 */
export async function advanceExercisePhases(db: Db, options: { now: Date; timeZone: string }) {
  const today = localDate(options.now, options.timeZone);
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(exercises).for('update', { skipLocked: true });
    const planned = await tx.select().from(exercisePhases).orderBy(asc(exercisePhases.startsOn));
    const moves: { exerciseId: string; from: Phase; to: Phase }[] = [];
    for (const before of rows) {
      const to = duePhase(
        before.phase,
        planned.filter((entry) => entry.exerciseId === before.id),
        today,
        before.phaseMovedOn,
      );
      if (!to) continue;
      const [after] = await tx
        .update(exercises)
        .set({ phase: to, phaseReason: null, updatedAt: options.now })
        .where(eq(exercises.id, before.id))
        .returning();
      await appendChange(tx, {
        actor: changeActorOf(systemActor(SYSTEM_ACTOR_LABEL)),
        recordType: 'exercise',
        recordId: before.id,
        action: 'update',
        before: { phase: before.phase, phaseReason: before.phaseReason },
        after: { phase: after!.phase, phaseReason: after!.phaseReason },
        occurredAt: options.now,
      });
      moves.push({ exerciseId: before.id, from: before.phase, to });
    }
    return moves;
  });
}

export const movePhaseInput = z.object({
  phase: z.enum(phases, 'phase.required'),
  reason: z.string().trim().min(10, 'reason.tooShort').max(1000, 'reason.tooLong'),
});
export type MovePhaseInput = z.input<typeof movePhaseInput>;

/**
 * An admin moves an exercise to another phase by hand (forward or back), with a reason the public history shows.
 * The calendar then moves it again only to a phase planned to start after today.
 */
export async function moveExercisePhase(
  db: Db,
  exerciseId: string,
  input: MovePhaseInput,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = movePhaseInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(exercises).where(eq(exercises.id, exerciseId)).for('update');
    if (!before) throw notFound('exercise');
    const [after] = await tx
      .update(exercises)
      .set({
        phase: values.phase,
        phaseReason: values.reason,
        phaseMovedOn: localDate(options.now, options.timeZone),
        updatedAt: options.now,
      })
      .where(eq(exercises.id, exerciseId))
      .returning();
    await appendChange(tx, {
      actor,
      recordType: 'exercise',
      recordId: exerciseId,
      action: 'update',
      before: { phase: before.phase, phaseReason: before.phaseReason },
      after: { phase: after!.phase, phaseReason: after!.phaseReason },
    });
    return after!;
  });
}
