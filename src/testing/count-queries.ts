import type { Database } from '../db/client.js';

interface QueryClient {
  query: (...args: unknown[]) => Promise<unknown>;
}

/**
 * Counts the SQL statements sent through a test database's Drizzle handle (PGlite's `query`, or the PostgreSQL
 * pool's `query`), to prove a page runs a fixed number of queries. Statements inside transactions on PostgreSQL go
 * through a checked-out client and are not counted; the read-only pages measured with this use none.
 */
export function countQueries(database: Database) {
  const client = (database.db as unknown as { $client: QueryClient }).$client;
  const original = client.query;
  const statements: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    statements.push(typeof first === 'string' ? first : String((first as { text?: string }).text ?? first));
    return original.apply(this, args);
  };
  return {
    statements,
    /** Runs `work` and returns how many statements it sent. */
    async during(work: () => Promise<unknown>): Promise<number> {
      const before = statements.length;
      await work();
      return statements.length - before;
    },
    restore() {
      client.query = original;
    },
  };
}
