import { asc, desc, eq, ne, and } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { createCall } from '../../calls/create-call.js';
import { zonedTimeToUtc } from '../../calls/local-time.js';
import { calls } from '../../calls/read-models.js';
import { createExercise } from '../../exercises/create-exercise.js';
import { exercises } from '../../exercises/schema.js';
import { secretariats, secretariatSeats } from '../../secretariat/read-models.js';
import { exerciseOrigins, lessonFollowUps, lessons, type CarriedSeat } from '../schema.js';

const isoDate = z.iso.date('date.invalid');

export const nextExerciseInput = z
  .object({
    previousExerciseId: z.uuid('previousExerciseId.required'),
    slug: z
      .string()
      .trim()
      .min(1, 'slug.required')
      .max(80, 'slug.invalid')
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug.invalid'),
    title: z.string().trim().min(3, 'title.required').max(200, 'title.tooLong'),
    summary: z.string().trim().min(3, 'summary.required').max(2000, 'summary.tooLong'),
    periodStart: isoDate,
    periodEnd: isoDate,
  })
  .refine((v) => v.periodStart <= v.periodEnd, { message: 'periodEnd.beforeStart', path: ['periodEnd'] });
export type NextExerciseInput = z.input<typeof nextExerciseInput>;

/** The previous exercise's public call, as the draft text of the next one (opening at the new period's start). */
async function carryCall(
  tx: Db,
  previousId: string,
  next: { id: string; stateCode: string; periodStart: string },
  options: { actor: ActingParty; timeZone: string },
) {
  const [call] = await tx
    .select()
    .from(calls)
    .where(and(eq(calls.exerciseId, previousId), ne(calls.status, 'draft')))
    .orderBy(desc(calls.opensAt))
    .limit(1);
  if (!call) return undefined;
  const opensAt = zonedTimeToUtc(next.periodStart, '09:00', options.timeZone)!;
  const length = Math.max(call.closesAt.getTime() - call.opensAt.getTime(), 86_400_000);
  return createCall(
    tx,
    {
      exerciseId: next.id,
      eligibleStateCode: next.stateCode,
      status: 'draft',
      title: call.title,
      summary: call.summary,
      considerations: call.considerations,
      generalObjective: call.generalObjective,
      specificObjectives: call.specificObjectives,
      requirements: call.requirements,
      themes: call.themes,
      themesEn: call.themesEn,
      opensAt,
      closesAt: new Date(opensAt.getTime() + length),
      contactEmail: call.contactEmail,
    },
    options.actor,
  );
}

/** The previous Secretariat's composition: its quorum rule and its seats (kind, institution, label), no holders. */
async function carryComposition(tx: Db, previousId: string) {
  const [secretariat] = await tx
    .select({ id: secretariats.id, quorumRule: secretariats.quorumRule })
    .from(secretariats)
    .where(eq(secretariats.exerciseId, previousId));
  if (!secretariat) return { quorumRule: null, seats: [] as CarriedSeat[] };
  const seats = await tx
    .select({
      kind: secretariatSeats.kind,
      institutionId: secretariatSeats.institutionId,
      label: secretariatSeats.label,
    })
    .from(secretariatSeats)
    .where(eq(secretariatSeats.secretariatId, secretariat.id))
    .orderBy(asc(secretariatSeats.position));
  return { quorumRule: secretariat.quorumRule, seats };
}

/**
 * An admin creates the next exercise from a previous one, as a starting point: the new exercise (next edition, same
 * state and convening institution, in its first phase), a draft of its call with the previous call's text, the
 * previous Secretariat's composition (quorum rule and seats with their institutions, to create once the new
 * Secretariat is installed) and the previous exercise's lessons, each pending until staff say whether it was
 * addressed. Never anyone's personal data: no sign-up, no Secretariat member, no account is copied.
 */
export async function startNextExercise(
  db: Db,
  input: NextExerciseInput,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  assertHoldsRole(options.actor, 'admin');
  const values = nextExerciseInput.parse(input);
  return db.transaction(async (tx) => {
    const [previous] = await tx.select().from(exercises).where(eq(exercises.id, values.previousExerciseId));
    if (!previous) throw notFound('exercise');
    const [taken] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, values.slug));
    if (taken)
      throw new AppError('validation', 'the address is taken', { issues: [{ path: ['slug'], message: 'slug.taken' }] });
    const exercise = await createExercise(
      tx,
      {
        slug: values.slug,
        edition: previous.edition + 1,
        title: values.title,
        summary: values.summary,
        stateCode: previous.stateCode,
        periodStart: values.periodStart,
        periodEnd: values.periodEnd,
        phase: 'sensitization',
        convenerInstitutionId: previous.convenerInstitutionId,
      },
      options.actor,
    );
    const call = await carryCall(tx, previous.id, exercise, options);
    const composition = await carryComposition(tx, previous.id);
    const [origin] = await tx
      .insert(exerciseOrigins)
      .values({ exerciseId: exercise.id, previousExerciseId: previous.id, ...composition })
      .returning();
    const carried = await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.exerciseId, previous.id));
    if (carried.length)
      await tx.insert(lessonFollowUps).values(
        carried.map((l) => ({
          exerciseId: exercise.id,
          lessonId: l.id,
          createdAt: options.now,
          updatedAt: options.now,
        })),
      );
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'exercise_origin',
      recordId: exercise.id,
      action: 'create',
      after: {
        exerciseId: exercise.id,
        previousExerciseId: previous.id,
        quorumRule: origin!.quorumRule,
        seats: origin!.seats,
        lessonIds: carried.map((l) => l.id),
      },
      occurredAt: options.now,
    });
    return { exercise, call, origin: origin!, lessons: carried.length };
  });
}
