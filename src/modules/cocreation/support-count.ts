import { sql, type SQL } from 'drizzle-orm';

/**
 * A problem's number of supports, the one figure every page, list and dataset shows: SQL over the problem's id
 * expression (e.g. `sql.raw('p.id')`). It counts the distinct supporters of the problem and of the problems merged
 * into it, so a person who supported both counts once (a paper support, without an account, is one person each). A
 * merged problem keeps counting its own supporters, so undoing the merge restores both figures: no support moves.
 */
export const problemSupportersOf = (problemId: SQL) =>
  sql<number>`(select count(distinct coalesce(s.user_id::text, s.id::text))::int from problem_supports s
    where s.problem_id in (select m.id from problems m where m.id = ${problemId} or m.merged_into_id = ${problemId}))`;

/**
 * Every support as it counts for a problem: for its own problem, and again for the problem that one was merged into,
 * each person once per problem on the first day they counted (`problem_id`, `person`, `created_at`). The supports
 * per day of a problem add up to its number of supports.
 */
export const countedSupports = sql`(
  select problem_id, person, min(created_at) as created_at from (
    select s.problem_id, coalesce(s.user_id::text, s.id::text) as person, s.created_at from problem_supports s
    union all
    select m.merged_into_id, coalesce(s.user_id::text, s.id::text), s.created_at
    from problem_supports s join problems m on m.id = s.problem_id where m.merged_into_id is not null
  ) credited group by problem_id, person)`;
