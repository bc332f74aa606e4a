import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { planFields } from './create-action-plan.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { actionPlans, planStatuses } from '../schema.js';

export const updateActionPlanInput = z.intersection(
  planFields,
  z.object({ status: z.enum(planStatuses), approvalAgreementId: z.uuid().nullable().optional() }),
);

/** Corrects a plan's title, period, vision or status (approval refers to a Secretariat agreement). */
export async function updateActionPlan(
  db: Db,
  planId: string,
  input: z.input<typeof updateActionPlanInput>,
  options: WriteOptions,
) {
  ensure(options.actor, canManagePlan, 'update a plan');
  const values = updateActionPlanInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(actionPlans).where(eq(actionPlans.id, planId));
    if (!before) throw notFound('plan');
    const [after] = await tx.update(actionPlans).set(values).where(eq(actionPlans.id, planId)).returning();
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'action_plan',
      recordId: planId,
      action: 'update',
      before,
      after,
      occurredAt: options.now,
    });
    return after!;
  });
}
