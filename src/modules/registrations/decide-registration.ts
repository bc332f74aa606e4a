import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { registrations } from './schema.js';

export const decisionInput = z
  .object({
    decision: z.enum(['accepted', 'rejected'], 'decision.required'),
    reason: z.string().trim().max(2000, 'reason.tooLong').optional(),
  })
  .refine((value) => value.decision !== 'rejected' || (value.reason && value.reason.length >= 5), {
    message: 'reason.required',
    path: ['reason'],
  });

/**
 * Accepts or rejects a confirmed registration. The decision goes to the public change log with the status and
 * reason only: the registrant's personal data never enter it.
 */
export async function decideRegistration(
  db: Db,
  registrationId: string,
  input: z.infer<typeof decisionInput>,
  actor: ActingParty,
  now: Date,
) {
  assertHoldsRole(actor, 'admin');
  const changeActor = changeActorOf(actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).limit(1);
    if (!before) throw new AppError('not_found', 'registration');
    if (before.status === 'pending_confirmation' || before.status === 'withdrawn')
      throw new AppError('conflict', 'not confirmed', { reason: 'notConfirmed' });
    const reason = input.decision === 'rejected' ? input.reason! : null;
    const [after] = await tx
      .update(registrations)
      .set({ status: input.decision, rejectionReason: reason, decidedAt: now, decidedBy: changeActor.id })
      .where(eq(registrations.id, registrationId))
      .returning();
    await appendChange(tx, {
      actor: changeActor,
      recordType: 'registration',
      recordId: registrationId,
      action: 'update',
      before: { status: before.status, rejectionReason: before.rejectionReason },
      after: { status: after!.status, rejectionReason: after!.rejectionReason },
    });
    return after!;
  });
}
