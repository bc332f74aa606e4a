import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { canonicalJson, toJsonValue } from '../../audit/change-hash.js';
import { resultsReports, resultsReportVersions } from '../schema.js';
import { buildResultsReport } from './build-results-report.js';
import { reportAuthors } from './save-report-texts.js';

/** The published source of a report: its canonical JSON and that text's SHA-256 (lower-case hex). */
export function freezeReport(content: unknown) {
  const text = canonicalJson(toJsonValue(content));
  return { text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** What the change log keeps of a published version: its number, its hash and when (the content is downloadable). */
export const publicVersion = (row: typeof resultsReportVersions.$inferSelect) => ({
  id: row.id,
  exerciseId: row.exerciseId,
  version: row.version,
  sha256: row.sha256,
  publishedAt: row.publishedAt,
});

/**
 * Publishes the results report of an exercise: generates it as it stands, freezes its source as canonical JSON with
 * its SHA-256, stores it as the next version (1, 2, …) and logs the version's number and hash in the change log, so
 * anyone can check a downloaded version against the log. A report needs a public plan (`noPlan`); publishing what the
 * latest version already holds is refused (`unchanged`). Earlier versions are never touched.
 */
export async function publishResultsReport(
  db: Db,
  slug: string,
  options: { actor: ActingParty; now: Date; timeZone: string },
) {
  assertHoldsRole(options.actor, ...reportAuthors);
  const content = await buildResultsReport(db, slug, options);
  if (!content.plan) throw new AppError('conflict', 'a report needs a public plan', { reason: 'noPlan' });
  const { text, sha256 } = freezeReport(content);
  return db.transaction(async (tx) => {
    const [exercise] = await tx
      .insert(resultsReports)
      .values({ exerciseId: content.exercise.id })
      .onConflictDoUpdate({ target: resultsReports.exerciseId, set: { exerciseId: content.exercise.id } })
      .returning({ id: resultsReports.exerciseId });
    // The row is locked until the end of the transaction: two publications of one report take turns.
    const [latest] = await tx
      .select({ version: resultsReportVersions.version, sha256: resultsReportVersions.sha256 })
      .from(resultsReportVersions)
      .where(eq(resultsReportVersions.exerciseId, exercise!.id))
      .orderBy(desc(resultsReportVersions.version))
      .limit(1);
    if (latest?.sha256 === sha256)
      throw new AppError('conflict', 'the latest version holds this report', { reason: 'unchanged' });
    const [row] = await tx
      .insert(resultsReportVersions)
      .values({
        exerciseId: exercise!.id,
        version: (latest?.version ?? 0) + 1,
        content: text,
        sha256,
        publishedAt: options.now,
      })
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'results_report_version',
      recordId: row!.id,
      action: 'create',
      after: publicVersion(row!),
      occurredAt: options.now,
    });
    return row!;
  });
}
