import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { prioritisations, priorityCriteria, type ProblemStatus } from '../schema.js';
import { problemSupportersOf } from '../support-count.js';

export interface RankedProblem {
  number: number;
  title: string;
  status: ProblemStatus;
  supports: number;
  /** Score by criterion position. */
  scores: Record<number, number>;
  /** The weighted mean of its scores (0-5, two decimals), once every criterion is scored; else null. */
  total: number | null;
}

/** A problem's total: Σ(weight × score) / Σ weight, when every criterion has its score. */
export function weightedTotal(criteria: { position: number; weight: number }[], scores: Record<number, number>) {
  if (criteria.length === 0 || criteria.some((criterion) => scores[criterion.position] === undefined)) return null;
  const weights = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const points = criteria.reduce((sum, criterion) => sum + criterion.weight * scores[criterion.position]!, 0);
  return Math.round((points / weights) * 100) / 100;
}

/**
 * An exercise's prioritisation as its public page shows it: the criteria and their weights, whether they are
 * published, the selection's agreement, and the admitted problems (and those prioritised or not selected since) with
 * their supports, their scores and their totals, highest total first (ties: more supports first).
 */
export async function getRanking(db: Db, exerciseId: string) {
  const [prioritisation] = await db.select().from(prioritisations).where(eq(prioritisations.exerciseId, exerciseId));
  const criteria = await db
    .select()
    .from(priorityCriteria)
    .where(eq(priorityCriteria.exerciseId, exerciseId))
    .orderBy(asc(priorityCriteria.position));
  const result = await db.execute(sql`
    select p.number, p.title, p.status, ${problemSupportersOf(sql.raw('p.id'))} as supports,
           (select coalesce(json_object_agg(c.position, sc.score), '{}'::json)
              from problem_scores sc join priority_criteria c on c.id = sc.criterion_id where sc.problem_id = p.id) as scores
    from problems p
    where p.exercise_id = ${exerciseId} and p.hidden_at is null and p.status in ('admitted', 'prioritized', 'not_selected')`);
  const rows: RankedProblem[] = (
    result as unknown as {
      rows: { number: number; title: string; status: ProblemStatus; supports: number; scores: unknown }[];
    }
  ).rows.map((row) => {
    const raw = (typeof row.scores === 'string' ? JSON.parse(row.scores) : row.scores) as Record<string, number>;
    const scores = Object.fromEntries(
      Object.entries(raw).map(([position, score]) => [Number(position), Number(score)]),
    );
    return {
      number: Number(row.number),
      title: row.title,
      status: row.status,
      supports: Number(row.supports),
      scores,
      total: weightedTotal(criteria, scores),
    };
  });
  rows.sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || b.supports - a.supports || a.number - b.number);
  return {
    publishedAt: prioritisation?.publishedAt ?? null,
    selectionAgreementCode: prioritisation?.selectionAgreementCode ?? null,
    selectedAt: prioritisation?.selectedAt ?? null,
    criteria,
    rows,
  };
}
export type Ranking = Awaited<ReturnType<typeof getRanking>>;
