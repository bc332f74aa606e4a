import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { exercises } from '../exercises/schema.js';
import { moderatorRoles } from './policy.js';
import { problemPath } from './paths.js';
import { assertAgreementExists, emailPeople, reasonFields, recordResponse } from './reasoned-decision.js';
import { problemOutcomes, problems, problemSupports, type ProblemStatus } from './schema.js';

export { EXPLANATION_MAX, SECRETARIAT_LABEL } from './reasoned-decision.js';

export const decideProblemInput = z
  .object({
    outcome: z.enum(problemOutcomes, 'outcome.required'),
    ...reasonFields,
    mergedIntoNumber: z
      .union([
        z.literal(''),
        z.coerce
          .number('mergedIntoNumber.invalid')
          .int('mergedIntoNumber.invalid')
          .min(1, 'mergedIntoNumber.invalid')
          .max(1_000_000, 'mergedIntoNumber.invalid'),
      ])
      .optional(),
  })
  .refine((value) => value.outcome !== 'merged' || typeof value.mergedIntoNumber === 'number', {
    path: ['mergedIntoNumber'],
    message: 'mergedIntoNumber.required',
  });
export type DecideProblemInput = z.input<typeof decideProblemInput>;

/** From which states each disposition may be taken: the final ones (discarded, merged, not selected) lead nowhere. */
export const dispositionFrom: Record<(typeof problemOutcomes)[number], readonly ProblemStatus[]> = {
  admitted: ['proposed'],
  discarded: ['proposed', 'admitted'],
  merged: ['proposed', 'admitted'],
  not_selected: ['admitted', 'prioritized'],
};

/**
 * Disposes of a problem with a reasoned response: admitted, discarded, merged into another problem of the exercise,
 * or not selected, always with a reason code and an explanation, and the Secretariat's agreement when it decided.
 * The response names who decided by role (and institution), or the Secretariat when it decided by an agreement,
 * never a person. The change is logged (its followers hear of it) and the author, if the problem has one, gets an
 * e-mail in their language. Merged, its supporters are told by e-mail that their support now counts for the other
 * problem (support-count.ts: each person once); undoMerge takes a merge back.
 */
export async function decideProblem(
  db: Db,
  problemId: string,
  input: DecideProblemInput,
  options: { actor: ActingParty; now: Date; baseUrl: string; siteName: string },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const values = decideProblemInput.parse(input);
  const agreementCode = values.agreementCode || null;
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(problems).where(eq(problems.id, problemId)).for('update');
    if (!before) throw notFound('problem');
    if (!dispositionFrom[values.outcome].includes(before.status))
      throw new AppError('conflict', `cannot go from ${before.status} to ${values.outcome}`, { reason: 'wrongMove' });
    await assertAgreementExists(tx, before.exerciseId, agreementCode);
    const mergedInto =
      values.outcome === 'merged' ? await mergeTarget(tx, before, values.mergedIntoNumber as number) : null;
    const [after] = await tx
      .update(problems)
      .set({ status: values.outcome, mergedIntoId: mergedInto?.id ?? null })
      .where(eq(problems.id, problemId))
      .returning();
    const response = await recordResponse(
      tx,
      {
        exerciseId: before.exerciseId,
        subjectType: 'problem',
        subjectId: problemId,
        outcome: values.outcome,
        reasonCode: values.reasonCode,
        explanation: values.explanation,
        agreementCode,
      },
      { actor: options.actor, actorLabel: actor.label, now: options.now },
    );
    const disposition = { reasonCode: values.reasonCode, explanation: values.explanation, agreementCode };
    await appendChange(tx, {
      actor,
      recordType: 'problem',
      recordId: problemId,
      action: 'update',
      before: { status: before.status, mergedIntoId: before.mergedIntoId },
      after: { status: after!.status, mergedIntoId: after!.mergedIntoId, ...disposition },
      occurredAt: options.now,
    });
    const [exercise] = await tx
      .select({ slug: exercises.slug })
      .from(exercises)
      .where(eq(exercises.id, before.exerciseId));
    const url = (number: number) => new URL(problemPath(exercise!.slug, number), options.baseUrl).toString();
    await emailPeople(tx, [before.authorId], {
      siteName: options.siteName,
      subject: (t) => t('cocreation.email.subject', { number: before.number }),
      paragraphs: (t) => [
        t('cocreation.email.decided', {
          number: before.number,
          title: before.title,
          outcome: t(`cocreation.outcome.${values.outcome}`),
        }),
        t('cocreation.email.reason', { reason: t(`cocreation.reason.${values.reasonCode}`) }),
        values.explanation,
        agreementCode ? t('cocreation.email.agreement', { code: agreementCode }) : '',
        t('cocreation.email.see', { url: url(before.number) }),
      ],
    });
    if (mergedInto) {
      // Its supporters are told where their support now counts.
      const supporters = await tx
        .select({ userId: problemSupports.userId })
        .from(problemSupports)
        .where(eq(problemSupports.problemId, problemId));
      await emailPeople(
        tx,
        supporters.map((s) => s.userId),
        {
          siteName: options.siteName,
          subject: (t) => t('cocreation.mergeEmail.subject', { number: before.number }),
          paragraphs: (t) => [
            t('cocreation.mergeEmail.body', {
              number: before.number,
              title: before.title,
              into: mergedInto.number,
              intoTitle: mergedInto.title,
            }),
            values.explanation,
            t('cocreation.mergeEmail.counted', { into: mergedInto.number }),
            t('cocreation.email.see', { url: url(mergedInto.number) }),
          ],
        },
      );
    }
    return { problem: after!, response };
  });
}

type ProblemRow = typeof problems.$inferSelect;

/**
 * The problem another one is merged into: a visible problem of the same exercise that is neither merged nor discarded.
 * A problem that others were merged into cannot itself be merged (its merges are undone first), so a count is never
 * more than one level deep.
 */
async function mergeTarget(tx: Db, from: ProblemRow, number: number) {
  const invalid = () =>
    new AppError('validation', 'no such problem to merge into', {
      field: 'mergedIntoNumber',
      reason: 'mergedIntoNumber.invalid',
    });
  const [target] = await tx
    .select()
    .from(problems)
    .where(and(eq(problems.exerciseId, from.exerciseId), eq(problems.number, number)));
  if (!target || target.id === from.id || ['merged', 'discarded'].includes(target.status) || target.hiddenAt !== null)
    throw invalid();
  const [child] = await tx
    .select({ id: problems.id })
    .from(problems)
    .where(eq(problems.mergedIntoId, from.id))
    .limit(1);
  if (child)
    throw new AppError('validation', 'others were merged into this problem', {
      field: 'mergedIntoNumber',
      reason: 'mergedIntoNumber.hasMerged',
    });
  return target;
}
