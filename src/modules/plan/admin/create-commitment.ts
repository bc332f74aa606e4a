import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { commitmentFields } from './commitment-fields.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { linksForLog, saveCommitmentLinks } from './save-commitment-links.js';
import { actionPlans, commitments, commitmentStatuses } from '../schema.js';

export const createCommitmentInput = z.intersection(
  commitmentFields,
  z.object({
    planId: z.uuid(),
    number: z.number().int().positive().optional(),
    status: z.enum(commitmentStatuses).default('draft'),
  }),
);

/** Adds a commitment to a plan, numbered after the last one unless a number is given. */
export async function createCommitment(db: Db, input: z.input<typeof createCommitmentInput>, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'create a commitment');
  const { municipalities, partners, number, ...values } = createCommitmentInput.parse(input);
  return db.transaction(async (tx) => {
    const [plan] = await tx.select({ id: actionPlans.id }).from(actionPlans).where(eq(actionPlans.id, values.planId));
    if (!plan) throw notFound('plan');
    const [last] = await tx
      .select({ n: max(commitments.number) })
      .from(commitments)
      .where(eq(commitments.planId, plan.id));
    const [row] = await tx
      .insert(commitments)
      .values({ ...values, number: number ?? (last?.n ?? 0) + 1 })
      .returning();
    await saveCommitmentLinks(tx, row!.id, { municipalities, partners });
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'commitment',
      recordId: row!.id,
      action: 'create',
      after: { ...row, ...linksForLog({ municipalities, partners }) },
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, row!.id, options.now);
    return row!;
  });
}
