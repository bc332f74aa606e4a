import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { getExercise } from '../../exercises/get-exercise.js';
import { actionPlans, planIsPublic } from '../../plan/read-models.js';
import { evaluationsOf } from '../get-commitment-evaluation.js';
import { getPlanResults } from '../get-plan-results.js';
import { isHighCompletion, isStrongResult } from '../scales.js';
import { lessons, resultsReports } from '../schema.js';
import { getProcessFigures } from './process-figures.js';

/** The version of the report's source format, kept in every published version. */
export const REPORT_FORMAT = 1;

type Evaluation = NonNullable<ReturnType<Awaited<ReturnType<typeof evaluationsOf>>['get']>>;

/** One commitment's section of the report: what it promised, what was reported and how it was judged. */
function commitmentSection(row: Awaited<ReturnType<typeof getPlanResults>>['rows'][number], evaluation: Evaluation) {
  const { design, end } = evaluation;
  return {
    number: row.number,
    title: row.title,
    lead: row.lead.name,
    municipalities: row.municipalities,
    status: row.status,
    progress: row.progress,
    reports: evaluation.reports.map((r) => ({
      period: r.period,
      declaredStatus: r.declaredStatus,
      reportedOn: r.reportedOn,
      progressAtReport: r.progressAtReport,
      narrative: r.narrative,
    })),
    design: design
      ? {
          method: design.method,
          verifiability: design.verifiability,
          values: design.ogValues,
          potential: design.potential,
          potentialJustification: design.potentialJustification,
          isPromising: design.isPromising,
          promisingJustification: design.promisingJustification,
          assessedOn: design.assessedOn,
          assessorName: design.assessorName,
          assessorOrganisation: design.assessorOrganisation,
        }
      : null,
    end: end
      ? {
          completion: end.completion,
          openedGovernment: end.openedGovernment,
          narrative: end.narrative,
          evidenceUrls: end.evidenceUrls,
          completeJustification: end.completeJustification,
          progressAtAssessment: end.progressAtAssessment,
          assessedOn: end.assessedOn,
          assessorName: end.assessorName,
          assessorOrganisation: end.assessorOrganisation,
        }
      : null,
    isStarred: row.isStarred ?? null,
    disagreements: row.disagreements,
  };
}
export type ReportCommitment = ReturnType<typeof commitmentSection>;

/** The plan's part of the report: its facts, the figures of the summary and each commitment's section. */
async function planPart(db: Db, exerciseId: string, slug: string) {
  const [plan] = await db
    .select({ id: actionPlans.id })
    .from(actionPlans)
    .where(and(eq(actionPlans.exerciseId, exerciseId), planIsPublic(actionPlans.status)));
  if (!plan) return { plan: null, figures: null, commitments: [] };
  const results = await getPlanResults(db, slug);
  const evaluations = await evaluationsOf(
    db,
    results.rows.map((r) => r.id),
  );
  const commitments = results.rows.map((row) => commitmentSection(row, evaluations.get(row.id)!));
  const { counts } = results;
  return {
    plan: {
      title: results.plan.title,
      status: results.plan.status,
      periodStart: results.plan.periodStart,
      periodEnd: results.plan.periodEnd,
      method: results.plan.method,
    },
    figures: {
      commitments: counts.total,
      declared: counts.declared,
      completion: counts.completion,
      openedGovernment: counts.openedGovernment,
      notVerifiable: counts.notVerifiable,
      disagreements: counts.disagreements,
      highCompletion: commitments.filter((c) => c.end && isHighCompletion(c.end.completion)).length,
      strongResults: commitments.filter((c) => c.end && isStrongResult(c.end.openedGovernment)).length,
      starred: commitments.filter((c) => c.isStarred === true).length,
      promising: commitments.filter((c) => c.design?.isPromising).length,
    },
    commitments,
  };
}

/**
 * The results report of an exercise, generated from what the portal holds: the authors' summary and conclusions,
 * the plan's figures, the process (sign-ups, the Secretariat, inputs answered, the process indicators), each
 * commitment's section, the lessons and the annex. Plain JSON, so a publication freezes exactly this (see
 * publish-results-report.ts); only public records, and people only by the public name they signed with.
 */
export async function buildResultsReport(db: Db, slug: string, options: { now: Date; timeZone: string }) {
  const { exercise, convener } = await getExercise(db, slug);
  const [texts] = await db.select().from(resultsReports).where(eq(resultsReports.exerciseId, exercise.id));
  const [planData, process, lessonRows] = await Promise.all([
    planPart(db, exercise.id, slug),
    getProcessFigures(db, exercise, options),
    db
      .select({
        id: lessons.id,
        theme: lessons.theme,
        finding: lessons.finding,
        recommendation: lessons.recommendation,
        source: lessons.source,
      })
      .from(lessons)
      .where(eq(lessons.exerciseId, exercise.id))
      .orderBy(asc(lessons.createdAt), asc(lessons.id)),
  ]);
  // The portal's freshness is about the portal, not the exercise (and publishing would change it): the live page of
  // indicators shows it, the frozen report does not.
  const { portal: _portal, ...exerciseProcess } = process;
  return {
    format: REPORT_FORMAT,
    asOf: process.asOf,
    exercise: {
      id: exercise.id,
      slug: exercise.slug,
      edition: exercise.edition,
      title: exercise.title,
      periodStart: exercise.periodStart,
      periodEnd: exercise.periodEnd,
      convener: convener.name,
    },
    texts: { summary: texts?.summary ?? '', conclusions: texts?.conclusions ?? '' },
    ...planData,
    process: exerciseProcess,
    lessons: lessonRows,
  };
}
export type ResultsReportContent = Awaited<ReturnType<typeof buildResultsReport>>;
