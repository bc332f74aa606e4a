import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { migrate } from './db/migrate.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { startJobs, type JobRunner } from './jobs/start-jobs.js';
import { registry } from './registry.js';
import { contrastWithWhite } from './web/theme.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo on an empty database, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const startedAt = performance.now();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
  let app: FastifyInstance | undefined;
  let jobs: JobRunner | undefined;
  try {
    await migrate(database);
    const seeded = config.DEMO_DATA ? await seedDemoIfEmpty(database.db) : false;
    app = await buildApp({ config, database });
    app.log.info({ database: database.kind }, `Database: ${database.description}`);
    if (seeded) app.log.info('Empty database: loaded the Durango demo (set DEMO_DATA=false to start empty)');
    jobs = await startJobs({ database, config, logger: app.log, registry });
    if (contrastWithWhite(config.BRAND_COLOR) < 4.5) {
      app.log.warn(`BRAND_COLOR ${config.BRAND_COLOR} has less than 4.5:1 contrast with white text: choose a darker colour`);
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

/** Entry point: graceful shutdown on SIGTERM/SIGINT (in-flight requests finish, then the database closes). */
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
  let server: RunningServer;
  try {
    server = await startServer(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`Cocrea cannot start. ${error.message}`);
      process.exit(75);
    }
    console.error('Cocrea could not start:', error);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info(`${signal} received: finishing in-flight requests, then closing the database`);
    const timer = setTimeout(() => {
      server.app.log.error(`Shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms: exiting anyway`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    server
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('Error during shutdown:', error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
