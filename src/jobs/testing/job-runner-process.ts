/**
 * A process that runs only the job runner, for the test that kills it mid-send: `node job-runner-process.mjs
 * '<settings JSON>'` with DATA_DIR or DATABASE_URL, SMTP_URL and MAIL_FROM in its environment. It prints one JSON
 * line per log entry and `job runner ready` once started; SIGTERM stops it gracefully.
 */
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import type { JobSettings } from '../boss.js';
import { startJobs, type JobLogger } from '../start-jobs.js';
import { registry } from '../../registry.js';

const print = (level: string) => (object: object, message?: string) => {
  const { err, ...rest } = object as { err?: unknown };
  console.log(JSON.stringify({ level, message, ...rest, ...(err ? { err: String(err) } : {}) }));
};
const logger: JobLogger = { info: print('info'), warn: print('warn'), error: print('error') };

const config = loadConfig();
const settings = JSON.parse(process.argv[2] ?? '{}') as Partial<JobSettings>;
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
await migrate(database);
const jobs = await startJobs({ database, config, logger, settings, registry });
console.log('job runner ready');

process.on('SIGTERM', () => {
  void jobs
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
