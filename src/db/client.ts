import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

/**
 * One type for both drivers; a transaction (`tx`) is also a Db. Queries name their tables (each module's schema.ts),
 * so the client is built without a schema: the database layer imports no module.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human-readable description for logs (never includes a password). */
  description: string;
  /** The server's pool (PostgreSQL only), for work that needs one dedicated connection. */
  pool?: pg.Pool;
  /** The embedded client (PGlite only), for LISTEN and for counting queries in tests. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm, unaccent };

/** Wraps an open PGlite instance (on disk or in memory) in Drizzle. */
export function fromPglite(client: PGlite, description: string, onClose?: () => void): Database {
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    description,
    pglite: client,
    async close() {
      if (!client.closed) await client.close();
      onClose?.();
    },
  };
}

export function fromPgPool(pool: pg.Pool, description: string): Database {
  // An idle connection closed by the server (restart, failover, admin) must not crash the process: the pool drops
  // it and opens a new one for the next query, which reports any real error.
  pool.on('error', () => undefined);
  return {
    db: drizzlePg(pool) as unknown as Db,
    kind: 'postgres',
    description,
    pool,
    close: () => pool.end(),
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL: how long opening a connection may take (none when unset). */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL: how long one statement may run. The server cancels it (statement_timeout); a server that does not
   * answer at all (frozen, or cut off by the network) is given up on by the client a moment later (query_timeout),
   * and that connection is dropped. None when unset (the command line's backups and restores run long statements).
   */
  statementTimeoutMs?: number;
}

/** The node-postgres settings of the pool (and of the notification connection, which copies them). */
export function poolOptions(options: OpenDatabaseOptions & { databaseUrl: string }): pg.PoolConfig {
  const statement = options.statementTimeoutMs;
  return {
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
    // A connection that the server or the network dropped without a word is noticed, not waited on for hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
    ...(statement ? { statement_timeout: statement, query_timeout: statement + 2000 } : {}),
  };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool(poolOptions({ ...options, databaseUrl: options.databaseUrl }));
    return fromPgPool(pool, `PostgreSQL server ${redact(options.databaseUrl)}`);
  }
  const dataDir = resolve(options.dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    const client = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions: pgliteExtensions });
    return fromPglite(client, `embedded PGlite in ${dataDir}`, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}
