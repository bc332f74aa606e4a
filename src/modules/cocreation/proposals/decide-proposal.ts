import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { exercises } from '../../exercises/schema.js';
import { commitmentNumberField, addOrigin } from '../origins/link-origin.js';
import { proposalPath } from '../paths.js';
import { moderatorRoles } from '../policy.js';
import { assertAgreementExists, emailPeople, reasonFields, recordResponse } from '../reasoned-decision.js';
import { proposalOutcomes, proposals } from '../schema.js';

export const decideProposalInput = z
  .object({
    outcome: z.enum(proposalOutcomes, 'outcome.required'),
    ...reasonFields,
    commitmentNumber: z.union([z.literal(''), commitmentNumberField]).optional(),
  })
  .refine((value) => value.outcome === 'accepted' || typeof value.commitmentNumber !== 'number', {
    path: ['commitmentNumber'],
    message: 'commitmentNumber.onlyAccepted',
  });
export type DecideProposalInput = z.input<typeof decideProposalInput>;

/**
 * The explicit act that decides a proposal: accepted (it becomes, or becomes part of, a commitment of the plan) or
 * rejected, always with a reason code (the same list as a problem's) and an explanation, and the Secretariat's
 * agreement when it decided. An accepted proposal may name the commitment it became (a link, as linkOrigin makes).
 * Only a proposal still proposed is decided. Logged (its followers hear of it); its author gets an e-mail.
 */
export async function decideProposal(
  db: Db,
  proposalId: string,
  input: DecideProposalInput,
  options: { actor: ActingParty; now: Date; baseUrl: string; siteName: string },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const values = decideProposalInput.parse(input);
  const agreementCode = values.agreementCode || null;
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for('update');
    if (!before) throw notFound('proposal');
    if (before.status !== 'proposed' || before.hiddenAt !== null)
      throw new AppError('conflict', `cannot decide a ${before.status} proposal`, { reason: 'wrongMove' });
    await assertAgreementExists(tx, before.exerciseId, agreementCode);
    if (typeof values.commitmentNumber === 'number')
      await addOrigin(tx, { type: 'proposal', id: proposalId }, values.commitmentNumber, options);
    const [after] = await tx
      .update(proposals)
      .set({ status: values.outcome, updatedAt: options.now })
      .where(eq(proposals.id, proposalId))
      .returning();
    const response = await recordResponse(
      tx,
      {
        exerciseId: before.exerciseId,
        subjectType: 'proposal',
        subjectId: proposalId,
        outcome: values.outcome,
        reasonCode: values.reasonCode,
        explanation: values.explanation,
        agreementCode,
      },
      { actor: options.actor, actorLabel: actor.label, now: options.now },
    );
    await appendChange(tx, {
      actor,
      recordType: 'proposal',
      recordId: proposalId,
      action: 'update',
      before: { status: before.status },
      after: { status: after!.status, reasonCode: values.reasonCode, explanation: values.explanation, agreementCode },
      occurredAt: options.now,
    });
    const [exercise] = await tx
      .select({ slug: exercises.slug })
      .from(exercises)
      .where(eq(exercises.id, before.exerciseId));
    await emailPeople(tx, [before.authorId], {
      siteName: options.siteName,
      subject: (t) => t('cocreation.proposalEmail.subject', { number: before.number }),
      paragraphs: (t) => [
        t('cocreation.proposalEmail.decided', {
          number: before.number,
          title: before.title,
          outcome: t(`cocreation.outcome.${values.outcome}`),
        }),
        t('cocreation.email.reason', { reason: t(`cocreation.reason.${values.reasonCode}`) }),
        values.explanation,
        agreementCode ? t('cocreation.email.agreement', { code: agreementCode }) : '',
        t('cocreation.email.see', {
          url: new URL(proposalPath(exercise!.slug, before.number), options.baseUrl).toString(),
        }),
      ],
    });
    return { proposal: after!, response };
  });
}
