import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { conflict, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { cancelInput } from './update-milestone.js';
import { writeActivity } from '../core/write-activity.js';

/** Cancels an activity with a public reason; it leaves its milestone's mean. A verified activity stays as it is. */
export async function cancelActivity(
  db: Db,
  activityId: string,
  input: z.input<typeof cancelInput>,
  options: WriteOptions,
) {
  const { reason } = cancelInput.parse(input);
  return writeActivity(
    db,
    activityId,
    options,
    (actor) => canManagePlan(actor),
    (_tx, activity) => {
      if (activity.status === 'verified' || activity.status === 'cancelled') throw conflict('notCancellable');
      return { status: 'cancelled', cancellationReason: reason };
    },
  );
}
