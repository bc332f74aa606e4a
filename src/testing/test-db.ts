import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach } from 'vitest';
import { fromPglite, fromPgPool, pgliteExtensions, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../demo/seed-demo.js';
import { TEMPLATE_DATABASES, TEST_NOW } from './constants.js';

export type TestDriver = 'pglite' | 'postgres';
export const testDriver: TestDriver = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

const pgliteTemplates = new Map<string, Promise<PGlite>>();

async function pgliteTemplate(withDemo: boolean): Promise<PGlite> {
  const key = withDemo ? 'demo' : 'migrated';
  let template = pgliteTemplates.get(key);
  if (!template) {
    template = (async () => {
      const client = await PGlite.create({ extensions: pgliteExtensions });
      const database = fromPglite(client, 'template');
      await migrate(database);
      if (withDemo) await seedDemo(database.db, TEST_NOW);
      return client;
    })();
    pgliteTemplates.set(key, template);
  }
  return template;
}

/**
 * How long a test database lives: closed (and dropped) after the test that opened it, or after the last test of its
 * file (one database shared by tests that only read it, opened in `beforeAll`).
 */
export type Lifetime = 'test' | 'file';

const opened: Record<Lifetime, (() => Promise<void>)[]> = { test: [], file: [] };
afterEach(async () => {
  while (opened.test.length) await opened.test.pop()!();
});
afterAll(async () => {
  while (opened.file.length) await opened.file.pop()!();
});

/** The URL of a new database on the PostgreSQL test server, copied from a template or empty; dropped after the test. */
export async function createServerDatabaseUrl(template?: string, lifetime: Lifetime = 'test'): Promise<string> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `cocrea_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  opened[lifetime].unshift(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function createServerDatabase(template: string | undefined, lifetime: Lifetime = 'test'): Promise<Database> {
  const database = fromPgPool(
    new pg.Pool({ connectionString: await createServerDatabaseUrl(template, lifetime), max: 4 }),
    'test database',
  );
  let closed = false;
  const close = async () => {
    if (!closed) await database.close();
    closed = true;
  };
  opened[lifetime].push(close);
  return { ...database, close };
}

/**
 * A fresh, migrated database for one test (closed and dropped after it), or for every test of a file with
 * `lifetime: 'file'`: a PGlite clone() of a template, or a new database copied from a template on the PostgreSQL
 * server.
 */
export async function createTestDatabase(options: { withDemo?: boolean; lifetime?: Lifetime } = {}): Promise<Database> {
  const withDemo = options.withDemo ?? false;
  const lifetime = options.lifetime ?? 'test';
  if (testDriver === 'postgres')
    return createServerDatabase(withDemo ? TEMPLATE_DATABASES.demo : TEMPLATE_DATABASES.migrated, lifetime);
  const clone = (await (await pgliteTemplate(withDemo)).clone()) as PGlite;
  const database = fromPglite(clone, 'test clone');
  opened[lifetime].push(() => database.close());
  return database;
}

/** A database with nothing in it, not even migrations, for tests of migrating itself. */
export async function createEmptyDatabase(): Promise<Database> {
  if (testDriver === 'postgres') return createServerDatabase(undefined);
  const database = fromPglite(await PGlite.create({ extensions: pgliteExtensions }), 'empty');
  opened.test.push(() => database.close());
  return database;
}
