import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { exercises } from '../../exercises/schema.js';
import { moderatorRoles } from '../policy.js';
import { problemsOpenToProposals } from '../proposals/submit-proposal.js';
import { problems, workshopProblems, workshops } from '../schema.js';

const webAddress = z
  .string()
  .trim()
  .max(500, 'onlineUrl.invalid')
  .refine((value) => /^https?:\/\/[^\s/?#]+\.[^\s]+$/i.test(value), 'onlineUrl.invalid');

export const tableInput = z
  .object({
    title: z.string().trim().min(5, 'title.required').max(160, 'title.tooLong'),
    problemNumbers: z
      .array(z.coerce.number().int().min(1).max(1_000_000))
      .min(1, 'tableProblems.required')
      .transform((list) => [...new Set(list)].sort((a, b) => a - b)),
    startsAt: z.date('startsAt.invalid'),
    durationMinutes: z.coerce
      .number('duration.invalid')
      .int('duration.invalid')
      .min(30, 'duration.invalid')
      .max(720, 'duration.invalid'),
    place: z.string().trim().max(300, 'place.tooLong').optional(),
    onlineUrl: z.union([z.literal(''), webAddress]).optional(),
    facilitator: z.string().trim().min(3, 'facilitator.required').max(160, 'facilitator.tooLong'),
    capacity: z.coerce
      .number('capacity.invalid')
      .int('capacity.invalid')
      .min(1, 'capacity.invalid')
      .max(1000, 'capacity.invalid'),
    materials: z.string().trim().max(6000, 'materials.tooLong').optional(),
  })
  .refine((value) => Boolean(value.place) || Boolean(value.onlineUrl), {
    path: ['place'],
    message: 'where.required',
  });
export type TableInput = z.input<typeof tableInput>;

type WorkshopRow = typeof workshops.$inferSelect;

/** What the public change log keeps of a table: everything on its page (it has no personal data). */
export const tableLogView = (table: WorkshopRow, problemIds: readonly string[]) => ({
  exerciseId: table.exerciseId,
  number: table.number,
  title: table.title,
  startsAt: table.startsAt,
  endsAt: table.endsAt,
  place: table.place,
  onlineUrl: table.onlineUrl,
  facilitator: table.facilitator,
  capacity: table.capacity,
  materials: table.materials,
  problemIds: [...problemIds].sort(),
  status: table.status,
});

/**
 * Staff schedule a co-creation table of an exercise on admitted (or prioritised) problems: when, where (a place, a
 * link or both), who facilitates, how many people fit, and the materials published beforehand. Logged.
 */
export async function createTable(
  db: Db,
  exerciseId: string,
  input: TableInput,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const values = tableInput.parse(input);
  return db.transaction(async (tx) => {
    const [exercise] = await tx
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.id, exerciseId))
      .for('update');
    if (!exercise) throw notFound('exercise');
    const chosen = await tx
      .select({ id: problems.id, status: problems.status, hiddenAt: problems.hiddenAt })
      .from(problems)
      .where(and(eq(problems.exerciseId, exerciseId), inArray(problems.number, values.problemNumbers)));
    if (
      chosen.length !== values.problemNumbers.length ||
      chosen.some((problem) => problem.hiddenAt !== null || !problemsOpenToProposals.includes(problem.status))
    )
      throw new AppError('validation', 'only admitted problems', {
        field: 'problemNumbers',
        reason: 'tableProblems.invalid',
      });
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${workshops.number}), 0) + 1` })
      .from(workshops)
      .where(eq(workshops.exerciseId, exerciseId))) as [{ next: number }];
    const [table] = await tx
      .insert(workshops)
      .values({
        exerciseId,
        number: Number(next),
        title: values.title,
        startsAt: values.startsAt,
        endsAt: new Date(values.startsAt.getTime() + values.durationMinutes * 60_000),
        place: values.place || null,
        onlineUrl: values.onlineUrl || null,
        facilitator: values.facilitator,
        capacity: values.capacity,
        materials: values.materials ?? '',
        createdAt: options.now,
        updatedAt: options.now,
      })
      .returning();
    await tx
      .insert(workshopProblems)
      .values(chosen.map((problem) => ({ workshopId: table!.id, problemId: problem.id })));
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'workshop',
      recordId: table!.id,
      action: 'create',
      after: tableLogView(
        table!,
        chosen.map((problem) => problem.id),
      ),
      occurredAt: options.now,
    });
    return table!;
  });
}
