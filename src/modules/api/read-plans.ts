import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitmentIsPublic, commitments, planIsPublic } from '../plan/read-models.js';
import { afterTimeId, createdAtKey, splitPage, type Page, type PageRequest } from './keyset.js';
import type { Plan } from './schemas.js';

/** Action plans the public may see (never a draft, decision 11), each with its count of public commitments. */

const publicCommitmentCount = sql<number>`(select count(*)::int from ${commitments} where ${commitments.planId} = ${actionPlans.id} and ${commitmentIsPublic(commitments.status, actionPlans.status)})`;

const selectPlans = (db: Db) =>
  db
    .select({
      plan: actionPlans,
      exerciseSlug: exercises.slug,
      commitmentCount: publicCommitmentCount,
      key: createdAtKey(actionPlans.createdAt),
    })
    .from(actionPlans)
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId));

type Row = Awaited<ReturnType<typeof selectPlans>>[number];

const toPlan = ({ plan: p, exerciseSlug, commitmentCount }: Row): Plan => ({
  id: p.id,
  exerciseId: p.exerciseId,
  exerciseSlug,
  title: p.title,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  strategicVision: p.strategicVision,
  status: p.status,
  approvalAgreementId: p.approvalAgreementId,
  progress: p.progress,
  commitmentCount,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

export async function listApiPlans(db: Db, page: PageRequest): Promise<Page<Plan>> {
  const rows = await selectPlans(db)
    .where(and(planIsPublic(actionPlans.status), afterTimeId(actionPlans.createdAt, actionPlans.id, page.cursor)))
    .orderBy(asc(actionPlans.createdAt), asc(actionPlans.id))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.key, row.plan.id]);
  return { data: pageRows.map(toPlan), next };
}

export async function getApiPlan(db: Db, id: string): Promise<Plan | undefined> {
  const [row] = await selectPlans(db).where(and(planIsPublic(actionPlans.status), eq(actionPlans.id, id)));
  return row && toPlan(row);
}
