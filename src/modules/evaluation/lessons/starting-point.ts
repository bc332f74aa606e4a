import { count, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { calls } from '../../calls/read-models.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { addSeat } from '../../secretariat/add-seat.js';
import { secretariats, secretariatSeats } from '../../secretariat/read-models.js';
import { exerciseOrigins, lessonFollowUps } from '../schema.js';

/**
 * What an exercise started from a previous one carried over (for its admins): the previous exercise, the draft call,
 * the Secretariat composition with its institutions' names, whether its seats were created, and how many lessons
 * came along. Not found for an exercise that was not started from another.
 */
export async function getStartingPoint(db: Db, slug: string) {
  const previous = alias(exercises, 'previous_exercise');
  const [row] = await db
    .select({
      exercise: { id: exercises.id, slug: exercises.slug, title: exercises.title },
      previous: { id: previous.id, slug: previous.slug, title: previous.title },
      origin: exerciseOrigins,
    })
    .from(exerciseOrigins)
    .innerJoin(exercises, eq(exercises.id, exerciseOrigins.exerciseId))
    .innerJoin(previous, eq(previous.id, exerciseOrigins.previousExerciseId))
    .where(eq(exercises.slug, slug));
  if (!row) throw notFound('exercise');
  const ids = row.origin.seats.map((s) => s.institutionId).filter((id): id is string => Boolean(id));
  const names = ids.length
    ? await db
        .select({ id: institutions.id, name: institutions.name })
        .from(institutions)
        .where(inArray(institutions.id, ids))
    : [];
  const [call] = await db
    .select({ id: calls.id, title: calls.title, status: calls.status })
    .from(calls)
    .where(eq(calls.exerciseId, row.exercise.id))
    .orderBy(desc(calls.createdAt))
    .limit(1);
  const [secretariat] = await db
    .select({ id: secretariats.id })
    .from(secretariats)
    .where(eq(secretariats.exerciseId, row.exercise.id));
  const [carried] = await db
    .select({ n: count() })
    .from(lessonFollowUps)
    .where(eq(lessonFollowUps.exerciseId, row.exercise.id));
  return {
    exercise: row.exercise,
    previous: row.previous,
    call,
    quorumRule: row.origin.quorumRule,
    seats: row.origin.seats.map((s) => ({
      ...s,
      institution: names.find((n) => n.id === s.institutionId)?.name ?? null,
    })),
    seatsAppliedAt: row.origin.seatsAppliedAt,
    isSecretariatInstalled: Boolean(secretariat),
    lessons: Number(carried?.n ?? 0),
  };
}
export type StartingPoint = Awaited<ReturnType<typeof getStartingPoint>>;

/**
 * Once the new exercise's Secretariat is installed, an admin creates in it the seats carried over from the previous
 * one, through the Secretariat's own rules (addSeat: one guarantor, one facilitator, one seat per authority), once:
 * `notInstalled` before the installation, `alreadyApplied` the second time. Seats start empty: members are chosen
 * anew.
 */
export async function applyCarriedSeats(db: Db, exerciseId: string, options: { actor: ActingParty; now: Date }) {
  assertHoldsRole(options.actor, 'admin');
  return db.transaction(async (tx) => {
    const [origin] = await tx
      .select()
      .from(exerciseOrigins)
      .where(eq(exerciseOrigins.exerciseId, exerciseId))
      .for('update');
    if (!origin) throw notFound('exercise');
    if (origin.seatsAppliedAt) throw new AppError('conflict', 'the seats were created', { reason: 'alreadyApplied' });
    const [secretariat] = await tx
      .select({ id: secretariats.id })
      .from(secretariats)
      .where(eq(secretariats.exerciseId, exerciseId));
    if (!secretariat) throw new AppError('conflict', 'the Secretariat is not installed', { reason: 'notInstalled' });
    const [existing] = await tx
      .select({ n: count() })
      .from(secretariatSeats)
      .where(eq(secretariatSeats.secretariatId, secretariat.id));
    if (Number(existing?.n ?? 0) > 0)
      throw new AppError('conflict', 'the Secretariat has seats', { reason: 'hasSeats' });
    for (const seat of origin.seats)
      await addSeat(
        tx,
        secretariat.id,
        { kind: seat.kind, institutionId: seat.institutionId ?? undefined, label: seat.label ?? undefined },
        { actor: options.actor },
      );
    await tx
      .update(exerciseOrigins)
      .set({ seatsAppliedAt: options.now })
      .where(eq(exerciseOrigins.exerciseId, exerciseId));
    return origin.seats.length;
  });
}
