import { sql, type SQL } from 'drizzle-orm';

/**
 * A problem's number of supports, the one figure every page, list and dataset shows: SQL over the problem's id
 * expression (e.g. `sql.raw('p.id')`).
 */
export const problemSupportersOf = (problemId: SQL) =>
  sql<number>`(select count(*)::int from problem_supports s where s.problem_id = ${problemId})`;
