import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { translator } from '../../web/i18n/i18n.js';
import { users } from '../accounts/read-models.js';
import { appendChange } from '../audit/append-change.js';
import { exercises } from '../exercises/schema.js';
import { queueEmail } from '../notifications/queue-email.js';
import { agreements } from '../secretariat/read-models.js';
import { moderatorRoles } from './policy.js';
import { problemPath } from './paths.js';
import {
  problems,
  reasonCodes,
  reasonedResponses,
  responseOutcomes,
  type ProblemStatus,
  type ResponseOutcome,
} from './schema.js';

export const EXPLANATION_MAX = 4000;
/**
 * Who decided, when the decision is an agreement of the Secretariat (public data are in Spanish, as the change log's).
 */
export const SECRETARIAT_LABEL = 'Secretariado Técnico Local';

export const decideProblemInput = z
  .object({
    outcome: z.enum(responseOutcomes, 'outcome.required'),
    reasonCode: z.enum(reasonCodes, 'reasonCode.required'),
    explanation: z.string().trim().min(20, 'explanation.required').max(EXPLANATION_MAX, 'explanation.tooLong'),
    agreementCode: z.string().trim().max(60, 'agreementCode.unknown').optional(),
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
export const dispositionFrom: Record<ResponseOutcome, readonly ProblemStatus[]> = {
  admitted: ['proposed'],
  discarded: ['proposed', 'admitted'],
  merged: ['proposed', 'admitted'],
  not_selected: ['admitted'],
};

/**
 * Disposes of a problem with a reasoned response: admitted, discarded, merged into another problem of the exercise,
 * or not selected, always with a reason code and an explanation, and the Secretariat's agreement when it decided.
 * The response names who decided by role (and institution), or the Secretariat when it decided by an agreement,
 * never a person. The change is logged (its followers
 * hear of it) and the author, if the problem has one, gets an e-mail in their language.
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
  const mergedIntoNumber = typeof values.mergedIntoNumber === 'number' ? values.mergedIntoNumber : null;
  const actor = changeActorOf(options.actor);
  const deciderInstitutionId = isSystemActor(options.actor)
    ? null
    : (options.actor.roles.find((role) => role.institutionId !== null)?.institutionId ?? null);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(problems).where(eq(problems.id, problemId)).for('update');
    if (!before) throw notFound('problem');
    if (!dispositionFrom[values.outcome].includes(before.status))
      throw new AppError('conflict', `cannot go from ${before.status} to ${values.outcome}`, { reason: 'wrongMove' });
    if (agreementCode) {
      const [agreement] = await tx
        .select({ code: agreements.code })
        .from(agreements)
        .where(eq(agreements.code, agreementCode));
      if (!agreement)
        throw new AppError('validation', 'unknown agreement', {
          field: 'agreementCode',
          reason: 'agreementCode.unknown',
        });
    }
    let mergedIntoId: string | null = null;
    if (values.outcome === 'merged') {
      const [target] = await tx
        .select({ id: problems.id, status: problems.status, hiddenAt: problems.hiddenAt })
        .from(problems)
        .where(and(eq(problems.exerciseId, before.exerciseId), eq(problems.number, mergedIntoNumber!)));
      if (
        !target ||
        target.id === before.id ||
        target.status === 'merged' ||
        target.status === 'discarded' ||
        target.hiddenAt !== null
      ) {
        throw new AppError('validation', 'no such problem to merge into', {
          field: 'mergedIntoNumber',
          reason: 'mergedIntoNumber.invalid',
        });
      }
      mergedIntoId = target.id;
    }
    const [after] = await tx
      .update(problems)
      .set({ status: values.outcome, mergedIntoId })
      .where(eq(problems.id, problemId))
      .returning();
    const [response] = await tx
      .insert(reasonedResponses)
      .values({
        exerciseId: before.exerciseId,
        subjectType: 'problem',
        subjectId: problemId,
        outcome: values.outcome,
        reasonCode: values.reasonCode,
        explanation: values.explanation,
        agreementCode,
        // Decided by an agreement: the Secretariat decided (the change log keeps who recorded it, by role).
        deciderLabel: agreementCode ? SECRETARIAT_LABEL : actor.label,
        deciderInstitutionId,
        decidedAt: options.now,
      })
      .returning();
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
    if (before.authorId) {
      const [author] = await tx
        .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(eq(users.id, before.authorId));
      const [exercise] = await tx
        .select({ slug: exercises.slug })
        .from(exercises)
        .where(eq(exercises.id, before.exerciseId));
      if (author && exercise) {
        const t = translator(author.locale);
        const paragraphs = [
          t('cocreation.email.decided', {
            number: before.number,
            title: before.title,
            outcome: t(`cocreation.outcome.${values.outcome}`),
          }),
          t('cocreation.email.reason', { reason: t(`cocreation.reason.${values.reasonCode}`) }),
          values.explanation,
          agreementCode ? t('cocreation.email.agreement', { code: agreementCode }) : '',
          t('cocreation.email.see', {
            url: new URL(problemPath(exercise.slug, before.number), options.baseUrl).toString(),
          }),
        ].filter(Boolean);
        await queueEmail(tx, {
          to: author.email,
          userId: author.id,
          template: 'notice',
          locale: author.locale,
          params: {
            name: author.name,
            siteName: options.siteName,
            subject: t('cocreation.email.subject', { number: before.number }),
            body: paragraphs.join('\n\n'),
          },
        });
      }
    }
    return { problem: after!, response: response! };
  });
}
