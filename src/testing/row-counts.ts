import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';

/** How many rows each table holds, to show that a refused write left nothing behind. */
export async function rowCounts(db: Db, tables: Record<string, PgTable>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables))
    counts[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return counts;
}
