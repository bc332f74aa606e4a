import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { parseConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { TEST_NOW } from './constants.js';
import { createTestDatabase, type Lifetime } from './test-db.js';

/**
 * A real app (all plugins, all routes) on a fresh demo database, driven with app.inject(). Its database is closed
 * after the test; with `lifetime: 'file'` (built in `beforeAll`), after the file's last test: for tests that only
 * read pages and never write, which then share one app. `now` replaces the fixed clock (a test that lets time pass).
 */
export async function createTestApp(options: { env?: Record<string, string>; database?: Database; lifetime?: Lifetime; now?: () => Date } = {}): Promise<{ app: FastifyInstance; database: Database; config: Config }> {
  const database = options.database ?? (await createTestDatabase({ withDemo: true, lifetime: options.lifetime }));
  const config = parseConfig({ LOG_LEVEL: 'silent', ...options.env });
  const app = await buildApp({ config, database, now: options.now ?? (() => TEST_NOW) });
  await app.ready();
  return { app, database, config };
}
