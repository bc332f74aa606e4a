import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { changeActorOf, isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';
import { appendChange } from '../audit/append-change.js';
import { loadEvaluatedCommitment, localDate, progressAt } from './evaluated-commitment.js';
import { assertCanReportProgress } from './policy.js';
import { declaredStatuses, reportPeriods } from './scales.js';
import { progressReports } from './schema.js';

export const fileProgressReportInput = z.object({
  period: z.enum(reportPeriods, 'period.required'),
  declaredStatus: z.enum(declaredStatuses, 'declaredStatus.required'),
  narrative: z
    .string()
    .trim()
    .min(1, 'narrative.required')
    .min(50, 'narrative.tooShort')
    .max(20_000, 'narrative.tooLong'),
});
export type FileProgressReportInput = z.input<typeof fileProgressReportInput>;

/** What the change log and the open data show of a report: no author. */
export const publicReport = (row: typeof progressReports.$inferSelect) => {
  const { authorId: _authorId, ...rest } = row;
  return rest;
};

/**
 * A liaison of the commitment's lead institution files its progress report for a period (first, second or final):
 * what the government declares, in words and as a status, with the commitment's derived progress on that day frozen
 * beside it. One report per period: a second one for the same period is refused (`alreadyReported`).
 */
export async function fileProgressReport(
  db: Db,
  commitmentId: string,
  input: FileProgressReportInput,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  const commitment = await loadEvaluatedCommitment(db, commitmentId);
  assertCanReportProgress(options.actor, commitment);
  const values = fileProgressReportInput.parse(input);
  return db.transaction(async (tx) => {
    const progressAtReport = await progressAt(tx, commitment, options.now);
    const [row] = await tx
      .insert(progressReports)
      .values({
        commitmentId,
        period: values.period,
        declaredStatus: values.declaredStatus,
        narrative: values.narrative,
        progressAtReport,
        reportedOn: localDate(options.now, options.timeZone),
        institutionId: commitment.leadInstitutionId,
        authorId: isSystemActor(options.actor) ? null : options.actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', 'a report for this period exists', { reason: 'alreadyReported' });
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'progress_report',
      recordId: row.id,
      action: 'create',
      after: publicReport(row),
      occurredAt: options.now,
    });
    return row;
  });
}
