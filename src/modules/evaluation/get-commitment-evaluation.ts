import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitmentIsPublic, commitments } from '../plan/read-models.js';
import { publicAssessment } from './assessor.js';
import { loadEvaluatedCommitment } from './evaluated-commitment.js';
import { publicReport } from './file-progress-report.js';
import { disagreements, isStarred, reportPeriods, type ReportPeriod } from './scales.js';
import { designAssessments, endAssessments, progressReports } from './schema.js';

type Report = ReturnType<typeof publicReport>;

/** The latest report of a commitment: the final one, else the second, else the first. */
export const latestReport = <R extends { period: ReportPeriod }>(reports: readonly R[]): R | undefined =>
  [...reports].sort((a, b) => reportPeriods.indexOf(b.period) - reportPeriods.indexOf(a.period))[0];

/** Reports and assessments of the given commitments, by commitment id (public projections: no accounts). */
export async function evaluationsOf(db: Db, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0)
    return new Map<
      string,
      {
        reports: Report[];
        design?: ReturnType<typeof publicAssessment<typeof designAssessments.$inferSelect>>;
        end?: ReturnType<typeof publicAssessment<typeof endAssessments.$inferSelect>>;
      }
    >();
  const ids = [...commitmentIds];
  const [reports, designs, ends] = await Promise.all([
    db
      .select()
      .from(progressReports)
      .where(inArray(progressReports.commitmentId, ids))
      .orderBy(asc(progressReports.reportedOn)),
    db.select().from(designAssessments).where(inArray(designAssessments.commitmentId, ids)),
    db.select().from(endAssessments).where(inArray(endAssessments.commitmentId, ids)),
  ]);
  return new Map(
    ids.map((id) => {
      const design = designs.find((d) => d.commitmentId === id);
      const end = ends.find((e) => e.commitmentId === id);
      return [
        id,
        {
          reports: reports.filter((r) => r.commitmentId === id).map(publicReport),
          ...(design ? { design: publicAssessment(design) } : {}),
          ...(end ? { end: publicAssessment(end) } : {}),
        },
      ];
    }),
  );
}

/** A public commitment's evaluation: its progress reports, its design and end assessments, the derived flags. */
export async function getCommitmentEvaluation(db: Db, commitmentId: string) {
  const commitment = await loadEvaluatedCommitment(db, commitmentId);
  const evaluation = (await evaluationsOf(db, [commitmentId])).get(commitmentId)!;
  const latest = latestReport(evaluation.reports);
  const { design, end } = evaluation;
  return {
    commitment,
    ...evaluation,
    latest,
    isStarred: design
      ? isStarred(
          {
            method: design.method,
            verifiability: design.verifiability,
            values: design.ogValues,
            potential: design.potential,
          },
          end?.completion,
        )
      : undefined,
    disagreements: disagreements({
      declared: latest?.declaredStatus ?? null,
      progress: commitment.progress,
      completion: end?.completion ?? null,
    }),
  };
}
export type CommitmentEvaluation = Awaited<ReturnType<typeof getCommitmentEvaluation>>;

/** The id of a plan's public commitment by its exercise's slug and its number; else not found. */
export async function findCommitmentId(db: Db, slug: string, number: number): Promise<string> {
  const [row] = await db
    .select({ id: commitments.id })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .where(
      and(
        eq(exercises.slug, slug),
        eq(commitments.number, number),
        commitmentIsPublic(commitments.status, actionPlans.status),
      ),
    );
  if (!row) throw notFound('commitment');
  return row.id;
}
