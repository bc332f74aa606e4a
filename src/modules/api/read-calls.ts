import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { exercises } from '../exercises/schema.js';
import { calls } from '../calls/read-models.js';
import { afterTimeId, createdAtKey, splitPage, type Page, type PageRequest } from './keyset.js';
import type { Call } from './schemas.js';

/** Calls as their public page shows them: never a draft. */

const columns = {
  id: calls.id,
  exerciseId: calls.exerciseId,
  exerciseSlug: exercises.slug,
  title: calls.title,
  summary: calls.summary,
  considerations: calls.considerations,
  generalObjective: calls.generalObjective,
  specificObjectives: calls.specificObjectives,
  requirements: calls.requirements,
  themes: calls.themes,
  eligibleStateCode: calls.eligibleStateCode,
  opensAt: calls.opensAt,
  closesAt: calls.closesAt,
  status: calls.status,
  contactEmail: calls.contactEmail,
  resultsText: calls.resultsText,
  createdAt: calls.createdAt,
  updatedAt: calls.updatedAt,
  key: createdAtKey(calls.createdAt),
};

type Row = Awaited<ReturnType<typeof selectCalls>>[number];

const isPublic = ne(calls.status, 'draft');
const selectCalls = (db: Db) => db.select(columns).from(calls).innerJoin(exercises, eq(exercises.id, calls.exerciseId));

const toCall = ({ key: _key, status, opensAt, closesAt, createdAt, updatedAt, ...row }: Row): Call => ({
  ...row,
  status: status as Call['status'],
  opensAt: opensAt.toISOString(),
  closesAt: closesAt.toISOString(),
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

export async function listApiCalls(db: Db, page: PageRequest): Promise<Page<Call>> {
  const rows = await selectCalls(db)
    .where(and(isPublic, afterTimeId(calls.createdAt, calls.id, page.cursor)))
    .orderBy(asc(calls.createdAt), asc(calls.id))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.key, row.id]);
  return { data: pageRows.map(toCall), next };
}

export async function getApiCall(db: Db, id: string): Promise<Call | undefined> {
  const [row] = await selectCalls(db).where(and(isPublic, eq(calls.id, id)));
  return row && toCall(row);
}
