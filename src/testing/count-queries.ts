import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../db/client.js';

export interface CountedQueries<T> {
  /** SQL statements sent while `run` ran, transaction control (BEGIN, COMMIT, SAVEPOINT, …) left out. */
  count: number;
  statements: string[];
  result: T;
}

const transactionControl = /^\s*(begin|start transaction|commit|rollback|savepoint|release)\b/i;

type QueryLike = (...args: unknown[]) => Promise<unknown>;

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  if (query && typeof query === 'object' && 'text' in query && typeof query.text === 'string') return query.text;
  return String(query);
}

/**
 * Counts the SQL statements a test database runs while `run` runs (typically an `app.inject()` of a page), on PGlite
 * and on node-postgres, for "this page runs a fixed number of queries" tests. Only the app's own connections are
 * counted (not a LISTEN connection). Not safe for two overlapping counts on the same database.
 */
export async function countQueries<T>(database: Database, run: () => Promise<T>): Promise<CountedQueries<T>> {
  const statements: string[] = [];
  const record = (query: unknown) => {
    const text = textOf(query);
    if (!transactionControl.test(text)) statements.push(text);
  };
  const restore: (() => void)[] = [];
  const wrap = <O extends object>(target: O, method: keyof O & string) => {
    if (Object.prototype.hasOwnProperty.call(target, method)) return;
    const original = target[method] as unknown as QueryLike;
    Object.defineProperty(target, method, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        record(args[0]);
        return original.apply(this, args);
      },
    });
    restore.push(() => delete (target as Record<string, unknown>)[method]);
  };

  if (database.pglite) {
    const client: PGlite = database.pglite;
    wrap(client, 'query');
    wrap(client, 'exec');
    const transaction = client.transaction;
    Object.defineProperty(client, 'transaction', {
      configurable: true,
      writable: true,
      value: function <R>(this: PGlite, callback: (tx: Transaction) => Promise<R>) {
        return transaction.call(this, (tx: Transaction) => {
          wrap(tx, 'query');
          wrap(tx, 'exec');
          return callback(tx);
        });
      },
    });
    restore.push(() => delete (client as unknown as Record<string, unknown>).transaction);
  } else if (database.pool) {
    const pool = database.pool as pg.Pool & { _clients?: pg.PoolClient[] };
    const patchClient = (client: pg.PoolClient) => wrap(client, 'query');
    for (const client of pool._clients ?? []) patchClient(client);
    pool.on('connect', patchClient);
    restore.push(() => {
      pool.off('connect', patchClient);
      for (const client of pool._clients ?? []) delete (client as unknown as Record<string, unknown>).query;
    });
  } else {
    throw new Error('countQueries needs a PGlite or node-postgres test database');
  }

  try {
    const result = await run();
    return { count: statements.length, statements, result };
  } finally {
    while (restore.length) restore.pop()!();
  }
}
