import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';
import { appendChange } from '../audit/append-change.js';
import { assessorFields, assessorIdOf, publicAssessment } from './assessor.js';
import { loadEvaluatedCommitment, localDate } from './evaluated-commitment.js';
import { assertCanAssess } from './policy.js';
import {
  canBePromising,
  isPotentialOf,
  openGovernmentValues,
  potentialLevels,
  verifiabilityLevels,
  type AssessmentMethod,
  type ValueJudgements,
} from './scales.js';
import { designAssessments } from './schema.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((v) => v || undefined);

/** A value's judgement as a form sends it: `value_<name>` yes/no and `justification_<name>`. */
const valueFields = Object.fromEntries(
  openGovernmentValues.flatMap((v) => [
    [`value_${v}`, z.enum(['yes', 'no']).optional()],
    [`justification_${v}`, optionalText(5_000)],
  ]),
) as Record<`value_${(typeof openGovernmentValues)[number]}`, z.ZodOptional<z.ZodEnum<{ yes: 'yes'; no: 'no' }>>> &
  Record<`justification_${(typeof openGovernmentValues)[number]}`, ReturnType<typeof optionalText>>;

export const assessDesignInput = z.object({
  verifiability: z.enum(verifiabilityLevels, 'verifiability.required'),
  ...valueFields,
  potential: z.enum(potentialLevels as [string, ...string[]]).optional(),
  potentialJustification: optionalText(5_000),
  isPromising: z.enum(['yes']).optional(),
  promisingJustification: optionalText(5_000),
  ...assessorFields,
});
export type AssessDesignInput = z.input<typeof assessDesignInput>;

/**
 * The issues of a design assessment that depend on the commitment's method (the form shows them next to each field).
 */
export function designIssues(
  values: z.output<typeof assessDesignInput>,
  method: AssessmentMethod,
): { path: string[]; message: string }[] {
  if (values.verifiability === 'not_verifiable') return [];
  const issues: { path: string[]; message: string }[] = [];
  for (const v of openGovernmentValues) {
    if (!values[`value_${v}`]) issues.push({ path: [`value_${v}`], message: 'value.required' });
    else if (!values[`justification_${v}`] || values[`justification_${v}`]!.length < 10)
      issues.push({ path: [`justification_${v}`], message: 'justification.required' });
  }
  if (!values.potential) issues.push({ path: ['potential'], message: 'potential.required' });
  else if (!isPotentialOf(method, values.potential))
    issues.push({ path: ['potential'], message: 'potential.wrongScale' });
  if (values.isPromising) {
    if (method !== 'irm_2021') issues.push({ path: ['isPromising'], message: 'isPromising.wrongMethod' });
    else if (!canBePromising(values.verifiability, judgementsOf(values)))
      issues.push({ path: ['isPromising'], message: 'isPromising.notAllowed' });
    else if (!values.promisingJustification || values.promisingJustification.length < 10)
      issues.push({ path: ['promisingJustification'], message: 'promisingJustification.required' });
  }
  return issues;
}

const judgementsOf = (values: z.output<typeof assessDesignInput>): ValueJudgements =>
  Object.fromEntries(
    openGovernmentValues.map((v) => [
      v,
      { relevant: values[`value_${v}`] === 'yes', justification: values[`justification_${v}`] ?? '' },
    ]),
  ) as ValueJudgements;

/**
 * An evaluator independent of the lead institution assesses a commitment's design on the scale of its plan's method
 * (stored with the assessment). A commitment that is not verifiable is not assessed further: its other fields are
 * stored empty, whatever was sent. Assessing again replaces the assessment (the change log keeps the earlier one).
 */
export async function assessDesign(
  db: Db,
  commitmentId: string,
  input: AssessDesignInput,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  const commitment = await loadEvaluatedCommitment(db, commitmentId);
  assertCanAssess(options.actor, commitment);
  const values = assessDesignInput.parse(input);
  const issues = designIssues(values, commitment.method);
  if (issues.length) throw new AppError('validation', 'the design assessment is incomplete', { issues });
  const isVerifiable = values.verifiability === 'verifiable';
  const record = {
    commitmentId,
    method: commitment.method,
    verifiability: values.verifiability,
    ogValues: isVerifiable ? judgementsOf(values) : null,
    potential: isVerifiable ? (values.potential as (typeof potentialLevels)[number]) : null,
    potentialJustification: isVerifiable ? (values.potentialJustification ?? null) : null,
    isPromising: isVerifiable && values.isPromising === 'yes',
    promisingJustification: isVerifiable && values.isPromising === 'yes' ? values.promisingJustification! : null,
    assessedOn: localDate(options.now, options.timeZone),
    assessorId: assessorIdOf(options.actor),
    assessorName: values.assessorName,
    assessorOrganisation: values.assessorOrganisation,
  };
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(designAssessments)
      .where(eq(designAssessments.commitmentId, commitmentId))
      .for('update');
    const [row] = before
      ? await tx.update(designAssessments).set(record).where(eq(designAssessments.id, before.id)).returning()
      : await tx.insert(designAssessments).values(record).returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'design_assessment',
      recordId: row!.id,
      action: before ? 'update' : 'create',
      ...(before ? { before: publicAssessment(before) } : {}),
      after: publicAssessment(row!),
      occurredAt: options.now,
    });
    return row!;
  });
}
