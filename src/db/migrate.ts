import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import { migrationsDir } from '../paths.js';
import type { Database } from './client.js';

/**
 * Any number that is the same in every process: the processes starting together prepare the database (migrations
 * with their extensions, pg-boss's schema and queues, the demo) one at a time.
 */
const SETUP_LOCK_KEY = 461_778_213;
const LOCK_POLL_MS = 200;

/**
 * Runs `work` while holding the database's set-up lock (a session advisory lock on a connection of its own): every
 * other process asking for it waits until `work` has finished. The lock is polled (pg_try_advisory_lock) rather than
 * waited for in one statement, so waiting for a long demo seed never trips the statement timeout. PGlite has a
 * single process (the data-directory lock), so there `work` just runs.
 *
 * Inside `work` take no other set-up lock (`migrate()` takes one: call `applyMigrations()` instead): the lock is
 * held by this connection only, so a second request from another connection would wait for ever.
 */
export async function withSetupLock<T>(database: Database, work: () => Promise<T>, onWait?: () => void): Promise<T> {
  if (!database.pool) return work();
  // Its own connection, outside the pool: `work` may need every connection of a small pool.
  const client = new pg.Client(database.pool.options);
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
        SETUP_LOCK_KEY,
      ]);
      if (rows[0]?.locked) break;
      if (attempt === 0) onWait?.();
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    return await work();
  } finally {
    // Unlocked at once if the server answers; ending the session releases it in any case.
    await client.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK_KEY]).catch(() => undefined);
    void client.end().catch(() => undefined);
  }
}

/** Applies the committed SQL migrations that have not run yet (drizzle's journal in schema `drizzle`), unlocked. */
export async function applyMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder: migrationsDir };
  if (!database.pool) {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  await migratePg(drizzle(database.pool), config);
}

/** Applies the pending migrations under the set-up lock (for the command line and tests; the server locks more). */
export async function migrate(database: Database): Promise<void> {
  await withSetupLock(database, () => applyMigrations(database));
}
