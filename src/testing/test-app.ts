import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../app.js';
import { parseConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Registry } from '../kernel/registry.js';
import { TEST_NOW } from './constants.js';
import { createTestDatabase, type Lifetime } from './test-db.js';

/**
 * A real app (all plugins, all routes) on a fresh demo database, driven with app.inject(). Its database is closed
 * after the test; with `lifetime: 'file'` (built in `beforeAll`), after the file's last test: for tests that only
 * read pages and never write, which then share one app. With `logStream`, the log lines go there (every level).
 * `now` replaces the fixed clock (a test that lets time pass).
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    database?: Database;
    lifetime?: Lifetime;
    logStream?: { write(line: string): void };
    now?: () => Date;
    /** Another set of modules than the portal's (a test of how the app reads manifests). */
    registry?: Registry;
  } = {},
): Promise<{ app: FastifyInstance; database: Database; config: Config }> {
  const database = options.database ?? (await createTestDatabase({ withDemo: true, lifetime: options.lifetime }));
  // A test that captures the log reads every line the portal writes.
  const config = parseConfig({ LOG_LEVEL: options.logStream ? 'trace' : 'silent', ...options.env });
  const app = await buildApp({
    config,
    database,
    now: options.now ?? (() => TEST_NOW),
    logStream: options.logStream,
    ...(options.registry ? { registry: options.registry } : {}),
  });
  await app.ready();
  sendObjectsAsForms(app);
  return { app, database, config };
}

/**
 * The portal takes forms only (JSON gets 415): a test's `inject({ payload: { … } })` without a content type is sent
 * as a browser sends a form, `application/x-www-form-urlencoded` (a list value as the field repeated).
 */
function sendObjectsAsForms(app: FastifyInstance): void {
  const inject = app.inject.bind(app);
  const asForm = (options: InjectOptions): InjectOptions => {
    const { payload, headers } = options;
    const hasType = Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'content-type');
    if (
      hasType ||
      typeof payload !== 'object' ||
      payload === null ||
      Buffer.isBuffer(payload) ||
      typeof (payload as { pipe?: unknown }).pipe === 'function'
    )
      return options;
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(payload)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, String(item));
    }
    return {
      ...options,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    };
  };
  app.inject = ((options?: InjectOptions | string, callback?: never) => {
    if (options === undefined || typeof options === 'string')
      return (inject as (o?: unknown, c?: unknown) => unknown)(options, callback);
    return (inject as (o: InjectOptions, c?: unknown) => unknown)(asForm(options), callback);
  }) as FastifyInstance['inject'];
}
