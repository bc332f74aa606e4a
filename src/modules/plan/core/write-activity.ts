import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../kernel/actor.js';
import { appendChange } from '../../audit/append-change.js';
import { loadActivity } from './load-activity.js';
import { ensure, logActor, type WriteOptions } from './plan-actor.js';
import { recomputeCommitment } from './recompute-progress.js';
import { activities } from '../schema.js';

type ActivityRow = typeof activities.$inferSelect;

/**
 * The one way activities change: load it, check who may (`isAllowed`), let `decide` check the rules and return the
 * changes, write, log the before and after, and recompute progress, all in one transaction.
 */
export async function writeActivity(
  db: Db,
  activityId: string,
  options: WriteOptions,
  isAllowed: (actor: Actor, activity: ActivityRow) => boolean,
  decide: (
    tx: Db,
    activity: ActivityRow,
  ) => Promise<Partial<typeof activities.$inferInsert>> | Partial<typeof activities.$inferInsert>,
) {
  return db.transaction(async (tx) => {
    const { activity: before, commitmentId } = await loadActivity(tx, activityId);
    ensure(options.actor, (actor) => isAllowed(actor, before), 'change this activity');
    const changes = await decide(tx, before);
    const [after] = await tx.update(activities).set(changes).where(eq(activities.id, activityId)).returning();
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'activity',
      recordId: activityId,
      action: 'update',
      before,
      after,
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, commitmentId, options.now);
    return after!;
  });
}
