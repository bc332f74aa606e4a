import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { nextStatuses } from './agreement-code.js';
import { agreements, agreementStatuses, agreementUpdates } from './schema.js';

export const followUpAgreementInput = z.object({
  status: z.enum(agreementStatuses, 'status.required'),
  note: z.string().trim().min(1, 'note.required').max(5000, 'note.tooLong'),
});
export type FollowUpAgreementInput = z.input<typeof followUpAgreementInput>;

/**
 * Records the follow-up of an approved agreement: pending -> in_progress -> fulfilled | cancelled, each move with a
 * note (`wrongMove` for any other move, `notApproved` for an agreement that was not approved).
 */
export async function followUpAgreement(
  db: Db,
  agreementId: string,
  input: FollowUpAgreementInput,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin', 'facilitator');
  const actor = changeActorOf(options.actor);
  const values = followUpAgreementInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
    if (!before) throw notFound('agreement');
    if (before.outcome !== 'approved') throw new AppError('conflict', 'not approved', { reason: 'notApproved' });
    if (values.status !== before.status && !nextStatuses[before.status].includes(values.status))
      throw new AppError('conflict', 'wrong move', { reason: 'wrongMove' });
    const [update] = await tx
      .insert(agreementUpdates)
      .values({ agreementId, status: values.status, note: values.note })
      .returning();
    const [after] = await tx
      .update(agreements)
      .set({ status: values.status })
      .where(eq(agreements.id, agreementId))
      .returning();
    await appendChange(tx, {
      actor,
      recordType: 'agreement',
      recordId: agreementId,
      action: 'update',
      before,
      after: { ...after, note: update!.note },
    });
    return after!;
  });
}
