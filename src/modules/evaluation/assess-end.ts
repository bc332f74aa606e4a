import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';
import { appendChange } from '../audit/append-change.js';
import { assessorFields, assessorIdOf, publicAssessment } from './assessor.js';
import { loadEvaluatedCommitment, localDate, progressAt } from './evaluated-commitment.js';
import { assertCanAssess } from './policy.js';
import { completionLevels, END_NARRATIVE_MIN, openedGovernmentLevels } from './scales.js';
import { designAssessments, endAssessments, progressReports } from './schema.js';

const webAddress = z.url({ protocol: /^https?$/, error: 'evidence.invalid' });

export const assessEndInput = z.object({
  completion: z.enum(completionLevels, 'completion.required'),
  openedGovernment: z.enum(openedGovernmentLevels, 'openedGovernment.required'),
  narrative: z
    .string()
    .trim()
    .min(1, 'narrative.required')
    .min(END_NARRATIVE_MIN, 'narrative.tooShortEnd')
    .max(20_000, 'narrative.tooLong'),
  /** Evidence links: a list, or a text with one per line (at least one). */
  evidence: z
    .union([z.string().transform((text) => text.split(/\r?\n/)), z.array(z.string())])
    .transform((lines) => lines.map((line) => line.trim()).filter(Boolean))
    .pipe(z.array(webAddress, 'evidence.invalid').min(1, 'evidence.required').max(20, 'evidence.tooMany')),
  completeJustification: z
    .string()
    .trim()
    .max(5_000, 'completeJustification.tooLong')
    .optional()
    .transform((v) => v || undefined),
  ...assessorFields,
});
export type AssessEndInput = z.input<typeof assessEndInput>;

/**
 * An evaluator independent of the lead institution assesses a commitment at its end: completion and "did it open
 * government?", with a narrative and at least one evidence link. This is the act that closes the commitment's
 * evaluation, so it needs the lead institution's final progress report (`finalReportMissing`), and a commitment
 * judged not verifiable is not assessed further (`notReviewable`). Judging it complete while its derived progress
 * is under 100 % needs a public justification. Assessing again replaces the assessment (the change log keeps both).
 */
export async function assessEnd(
  db: Db,
  commitmentId: string,
  input: AssessEndInput,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  const commitment = await loadEvaluatedCommitment(db, commitmentId);
  assertCanAssess(options.actor, commitment);
  const values = assessEndInput.parse(input);
  return db.transaction(async (tx) => {
    const [finalReport] = await tx
      .select({ id: progressReports.id })
      .from(progressReports)
      .where(and(eq(progressReports.commitmentId, commitmentId), eq(progressReports.period, 'final')));
    if (!finalReport)
      throw new AppError('conflict', 'the final progress report is missing', { reason: 'finalReportMissing' });
    const [design] = await tx
      .select({ verifiability: designAssessments.verifiability })
      .from(designAssessments)
      .where(eq(designAssessments.commitmentId, commitmentId));
    if (design?.verifiability === 'not_verifiable')
      throw new AppError('conflict', 'a commitment that is not verifiable is not assessed further', {
        reason: 'notReviewable',
      });
    const progress = await progressAt(tx, commitment, options.now);
    if (values.completion === 'complete' && progress < 100 && !values.completeJustification) {
      throw new AppError('validation', 'complete under 100 % needs a justification', {
        issues: [{ path: ['completeJustification'], message: 'completeJustification.required' }],
      });
    }
    const record = {
      commitmentId,
      method: commitment.method,
      completion: values.completion,
      openedGovernment: values.openedGovernment,
      narrative: values.narrative,
      evidenceUrls: values.evidence,
      progressAtAssessment: progress,
      completeJustification: values.completion === 'complete' && progress < 100 ? values.completeJustification! : null,
      finalReportId: finalReport.id,
      assessedOn: localDate(options.now, options.timeZone),
      assessorId: assessorIdOf(options.actor),
      assessorName: values.assessorName,
      assessorOrganisation: values.assessorOrganisation,
    };
    const [before] = await tx
      .select()
      .from(endAssessments)
      .where(eq(endAssessments.commitmentId, commitmentId))
      .for('update');
    const [row] = before
      ? await tx.update(endAssessments).set(record).where(eq(endAssessments.id, before.id)).returning()
      : await tx.insert(endAssessments).values(record).returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'end_assessment',
      recordId: row!.id,
      action: before ? 'update' : 'create',
      ...(before ? { before: publicAssessment(before) } : {}),
      after: publicAssessment(row!),
      occurredAt: options.now,
    });
    return row!;
  });
}
