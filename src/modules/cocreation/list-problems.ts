import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { problems, type ProblemStatus, type ProblemTheme } from './schema.js';
import { problemSupportersOf } from './support-count.js';

export const PROBLEMS_PAGE_SIZE = 50;
export const problemSorts = ['apoyos', 'fecha'] as const;
export type ProblemSort = (typeof problemSorts)[number];

export interface ProblemFilters {
  theme?: ProblemTheme | undefined;
  municipality?: string | undefined;
  status?: ProblemStatus | undefined;
  sort: ProblemSort;
  page: number;
}

/*
 * Correlated subqueries on the listed problem. The outer column is named in full: in a one-table select Drizzle
 * writes `${problems.id}` as a bare "id", which inside the subquery would mean the support's own id.
 */
const listedProblemId = sql.raw('"problems"."id"');
/** A problem's current number of supports (the one figure every page and dataset shows). */
const supportsOf = problemSupportersOf(listedProblemId);
/** The names of the municipalities a problem affects, in alphabetical order, joined by "; ". */
const municipalityNamesOf = sql<string>`(select coalesce(string_agg(m.name, '; ' order by m.name), '') from problem_municipalities pm join municipalities m on m.cvegeo = pm.cvegeo where pm.problem_id = ${listedProblemId})`;

/**
 * The visible problems of an exercise (a hidden one keeps its own page but leaves the list), filtered by theme,
 * municipality and status, by most supports or newest first, a page at a time.
 */
export async function listProblems(db: Db, exerciseId: string, filters: ProblemFilters) {
  const conditions = [eq(problems.exerciseId, exerciseId), isNull(problems.hiddenAt)];
  if (filters.theme) conditions.push(eq(problems.theme, filters.theme));
  if (filters.status) conditions.push(eq(problems.status, filters.status));
  if (filters.municipality)
    conditions.push(
      sql`exists (select 1 from problem_municipalities pm where pm.problem_id = ${listedProblemId} and pm.cvegeo = ${filters.municipality})`,
    );
  const where = and(...conditions);
  const supports = supportsOf;
  const [{ total }] = (await db.select({ total: count() }).from(problems).where(where)) as [{ total: number }];
  const rows = await db
    .select({
      id: problems.id,
      number: problems.number,
      title: problems.title,
      theme: problems.theme,
      status: problems.status,
      createdAt: problems.createdAt,
      supports,
      municipalities: municipalityNamesOf,
    })
    .from(problems)
    .where(where)
    .orderBy(
      ...(filters.sort === 'apoyos' ? [desc(supports), desc(problems.createdAt)] : [desc(problems.createdAt)]),
      asc(problems.number),
    )
    .limit(PROBLEMS_PAGE_SIZE)
    .offset((filters.page - 1) * PROBLEMS_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(Number(total) / PROBLEMS_PAGE_SIZE));
  return { rows: rows.map((row) => ({ ...row, supports: Number(row.supports) })), total: Number(total), pages };
}
export type ProblemListItem = Awaited<ReturnType<typeof listProblems>>['rows'][number];
