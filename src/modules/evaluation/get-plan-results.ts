import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { institutions, municipalities } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitmentIsPublic, commitmentMunicipalities, commitments } from '../plan/read-models.js';
import { evaluationsOf, latestReport } from './get-commitment-evaluation.js';
import { evaluationMethods } from './schema.js';
import {
  completionLevels,
  declaredStatuses,
  disagreements,
  isStarred,
  methodForPlan,
  openedGovernmentLevels,
} from './scales.js';

export interface ResultsFilter {
  institutionId?: string | undefined;
  cvegeo?: string | undefined;
}

/** How many rows fall on each level of a scale, plus those with none yet: the counts always add up to the rows. */
const countBy = <L extends string>(levels: readonly L[], values: readonly (L | null | undefined)[]) => ({
  levels: levels.map((level) => ({ level, count: values.filter((v) => v === level).length })),
  none: values.filter((v) => !v).length,
});

/**
 * The results of a plan, side by side: for each public commitment, what the government declared in its latest
 * progress report, the derived progress and the evaluator's judgement, with the disagreements between them marked;
 * filtered by lead institution and municipality, with the counts per level of the rows shown.
 */
export async function getPlanResults(db: Db, slug: string, filter: ResultsFilter = {}) {
  const [plan] = await db
    .select({
      id: actionPlans.id,
      title: actionPlans.title,
      status: actionPlans.status,
      periodStart: actionPlans.periodStart,
      periodEnd: actionPlans.periodEnd,
      exerciseTitle: exercises.title,
      slug: exercises.slug,
      chosenMethod: evaluationMethods.method,
    })
    .from(actionPlans)
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .leftJoin(evaluationMethods, eq(evaluationMethods.exerciseId, exercises.id))
    .where(eq(exercises.slug, slug));
  if (!plan || plan.status === 'draft') throw notFound('plan');
  const all = await db
    .select({
      id: commitments.id,
      number: commitments.number,
      title: commitments.title,
      status: commitments.status,
      progress: commitments.progress,
      leadId: institutions.id,
      leadName: institutions.name,
    })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentIsPublic(commitments.status, actionPlans.status)))
    .orderBy(asc(commitments.number));
  const places = all.length
    ? await db
        .select({
          commitmentId: commitmentMunicipalities.commitmentId,
          cvegeo: municipalities.cvegeo,
          name: municipalities.name,
        })
        .from(commitmentMunicipalities)
        .innerJoin(municipalities, eq(municipalities.cvegeo, commitmentMunicipalities.cvegeo))
        .where(
          inArray(
            commitmentMunicipalities.commitmentId,
            all.map((c) => c.id),
          ),
        )
    : [];
  const institutionOptions = [...new Map(all.map((c) => [c.leadId, { id: c.leadId, name: c.leadName }])).values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'es'),
  );
  const municipalityOptions = [
    ...new Map(places.map((p) => [p.cvegeo, { cvegeo: p.cvegeo, name: p.name }])).values(),
  ].sort((a, b) => a.name.localeCompare(b.name, 'es'));
  const shown = all.filter(
    (c) =>
      (!filter.institutionId || c.leadId === filter.institutionId) &&
      (!filter.cvegeo || places.some((p) => p.commitmentId === c.id && p.cvegeo === filter.cvegeo)),
  );
  const evaluations = await evaluationsOf(
    db,
    shown.map((c) => c.id),
  );
  const rows = shown.map((c) => {
    const { reports, design, end } = evaluations.get(c.id)!;
    const latest = latestReport(reports);
    return {
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status,
      progress: c.progress,
      lead: { id: c.leadId, name: c.leadName },
      municipalities: places.filter((p) => p.commitmentId === c.id).map((p) => p.name),
      declared: latest
        ? {
            period: latest.period,
            status: latest.declaredStatus,
            reportedOn: latest.reportedOn,
            progressAtReport: latest.progressAtReport,
          }
        : undefined,
      design: design
        ? {
            method: design.method,
            verifiability: design.verifiability,
            potential: design.potential,
            isPromising: design.isPromising,
          }
        : undefined,
      end: end
        ? {
            completion: end.completion,
            openedGovernment: end.openedGovernment,
            hasJustification: Boolean(end.completeJustification),
          }
        : undefined,
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
        progress: c.progress,
        completion: end?.completion ?? null,
      }),
    };
  });
  return {
    plan: { ...plan, method: plan.chosenMethod ?? methodForPlan(plan.periodStart) },
    filter,
    options: { institutions: institutionOptions, municipalities: municipalityOptions },
    rows,
    counts: {
      total: rows.length,
      declared: countBy(
        declaredStatuses,
        rows.map((r) => r.declared?.status),
      ),
      completion: countBy(
        completionLevels,
        rows.map((r) => r.end?.completion),
      ),
      openedGovernment: countBy(
        openedGovernmentLevels,
        rows.map((r) => r.end?.openedGovernment),
      ),
      disagreements: rows.filter((r) => r.disagreements.length > 0).length,
      notVerifiable: rows.filter((r) => r.design?.verifiability === 'not_verifiable').length,
    },
  };
}
export type PlanResults = Awaited<ReturnType<typeof getPlanResults>>;
