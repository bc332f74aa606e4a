import { and, asc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../kernel/actor.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitmentIsPublic, commitments } from '../plan/read-models.js';
import type { DeadlineSettings } from './deadlines.js';
import { evaluationsOf } from './get-commitment-evaluation.js';
import { listAssessmentDeadlines } from './list-assessment-deadlines.js';
import { canAssess, canReportProgress } from './policy.js';
import { reportPeriods } from './scales.js';

/**
 * The evaluation work of a signed-in person: as a liaison, the public commitments their institution leads and the
 * periods already reported; as an evaluator, the public commitments they may assess (none led by an institution they
 * hold a role in), which assessments are done and when each is due (late ones marked). Ordered by exercise and
 * number.
 */
export async function listEvaluationWork(
  db: Db,
  actor: Actor,
  options: { settings: DeadlineSettings; today: string; timeZone: string },
) {
  const liaisonOf = actor.roles.filter((r) => r.role === 'liaison' && r.institutionId).map((r) => r.institutionId!);
  const isEvaluator = actor.roles.some((r) => r.role === 'evaluator');
  const boundTo = actor.roles.filter((r) => r.institutionId).map((r) => r.institutionId!);
  const read = async (where: SQL) =>
    db
      .select({
        id: commitments.id,
        number: commitments.number,
        title: commitments.title,
        progress: commitments.progress,
        leadInstitutionId: commitments.leadInstitutionId,
        leadName: institutions.name,
        slug: exercises.slug,
        planTitle: actionPlans.title,
      })
      .from(commitments)
      .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
      .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
      .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
      .where(and(commitmentIsPublic(commitments.status, actionPlans.status), where))
      .orderBy(asc(exercises.slug), asc(commitments.number));
  const toReport = liaisonOf.length
    ? (await read(inArray(commitments.leadInstitutionId, liaisonOf))).filter((c) => canReportProgress(actor, c))
    : [];
  const toAssess = isEvaluator
    ? (await read(boundTo.length ? notInArray(commitments.leadInstitutionId, boundTo) : sql`true`)).filter((c) =>
        canAssess(actor, c),
      )
    : [];
  const evaluations = await evaluationsOf(db, [...new Set([...toReport, ...toAssess].map((c) => c.id))]);
  const deadlines = new Map(
    (await listAssessmentDeadlines(db, { ...options, commitmentIds: toAssess.map((c) => c.id) })).map((d) => [
      d.id,
      d.deadlines,
    ]),
  );
  return {
    toReport: toReport.map((c) => ({
      ...c,
      reported: reportPeriods.filter((p) => evaluations.get(c.id)!.reports.some((r) => r.period === p)),
    })),
    toAssess: toAssess.map((c) => {
      const e = evaluations.get(c.id)!;
      return {
        ...c,
        design: e.design?.verifiability,
        completion: e.end?.completion,
        hasFinalReport: e.reports.some((r) => r.period === 'final'),
        deadlines: deadlines.get(c.id) ?? [],
      };
    }),
  };
}
