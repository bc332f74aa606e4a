import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../demo/seed-demo.js';
import { TEST_NOW, TEMPLATE_DATABASES } from './constants.js';

/**
 * On PostgreSQL, builds two template databases once per run (migrated; migrated + demo) from which every test gets
 * its own fresh database with CREATE DATABASE ... TEMPLATE (a file copy, a few tens of milliseconds).
 */
export async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (const [name, withDemo] of [
      [TEMPLATE_DATABASES.migrated, false],
      [TEMPLATE_DATABASES.demo, true],
    ] as const) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: target.toString(), dataDir: 'unused', poolSize: 1 });
      await migrate(database);
      if (withDemo) await seedDemo(database.db, TEST_NOW);
      await database.close();
    }
  } finally {
    await admin.end();
  }
}
