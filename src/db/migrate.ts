import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrationsDir } from '../paths.js';
import type { Database } from './client.js';

/** Any number that is the same in every process: several app processes starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 461_778_213;

/** Applies the committed SQL migrations that have not run yet (drizzle's journal in schema `drizzle`). */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: migrationsDir };
  if (!database.pool) {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzle(client), config);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
