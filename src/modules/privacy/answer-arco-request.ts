import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';
import { arcoRequests } from './schema.js';
import { addBusinessDays } from './business-days.js';
import { ARCO_EXTENSION_BUSINESS_DAYS } from './file-arco-request.js';

export const answerArcoRequestInput = z.object({
  decision: z.enum(['answered', 'rejected', 'extended'], 'decision.required'),
  answer: z.string().trim().min(10, 'answer.tooShort').max(10000, 'answer.tooLong'),
});

/**
 * An admin answers an ARCO request, rejects it with reasons, or extends its deadline once by 10 business days
 * (the law allows a single extension, with a justification, which goes in `answer`).
 */
export async function answerArcoRequest(
  db: Db,
  actor: ActingParty,
  requestId: string,
  input: z.infer<typeof answerArcoRequestInput>,
  now: Date,
) {
  assertHoldsRole(actor, 'admin');
  const answeredBy = isSystemActor(actor) ? null : actor.userId;
  await db.transaction(async (tx) => {
    const [request] = await tx.select().from(arcoRequests).where(eq(arcoRequests.id, requestId)).limit(1);
    if (!request) throw new AppError('not_found', 'ARCO request');
    if (request.status === 'answered' || request.status === 'rejected')
      throw new AppError('conflict', 'already closed', { reason: 'closed' });
    if (input.decision === 'extended') {
      if (request.extendedDueOn) throw new AppError('conflict', 'already extended', { reason: 'alreadyExtended' });
      await tx
        .update(arcoRequests)
        .set({
          status: 'extended',
          extendedDueOn: addBusinessDays(request.dueOn, ARCO_EXTENSION_BUSINESS_DAYS),
          answer: input.answer,
        })
        .where(eq(arcoRequests.id, requestId));
      return;
    }
    await tx
      .update(arcoRequests)
      .set({ status: input.decision, answer: input.answer, answeredAt: now, answeredBy })
      .where(eq(arcoRequests.id, requestId));
  });
}
