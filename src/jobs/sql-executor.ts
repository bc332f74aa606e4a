import pg from 'pg';
import type { Db } from '../db/client.js';

/** What pg-boss runs its SQL through (its `db` option for the constructor, and `options.db` for `send()`). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

type QueryResult = { rows: Record<string, unknown>[] };

/** The client under a Drizzle database or transaction, whichever driver it is. */
interface Queryable {
  query(text: string, values?: unknown[]): Promise<QueryResult | QueryResult[]>;
  /** PGlite (the instance or one of its transactions): runs several statements without parameters. */
  exec?(text: string): Promise<QueryResult[]>;
  /** PGlite instance only (its transactions have no `transaction`). */
  transaction?<T>(callback: (tx: { exec(text: string): Promise<QueryResult[]> }) => Promise<T>): Promise<T>;
}

/**
 * The driver's client that Drizzle runs `db` (or `tx`) on: the PGlite instance, a PGlite transaction, the
 * node-postgres pool or a pool client checked out for a transaction. Drizzle exposes the session as `db._.session`
 * but types its client per driver only, hence the check.
 */
function clientOf(db: Db): Queryable {
  const client = (db._.session as unknown as { client?: Queryable }).client;
  if (!client || typeof client.query !== 'function')
    throw new Error('Cannot reach the database client under this Drizzle database');
  return client;
}

const last = (results: QueryResult | QueryResult[]): QueryResult =>
  Array.isArray(results) ? (results.at(-1) ?? { rows: [] }) : results;

/**
 * Runs pg-boss's SQL on the same connection as `db`: inside a transaction when `db` is a `tx`, so a job inserted
 * with `send(name, data, { db: sqlExecutor(tx) })` commits or rolls back with the caller's writes.
 *
 * Statements with parameters go through `query` (extended protocol). pg-boss also sends parameterless scripts of
 * several statements (`BEGIN; …; COMMIT;` for its schema and maintenance), which the extended protocol refuses:
 * on PGlite they go through `exec`, wrapped in PGlite's own transaction so that a failure is rolled back under its
 * lock instead of leaving the single connection inside an aborted transaction (the nested BEGIN/COMMIT only warn);
 * on a pool they run on one checked-out client that is rolled back on failure before it returns to the pool (or is
 * dropped when even the rollback fails).
 */
export function sqlExecutor(db: Db): SqlExecutor {
  const client = clientOf(db);
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return last(await client.query(text, values));
      if (client.transaction) return last(await client.transaction((tx) => tx.exec(text)));
      if (client.exec) return last(await client.exec(text));
      if (client instanceof pg.Pool) {
        const connection = await client.connect();
        let broken: Error | undefined;
        try {
          return last(await connection.query(text));
        } catch (error) {
          // A connection whose ROLLBACK fails too (the server went away, or never answered) is dropped, not reused.
          await connection.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
          throw error;
        } finally {
          connection.release(broken);
        }
      }
      return last(await client.query(text));
    },
  };
}
