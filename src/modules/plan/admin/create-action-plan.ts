import { z } from 'zod';
import { calendarDate } from '../../../shared/calendar-date.js';
import type { Db } from '../../../db/client.js';
import { appendChange } from '../../audit/append-change.js';
import { conflict, ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputePlan } from '../core/recompute-progress.js';
import { actionPlans, planStatuses } from '../schema.js';

const isoDate = (field: string) => calendarDate(`${field}.invalid`);

/** What an admin writes of a plan. Messages are key suffixes of `plan.error.*`. */
export const planFields = z
  .object({
    title: z.string().trim().min(3, 'title.required').max(300, 'title.tooLong'),
    periodStart: isoDate('periodStart'),
    periodEnd: isoDate('periodEnd'),
    strategicVision: z.string().trim().min(3, 'strategicVision.required').max(20000, 'strategicVision.tooLong'),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { message: 'periodEnd.beforeStart', path: ['periodEnd'] });
export type PlanFields = z.input<typeof planFields>;

export const createActionPlanInput = z.intersection(
  planFields,
  z.object({ exerciseId: z.uuid(), status: z.enum(planStatuses).default('draft') }),
);

/** Creates the Action Plan of an exercise (one per exercise), logged and with its first progress point. */
export async function createActionPlan(db: Db, input: z.input<typeof createActionPlanInput>, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'create a plan');
  const values = createActionPlanInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(actionPlans).values(values).onConflictDoNothing().returning();
    if (!row) throw conflict('planExists');
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'action_plan',
      recordId: row.id,
      action: 'create',
      after: row,
      occurredAt: options.now,
    });
    await recomputePlan(tx, row.id, options.now);
    return row;
  });
}
