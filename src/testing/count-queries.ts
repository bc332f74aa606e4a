import type { Db } from '../db/client.js';

/**
 * Counts the SQL statements `run` sends through `db` (PGlite or node-postgres: both go through the client's `query`).
 * A simple tool for "no N+1" tests: compare the count for small and large data.
 */
export async function countQueries<T>(db: Db, run: () => Promise<T>): Promise<{ result: T; count: number }> {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const original = client.query;
  let count = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    const result = await run();
    return { result, count };
  } finally {
    client.query = original;
  }
}
