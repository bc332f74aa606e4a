import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { isDatabaseUnavailable } from './db/errors.js';
import { applyMigrations, withSetupLock } from './db/migrate.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { installJobs, jobSettingsFromConfig } from './jobs/boss.js';
import { startJobs, type JobRunner } from './jobs/start-jobs.js';
import { registry } from './registry.js';
import { contrastWithWhite } from './web/theme.js';
import { runPrimary } from './workers.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Log lines written before the app (and its logger) exists, in the same JSON shape as the app's (pino). */
export interface StartLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;

export function startLogger(level: Config['LOG_LEVEL']): StartLogger & { error: StartLogger['warn'] } {
  const write =
    (at: number) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (at >= LEVELS[level])
        console.log(JSON.stringify({ level: at, time: Date.now(), pid: process.pid, ...fields, msg: message }));
    };
  return { info: write(LEVELS.info), warn: write(LEVELS.warn), error: write(LEVELS.error) };
}

/**
 * Prepares the database once for every process starting together, under one lock: migrations (with their
 * extensions), pg-boss's schema and queues, and the demo on an empty database. The others wait, then find it done.
 */
async function prepareDatabase(database: Database, config: Config, log: StartLogger): Promise<boolean> {
  return withSetupLock(
    database,
    async () => {
      await applyMigrations(database);
      await installJobs(database, jobSettingsFromConfig(config), registry.jobs);
      return config.DEMO_DATA ? seedDemoIfEmpty(database.db) : false;
    },
    () => log.info('Database: another process is preparing it; waiting for it to finish'),
  );
}

/** The delay before try `attempt + 1` (from 0): half a second, doubling, at most five seconds. */
export const startRetryDelayMs = (attempt: number) => Math.min(5000, 500 * 2 ** attempt);

/**
 * Runs `work` until it succeeds; while it fails because the database cannot be reached, tries again with a growing
 * delay (logged each time) for up to `timeoutSeconds`. Any other failure, or the last one, is thrown.
 */
export async function retryWhileUnavailable<T>(
  work: () => Promise<T>,
  options: { timeoutSeconds: number; log: StartLogger; sleep?: (ms: number) => Promise<void> },
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const giveUpAt = Date.now() + options.timeoutSeconds * 1000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delayMs = startRetryDelayMs(attempt);
      if (!isDatabaseUnavailable(error) || Date.now() + delayMs > giveUpAt) throw error;
      options.log.warn(
        `Database not reachable yet (${(error as Error).message}): try ${attempt + 2} in ${delayMs} ms, giving up after ${options.timeoutSeconds} s`,
        {
          attempt: attempt + 1,
          delayMs,
        },
      );
      await sleep(delayMs);
    }
  }
}

/**
 * Opens the database, prepares it (migrations, job queue, demo on an empty database; retried while the server is
 * not reachable yet, up to DATABASE_START_TIMEOUT_SECONDS), and listens.
 */
export async function startServer(
  config: Config,
  log: StartLogger = startLogger(config.LOG_LEVEL),
): Promise<RunningServer> {
  const startedAt = performance.now();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  let app: FastifyInstance | undefined;
  let jobs: JobRunner | undefined;
  try {
    const seeded = await retryWhileUnavailable(() => prepareDatabase(database, config, log), {
      timeoutSeconds: config.DATABASE_START_TIMEOUT_SECONDS,
      log,
    });
    app = await buildApp({ config, database });
    app.log.info({ database: database.kind }, `Database: ${database.description}`);
    if (seeded) app.log.info('Empty database: loaded the Durango demo (set DEMO_DATA=false to start empty)');
    jobs = await startJobs({ database, config, logger: app.log, registry });
    if (contrastWithWhite(config.BRAND_COLOR) < 4.5) {
      app.log.warn(
        `BRAND_COLOR ${config.BRAND_COLOR} has less than 4.5:1 contrast with white text: choose a darker colour`,
      );
    }
    const url = await app.listen({ port: config.PORT, host: config.HOST });
    app.log.info({ startupMs: Math.round(performance.now() - startedAt) }, `Cocrea is listening on ${url}`);
    const running = app;
    const runningJobs = jobs;
    return {
      app: running,
      database,
      url,
      async stop() {
        // Connections end by themselves within the keep-alive timeout (5 s) after their last answer.
        await running.drain(Math.min(6000, config.SHUTDOWN_TIMEOUT_MS / 2));
        await Promise.all([running.close(), runningJobs.stop()]);
        await database.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * What a promise rejection nobody handled does to the process. A library may drop a promise (pg-boss 10 does not
 * await its `complete()` and `fail()`), so this is the last guard: a lost database connection is only logged (the
 * pool reconnects by itself); anything else is a bug whose state cannot be trusted, so the process stops cleanly
 * and its supervisor (systemd, the container runtime) starts a fresh one.
 */
export function handleUnhandledRejection(
  reason: unknown,
  on: {
    warn: (fields: object, message: string) => void;
    error: (fields: object, message: string) => void;
    stop: () => void;
  },
): void {
  if (isDatabaseUnavailable(reason)) {
    on.warn(
      { err: reason },
      'A database call failed while the database is unavailable (unhandled rejection): carrying on',
    );
    return;
  }
  on.error({ err: reason }, 'Unhandled promise rejection: stopping so that the supervisor starts a fresh process');
  on.stop();
}

/**
 * Entry point: graceful shutdown on SIGTERM/SIGINT (no new connections; in-flight requests finish and their
 * connections close; then the database closes).
 */
export async function runServer(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Cocrea cannot start. ${error.message}\nSee the configuration table in README.md.`);
      process.exit(78);
    }
    throw error;
  }
  const log = startLogger(config.LOG_LEVEL);
  if (config.WEB_CONCURRENCY > 1 && cluster.isPrimary) {
    if (config.DATABASE_URL) return runPrimary(config, log);
    log.warn(
      `WEB_CONCURRENCY=${config.WEB_CONCURRENCY} ignored: the embedded database (PGlite) can be opened by one process only, so the portal runs as one process. Set DATABASE_URL to a PostgreSQL server to run several workers.`,
    );
  }
  let server: RunningServer | undefined;
  let stopping = false;
  const shutdown = (signal: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    if (!server) process.exit(exitCode);
    const running = server;
    running.app.log.info(`${signal} received: finishing in-flight requests, then closing the database`);
    const timer = setTimeout(() => {
      running.app.log.error(`Shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms: exiting anyway`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    running
      .stop()
      .then(() => process.exit(exitCode))
      .catch((error: unknown) => {
        console.error('Error during shutdown:', error);
        process.exit(1);
      });
  };
  process.on('unhandledRejection', (reason) => {
    const logger = server?.app.log;
    handleUnhandledRejection(reason, {
      warn: (fields, message) => (logger ? logger.warn(fields, message) : log.warn(message, { err: String(reason) })),
      error: (fields, message) => (logger ? logger.error(fields, message) : console.error(message, reason)),
      stop: () => shutdown('unhandledRejection', 1),
    });
  });
  try {
    server = await startServer(config, log);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`Cocrea cannot start. ${error.message}`);
      process.exit(75);
    }
    console.error('Cocrea could not start:', error);
    process.exit(1);
  }
  process.on('SIGTERM', () => shutdown('SIGTERM', 0));
  process.on('SIGINT', () => shutdown('SIGINT', 0));
}
