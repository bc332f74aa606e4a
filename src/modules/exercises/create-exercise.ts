import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { exercisePhases, exercises, phases } from './schema.js';

const isoDate = z.iso.date();

export const createExerciseInput = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
    edition: z.number().int().positive(),
    title: z.string().trim().min(3).max(200),
    summary: z.string().trim().min(3).max(2000),
    stateCode: z.string().regex(/^\d{2}$/),
    periodStart: isoDate,
    periodEnd: isoDate,
    phase: z.enum(phases),
    convenerInstitutionId: z.uuid(),
    isDemo: z.boolean().default(false),
    timeline: z.array(z.object({ phase: z.enum(phases), startsOn: isoDate, endsOn: isoDate.optional() })).default([]),
  })
  .refine((value) => value.periodStart <= value.periodEnd, {
    message: 'the period must end after it starts',
    path: ['periodEnd'],
  });
export type CreateExerciseInput = z.input<typeof createExerciseInput>;

/** Creates an exercise with its planned timeline; the change log records both as one record. */
export async function createExercise(db: Db, input: CreateExerciseInput, actor: ActingParty) {
  assertHoldsRole(actor, 'admin');
  const changeActor = changeActorOf(actor);
  const { timeline, ...values } = createExerciseInput.parse(input);
  return db.transaction(async (tx) => {
    const [exercise] = await tx.insert(exercises).values(values).returning();
    const planned = timeline.map((entry) => ({
      phase: entry.phase,
      startsOn: entry.startsOn,
      endsOn: entry.endsOn ?? null,
    }));
    if (planned.length > 0)
      await tx.insert(exercisePhases).values(planned.map((entry) => ({ ...entry, exerciseId: exercise!.id })));
    await appendChange(tx, {
      actor: changeActor,
      recordType: 'exercise',
      recordId: exercise!.id,
      action: 'create',
      after: { ...exercise!, timeline: planned },
    });
    return exercise!;
  });
}
