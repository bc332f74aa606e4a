import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { moderatorRoles } from '../policy.js';
import { prioritisations, priorityCriteria } from '../schema.js';

export const criterionInput = z.object({
  name: z.string().trim().min(3, 'criterionName.required').max(120, 'criterionName.tooLong'),
  description: z.string().trim().min(10, 'criterionDescription.required').max(1000, 'criterionDescription.tooLong'),
  weight: z.coerce.number('weight.invalid').int('weight.invalid').min(1, 'weight.invalid').max(100, 'weight.invalid'),
});

/** The exercise's prioritisation row (made on first use), locked for the rest of the transaction. */
export async function prioritisationOf(tx: Db, exerciseId: string) {
  await tx.insert(prioritisations).values({ exerciseId }).onConflictDoNothing();
  const [row] = await tx.select().from(prioritisations).where(eq(prioritisations.exerciseId, exerciseId)).for('update');
  return row!;
}

/** Refuses (409) once the criteria are published: from then on they are what every score is weighed by. */
const assertDraft = (prioritisation: typeof prioritisations.$inferSelect) => {
  if (prioritisation.publishedAt !== null)
    throw new AppError('conflict', 'the criteria are published', { reason: 'criteriaPublished' });
};

/** Staff add a weighted criterion to the exercise's prioritisation while its criteria are not yet published. */
export async function addCriterion(
  db: Db,
  exerciseId: string,
  input: z.input<typeof criterionInput>,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const values = criterionInput.parse(input);
  return db.transaction(async (tx) => {
    assertDraft(await prioritisationOf(tx, exerciseId));
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${priorityCriteria.position}), 0) + 1` })
      .from(priorityCriteria)
      .where(eq(priorityCriteria.exerciseId, exerciseId))) as [{ next: number }];
    const [criterion] = await tx
      .insert(priorityCriteria)
      .values({ exerciseId, position: Number(next), ...values, createdAt: options.now, updatedAt: options.now })
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'priority_criterion',
      recordId: criterion!.id,
      action: 'create',
      after: { exerciseId, position: criterion!.position, ...values },
      occurredAt: options.now,
    });
    return criterion!;
  });
}

/** Staff take a criterion out while the criteria are not yet published (nothing was scored on it). */
export async function removeCriterion(
  db: Db,
  exerciseId: string,
  criterionId: string,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  return db.transaction(async (tx) => {
    assertDraft(await prioritisationOf(tx, exerciseId));
    const [removed] = await tx
      .delete(priorityCriteria)
      .where(and(eq(priorityCriteria.id, criterionId), eq(priorityCriteria.exerciseId, exerciseId)))
      .returning();
    if (!removed) throw notFound('criterion');
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'priority_criterion',
      recordId: removed.id,
      action: 'delete',
      before: {
        exerciseId,
        position: removed.position,
        name: removed.name,
        description: removed.description,
        weight: removed.weight,
      },
      occurredAt: options.now,
    });
  });
}

/**
 * The Secretariat publishes its weighted criteria, before any problem is scored: from then on they cannot change, and
 * the ranking page shows them. At least one criterion is needed.
 */
export async function publishCriteria(db: Db, exerciseId: string, options: { actor: ActingParty; now: Date }) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  return db.transaction(async (tx) => {
    const prioritisation = await prioritisationOf(tx, exerciseId);
    assertDraft(prioritisation);
    const criteria = await tx
      .select({ id: priorityCriteria.id })
      .from(priorityCriteria)
      .where(eq(priorityCriteria.exerciseId, exerciseId))
      .orderBy(asc(priorityCriteria.position));
    if (criteria.length === 0) throw new AppError('conflict', 'no criteria', { reason: 'noCriteria' });
    const [after] = await tx
      .update(prioritisations)
      .set({ publishedAt: options.now, updatedAt: options.now })
      .where(eq(prioritisations.id, prioritisation.id))
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'prioritisation',
      recordId: prioritisation.id,
      action: 'update',
      before: { exerciseId, publishedAt: null },
      after: { exerciseId, publishedAt: options.now },
      occurredAt: options.now,
    });
    return after!;
  });
}
