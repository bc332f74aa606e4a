import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { exercises } from '../../exercises/schema.js';
import { problemPath } from '../paths.js';
import { moderatorRoles } from '../policy.js';
import { assertAgreementExists, EXPLANATION_MAX, emailPeople, recordResponse } from '../reasoned-decision.js';
import { prioritisations, problems } from '../schema.js';
import { prioritisationOf } from './criteria.js';

export const selectProblemsInput = z.object({
  problemNumbers: z
    .array(z.coerce.number().int().min(1).max(1_000_000))
    .min(1, 'problemNumbers.required')
    .transform((list) => [...new Set(list)]),
  agreementCode: z.string().trim().min(1, 'selectionAgreement.required').max(60, 'agreementCode.unknown'),
  explanation: z.string().trim().min(20, 'explanation.required').max(EXPLANATION_MAX, 'explanation.tooLong'),
});

/**
 * The Secretariat's selection, tied to its agreement: the chosen admitted problems are prioritised (they go on to the
 * co-creation tables), each with a reasoned response (meets the criteria, the explanation, the agreement) and an
 * e-mail to its author. The criteria must be published; the selection is made once, and freezes the scores. The
 * problems not chosen stay admitted until they are disposed of one by one (not selected, with their reason).
 */
export async function selectProblems(
  db: Db,
  exerciseId: string,
  input: z.input<typeof selectProblemsInput>,
  options: { actor: ActingParty; now: Date; baseUrl: string; siteName: string },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const values = selectProblemsInput.parse(input);
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const prioritisation = await prioritisationOf(tx, exerciseId);
    if (prioritisation.publishedAt === null)
      throw new AppError('conflict', 'criteria not published', { reason: 'criteriaNotPublished' });
    if (prioritisation.selectedAt !== null)
      throw new AppError('conflict', 'the selection is made', { reason: 'selectionMade' });
    await assertAgreementExists(tx, exerciseId, values.agreementCode);
    const chosen = await tx
      .select()
      .from(problems)
      .where(and(eq(problems.exerciseId, exerciseId), inArray(problems.number, values.problemNumbers)))
      .for('update');
    if (
      chosen.length !== values.problemNumbers.length ||
      chosen.some((problem) => problem.status !== 'admitted' || problem.hiddenAt !== null)
    )
      throw new AppError('validation', 'only admitted problems are selected', {
        field: 'problemNumbers',
        reason: 'problemNumbers.invalid',
      });
    const [exercise] = await tx.select({ slug: exercises.slug }).from(exercises).where(eq(exercises.id, exerciseId));
    for (const problem of chosen) {
      await tx.update(problems).set({ status: 'prioritized' }).where(eq(problems.id, problem.id));
      const disposition = {
        reasonCode: 'meets_criteria' as const,
        explanation: values.explanation,
        agreementCode: values.agreementCode,
      };
      await recordResponse(
        tx,
        { exerciseId, subjectType: 'problem', subjectId: problem.id, outcome: 'prioritized', ...disposition },
        { actor: options.actor, actorLabel: actor.label, now: options.now },
      );
      await appendChange(tx, {
        actor,
        recordType: 'problem',
        recordId: problem.id,
        action: 'update',
        before: { status: problem.status },
        after: { status: 'prioritized', ...disposition },
        occurredAt: options.now,
      });
      await emailPeople(tx, [problem.authorId], {
        siteName: options.siteName,
        subject: (t) => t('cocreation.email.subject', { number: problem.number }),
        paragraphs: (t) => [
          t('cocreation.email.decided', {
            number: problem.number,
            title: problem.title,
            outcome: t('cocreation.outcome.prioritized'),
          }),
          values.explanation,
          t('cocreation.email.agreement', { code: values.agreementCode }),
          t('cocreation.email.see', {
            url: new URL(problemPath(exercise!.slug, problem.number), options.baseUrl).toString(),
          }),
        ],
      });
    }
    await tx
      .update(prioritisations)
      .set({ selectionAgreementCode: values.agreementCode, selectedAt: options.now, updatedAt: options.now })
      .where(eq(prioritisations.id, prioritisation.id));
    await appendChange(tx, {
      actor,
      recordType: 'prioritisation',
      recordId: prioritisation.id,
      action: 'update',
      before: { selectionAgreementCode: null, selectedAt: null },
      after: { selectionAgreementCode: values.agreementCode, selectedAt: options.now },
      occurredAt: options.now,
    });
  });
}
