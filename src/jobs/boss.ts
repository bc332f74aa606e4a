import PgBoss from 'pg-boss';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { sqlExecutor, type SqlExecutor } from './sql-executor.js';

/** pg-boss keeps its tables in this schema of the portal's database (created and migrated by pg-boss itself). */
export const JOB_SCHEMA = 'pgboss';

export const queues = {
  /** One job per `emails` row; the job's id is the row's id. */
  sendEmail: 'send-email',
  /** pg-boss moves here the send-email jobs it gave up on (dead letter), to mark their rows failed. */
  sendEmailFailed: 'send-email-failed',
} as const;

/** A queue of scheduled work a module declares (see ScheduledJob in src/kernel/manifest.ts). */
export interface ScheduledQueue {
  queue: string;
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
}

/** Timings of the job runner. Production values come from the configuration; tests shorten them. */
export interface JobSettings {
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds: number;
  /** How often the e-mail worker looks for new e-mails: a confirmation link must arrive within seconds. */
  emailPollingIntervalSeconds: number;
  /** E-mails sent at once; the worker takes four times as many per fetch. */
  emailConcurrency: number;
  /** How often pg-boss expires jobs whose process died (they are retried) and archives old ones. */
  maintenanceIntervalSeconds: number;
  /** An active job older than this is considered abandoned: after the next maintenance it is retried. */
  expireInSeconds: number;
  /** Tries after the first one. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Exponential backoff with jitter: the delay doubles on each retry. */
  retryBackoff: boolean;
  /** SMTP connection, greeting and socket timeouts; kept well below expireInSeconds. */
  smtpTimeoutMs: number;
  /** How long a graceful stop waits for a send in progress before giving its job back. */
  stopTimeoutMs: number;
  /**
   * Late retries once the quick ones are spent on a passing failure (the mail server is down); the shape of
   * LateRetrySettings in the notifications module, which this layer does not import.
   */
  lateRetry: { horizonSeconds: number; firstWaitSeconds: number; maxWaitSeconds: number };
  /** How often the rows whose late try is due get their job again, and the oldest unsent e-mail is checked. */
  lateRetryCheckSeconds: number;
}

/** The longest wait between two late tries: half an hour, as mail servers do. */
const LATE_RETRY_MAX_WAIT_SECONDS = 30 * 60;

export function jobSettingsFromConfig(config: Config): JobSettings {
  return {
    pollingIntervalSeconds: 2,
    emailPollingIntervalSeconds: 0.5,
    emailConcurrency: config.EMAIL_CONCURRENCY,
    maintenanceIntervalSeconds: 60,
    expireInSeconds: 300,
    retryLimit: config.EMAIL_RETRY_LIMIT,
    retryDelaySeconds: config.EMAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    smtpTimeoutMs: 60_000,
    stopTimeoutMs: Math.max(1000, Math.floor(config.SHUTDOWN_TIMEOUT_MS / 2)),
    lateRetry: {
      horizonSeconds: Math.round(config.EMAIL_RETRY_HORIZON_HOURS * 3600),
      firstWaitSeconds: config.EMAIL_RETRY_DELAY_SECONDS,
      maxWaitSeconds: LATE_RETRY_MAX_WAIT_SECONDS,
    },
    lateRetryCheckSeconds: 30,
  };
}

/** Settings that do not depend on the configuration, for installing the queues outside the server (tests, CLI). */
export const defaultJobSettings: JobSettings = {
  pollingIntervalSeconds: 2,
  emailPollingIntervalSeconds: 0.5,
  emailConcurrency: 8,
  maintenanceIntervalSeconds: 60,
  expireInSeconds: 300,
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  smtpTimeoutMs: 60_000,
  stopTimeoutMs: 5000,
  lateRetry: { horizonSeconds: 48 * 3600, firstWaitSeconds: 30, maxWaitSeconds: LATE_RETRY_MAX_WAIT_SECONDS },
  lateRetryCheckSeconds: 30,
};

/** A pg-boss instance on the portal's database (PGlite or the server's pool); cron schedules only when asked. */
export function createBoss(
  executor: SqlExecutor,
  settings: JobSettings,
  options: { supervise: boolean; schedule?: boolean },
): PgBoss {
  return new PgBoss({
    db: executor,
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: options.supervise,
    schedule: options.schedule ?? false,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
    pollingIntervalSeconds: settings.pollingIntervalSeconds,
  });
}

/** Creates the queues, or brings their retry and expiry settings up to date (new jobs take the queue's values). */
export async function ensureQueues(
  boss: PgBoss,
  settings: JobSettings,
  scheduled: readonly ScheduledQueue[] = [],
): Promise<void> {
  const failed = { name: queues.sendEmailFailed, retryLimit: 2, retryDelay: 5 };
  const send = {
    name: queues.sendEmail,
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: settings.retryBackoff,
    expireInSeconds: settings.expireInSeconds,
    deadLetter: queues.sendEmailFailed,
  };
  for (const job of scheduled) {
    await boss.createQueue(job.queue, {
      name: job.queue,
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelaySeconds,
      expireInSeconds: job.expireInSeconds,
    });
  }
  await boss.createQueue(failed.name, failed);
  await boss.createQueue(send.name, send);
  await boss.updateQueue(send.name, send);
}

/**
 * Installs (or migrates) pg-boss's schema and the queues in a database, without starting workers. The server does
 * this at start-up; call it after `migrate()` wherever e-mail is queued without the server (tests, command line)
 * so that jobs are inserted in the same transaction as their rows. Idempotent.
 */
export async function installJobs(
  database: Database,
  settings: JobSettings = defaultJobSettings,
  scheduled: readonly ScheduledQueue[] = [],
): Promise<void> {
  const boss = createBoss(sqlExecutor(database.db), settings, { supervise: false });
  await boss.start();
  try {
    await ensureQueues(boss, settings, scheduled);
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}
