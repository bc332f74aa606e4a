import { eq, max } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { activityFields, type ActivityFields } from './milestone-fields.js';
import { ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { activities, milestones } from '../schema.js';

/** Adds an activity to a milestone, not started; the milestone's mean now counts it. */
export async function createActivity(db: Db, milestoneId: string, input: ActivityFields, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'create an activity');
  const values = activityFields.parse(input);
  return db.transaction(async (tx) => {
    const [milestone] = await tx
      .select({ id: milestones.id, commitmentId: milestones.commitmentId })
      .from(milestones)
      .where(eq(milestones.id, milestoneId));
    if (!milestone) throw notFound('milestone');
    const [last] = await tx
      .select({ n: max(activities.position) })
      .from(activities)
      .where(eq(activities.milestoneId, milestoneId));
    const [row] = await tx
      .insert(activities)
      .values({ ...values, milestoneId, position: values.position ?? (last?.n ?? 0) + 1 })
      .returning();
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'activity',
      recordId: row!.id,
      action: 'create',
      after: row,
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, milestone.commitmentId, options.now);
    return row!;
  });
}
