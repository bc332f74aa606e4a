import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { redactPerson, type PersonalDataDeclaration, type PersonalDataSubject } from '../../kernel/personal-data.js';
import { arcoRequests, consents } from './schema.js';

/**
 * The person's ARCO requests stay as the record of how each was handled (deadlines are audited), with the person's
 * identifiers taken out of their texts; their consents stay as the record of what they consented to, marked
 * withdrawn at the cancellation and pointing only to the anonymous account.
 */
async function anonymisePrivacy(tx: Db, subject: PersonalDataSubject, { now }: { now: Date }) {
  await tx
    .update(consents)
    .set({ withdrawnAt: now })
    .where(and(eq(consents.userId, subject.userId), isNull(consents.withdrawnAt)));
  const requests = await tx
    .select({ id: arcoRequests.id, description: arcoRequests.description, answer: arcoRequests.answer })
    .from(arcoRequests)
    .where(eq(arcoRequests.userId, subject.userId));
  for (const request of requests) {
    const description = redactPerson(request.description, subject);
    const answer = request.answer === null ? null : redactPerson(request.answer, subject);
    if (description !== request.description || answer !== request.answer)
      await tx.update(arcoRequests).set({ description, answer }).where(eq(arcoRequests.id, request.id));
  }
}

/** Privacy: the person's consents and ARCO requests (and the requests they answered as an admin). */
export const privacyPersonalData: PersonalDataDeclaration = {
  tables: [
    { table: consents, byUser: [consents.userId] },
    { table: arcoRequests, byUser: [arcoRequests.userId, arcoRequests.answeredBy] },
  ],
  anonymise: anonymisePrivacy,
};
