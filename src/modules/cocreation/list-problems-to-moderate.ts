import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ProblemStatus, ReportReason } from './schema.js';
import { problemSupportersOf } from './support-count.js';

export interface ProblemToModerate {
  exerciseSlug: string;
  exerciseTitle: string;
  number: number;
  title: string;
  status: ProblemStatus;
  supports: number;
  reports: number;
  /** The distinct reasons people gave, most frequent first. */
  reasons: ReportReason[];
}

/**
 * The moderators' queue: visible problems that people reported (most reports first), and visible problems still
 * waiting for a decision (oldest first). Reporters are never named.
 */
export async function listProblemsToModerate(
  db: Db,
): Promise<{ reported: ProblemToModerate[]; undecided: ProblemToModerate[] }> {
  const result = await db.execute(sql`
    select e.slug as "exerciseSlug", e.title as "exerciseTitle", p.number, p.title, p.status, p.created_at as "createdAt",
           ${problemSupportersOf(sql.raw('p.id'))} as supports,
           (select count(*)::int from problem_reports r where r.problem_id = p.id) as reports,
           (select coalesce(json_agg(x.reason order by x.n desc, x.reason), '[]'::json)
              from (select r.reason, count(*) as n from problem_reports r where r.problem_id = p.id group by r.reason) x) as reasons
    from problems p join exercises e on e.id = p.exercise_id
    where p.hidden_at is null
    order by e.period_start desc, p.number`);
  const rows = (result as unknown as { rows: (ProblemToModerate & { reasons: ReportReason[] | string })[] }).rows.map(
    (row) => ({
      ...row,
      number: Number(row.number),
      supports: Number(row.supports),
      reports: Number(row.reports),
      reasons: typeof row.reasons === 'string' ? (JSON.parse(row.reasons) as ReportReason[]) : row.reasons,
    }),
  );
  return {
    reported: rows.filter((row) => row.reports > 0).sort((a, b) => b.reports - a.reports),
    undecided: rows.filter((row) => row.status === 'proposed'),
  };
}
