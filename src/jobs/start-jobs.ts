import type PgBoss from 'pg-boss';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { isDatabaseUnavailable } from '../db/errors.js';
import { deliverEmail, EmailBusyError, markEmailFailed } from '../modules/notifications/deliver-email.js';
import { createSmtpMailer, defaultSender, type Mailer } from '../modules/notifications/mailer.js';
import { OLDEST_UNSENT_ALARM_SECONDS } from '../modules/notifications/schema.js';
import type { JobContext, JobLogger } from '../kernel/manifest.js';
import type { Registry } from '../kernel/registry.js';
import { createBoss, ensureQueues, JOB_SCHEMA, jobSettingsFromConfig, queues, type JobSettings } from './boss.js';
import { sqlExecutor, type SqlExecutor } from './sql-executor.js';

export type { JobLogger };

export interface JobRunner {
  /** Whether e-mail is being delivered (SMTP configured) or only kept in the outbox. */
  readonly isDelivering: boolean;
  /** Stops taking jobs, lets a send in progress finish (up to stopTimeoutMs), and waits for pg-boss's last writes. */
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  database: Database;
  config: Config;
  logger: JobLogger;
  /** The modules whose scheduled jobs run (src/registry.ts). */
  registry: Registry;
  /** Shorter timings for tests. */
  settings?: Partial<JobSettings>;
  /** Replaces the SMTP mailer built from SMTP_URL (tests). */
  mailer?: Mailer;
}

interface SendEmailData {
  emailId: string;
}

/** Counts the SQL pg-boss has in flight, so that stopping waits for its last writes before the database closes. */
function tracked(executor: SqlExecutor) {
  const inFlight = new Set<Promise<unknown>>();
  return {
    executor: {
      executeSql(text: string, values?: unknown[]) {
        const promise = executor.executeSql(text, values);
        inFlight.add(promise);
        void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
        return promise;
      },
    } satisfies SqlExecutor,
    drain: () => Promise.allSettled([...inFlight]),
  };
}

/**
 * Rows still waiting for delivery that have no job: written while pg-boss was not installed (queueEmail's
 * `deferred`), or restored from a backup. Each gets its job, with the row's id as the job's id.
 */
async function enqueueOrphans(executor: SqlExecutor, boss: PgBoss): Promise<number> {
  const { rows } = await executor.executeSql(
    `SELECT e.id FROM emails e
     WHERE e.status IN ('queued', 'sending') AND e.next_attempt_at IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM ${JOB_SCHEMA}.job j
         WHERE j.name = $1 AND (j.id = e.id OR j.data->>'emailId' = e.id::text) AND j.state < 'completed'
       )
     ORDER BY e.created_at`,
    [queues.sendEmail],
  );
  const ids = rows.map((row) => String(row.id));
  for (let start = 0; start < ids.length; start += 500) {
    await boss.insert(
      ids.slice(start, start + 500).map((id) => ({ id, name: queues.sendEmail, data: { emailId: id } })),
    );
  }
  return ids.length;
}

const ALARM_REPEAT_MS = 30 * 60 * 1000;

/**
 * Late retries: the rows whose late try is due (the mail server was down longer than the quick retries lasted) get a
 * new job. Claiming them is one UPDATE, so two processes never take the same row. It also raises the alarm when the
 * oldest unsent e-mail is over an hour old. Runs every `lateRetryCheckSeconds` until stopped.
 */
function startLateRetries(executor: SqlExecutor, boss: PgBoss, settings: JobSettings, logger: JobLogger) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let lastAlarm = 0;
  const tick = async () => {
    const { rows } = await executor.executeSql(
      `UPDATE emails SET next_attempt_at = NULL, updated_at = now()
       WHERE id IN (SELECT id FROM emails WHERE status = 'queued' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT 500 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
    );
    const ids = rows.map((row) => String(row.id));
    if (ids.length > 0) {
      try {
        await boss.insert(ids.map((id) => ({ name: queues.sendEmail, data: { emailId: id } })));
        logger.info({ count: ids.length }, 'E-mail: late retry of e-mails the mail server did not take');
      } catch (error) {
        // Given back for the next tick rather than left without a job.
        await executor.executeSql(`UPDATE emails SET next_attempt_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
        throw error;
      }
    }
    const { rows: oldest } = await executor.executeSql(
      `SELECT extract(epoch FROM now() - min(created_at))::float8 AS age FROM emails
       WHERE status IN ('queued', 'sending')`,
    );
    const age = Number(oldest[0]?.age ?? 0);
    if (age > OLDEST_UNSENT_ALARM_SECONDS && Date.now() - lastAlarm > ALARM_REPEAT_MS) {
      lastAlarm = Date.now();
      logger.error(
        { oldestUnsentMinutes: Math.floor(age / 60) },
        'E-mail: the oldest unsent e-mail is over an hour old; is the mail server reachable? See /admin/correo',
      );
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) =>
          isDatabaseUnavailable(error)
            ? logger.warn({ err: error }, 'E-mail late retries: the database is unavailable')
            : logger.error({ err: error }, 'E-mail late retries failed'),
        )
        .finally(schedule);
    }, settings.lateRetryCheckSeconds * 1000);
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/**
 * Each module's scheduled work: a pg-boss cron schedule per job (one job per tick however many processes run), run
 * once at start-up first where the module asks for it. A failed run is logged and the next one tries again.
 */
async function startScheduledJobs(
  boss: PgBoss,
  registry: Registry,
  context: JobContext,
  settings: JobSettings,
): Promise<void> {
  for (const module of registry.modules) {
    if (module.onStart) await module.onStart(context);
  }
  for (const job of registry.jobs) {
    if (job.runAtStart) {
      try {
        await job.run(context);
      } catch (error) {
        context.logger.error({ err: error, queue: job.queue }, `Jobs: the start-up run of ${job.queue} failed`);
      }
    }
    await boss.schedule(job.queue, job.cron);
    await boss.work(job.queue, { pollingIntervalSeconds: settings.pollingIntervalSeconds * 5 }, () => job.run(context));
  }
}

/**
 * Starts pg-boss on the portal's database (installing or migrating its schema and the queues) and, when SMTP_URL
 * is set, the e-mail workers. Without SMTP_URL nothing is delivered: e-mails stay `queued` in the outbox that admins
 * read at /admin/correo, with their jobs waiting for the day a mail server is configured.
 */
export async function startJobs(options: StartJobsOptions): Promise<JobRunner> {
  const { database, config, logger } = options;
  const settings: JobSettings = { ...jobSettingsFromConfig(config), ...options.settings };
  const { executor, drain } = tracked(sqlExecutor(database.db));
  const boss = createBoss(executor, settings, { supervise: true, schedule: true });
  // pg-boss reports here what failed in its own loops (polling, maintenance, cron); while the database is away that
  // is expected and the loops carry on once it is back.
  boss.on('error', (error) =>
    isDatabaseUnavailable(error)
      ? logger.warn({ err: error }, 'job queue: the database is unavailable')
      : logger.error({ err: error }, 'job queue error'),
  );
  await boss.start();

  let mailer: Mailer | undefined;
  let stopLateRetries: (() => Promise<void>) | undefined;
  try {
    await ensureQueues(boss, settings, options.registry.jobs);
    await startScheduledJobs(
      boss,
      options.registry,
      { db: database.db, config, logger, records: options.registry.records },
      settings,
    );
    mailer =
      options.mailer ??
      (config.SMTP_URL
        ? createSmtpMailer({
            url: config.SMTP_URL,
            from: config.MAIL_FROM ?? defaultSender(config.SITE_NAME, config.PUBLIC_URL),
            timeoutMs: settings.smtpTimeoutMs,
            connections: settings.emailConcurrency,
          })
        : undefined);

    if (mailer) {
      const activeMailer = mailer;
      const orphans = await enqueueOrphans(executor, boss);
      if (orphans > 0) logger.info({ count: orphans }, 'E-mail: queued delivery of e-mails written without a job');
      const workOptions = {
        includeMetadata: true as const,
        batchSize: settings.emailConcurrency * 4,
        pollingIntervalSeconds: settings.emailPollingIntervalSeconds,
      };
      const deliver = async (job: PgBoss.JobWithMetadata<SendEmailData>) => {
        const isLastAttempt = job.retryCount >= job.retryLimit;
        try {
          const outcome = await deliverEmail(database.db, activeMailer, job.data.emailId, {
            isLastAttempt,
            staleAfterSeconds: settings.expireInSeconds,
            retry: settings.lateRetry,
          });
          if (outcome === 'missing')
            logger.warn({ emailId: job.data.emailId }, 'E-mail job for a row that no longer exists');
        } catch (error) {
          const level = error instanceof EmailBusyError ? 'info' : isLastAttempt ? 'error' : 'warn';
          logger[level](
            { emailId: job.data.emailId, attempt: job.retryCount + 1, isLastAttempt, err: error },
            'E-mail delivery failed',
          );
          // This job alone is retried (or given up) by pg-boss; the rest of the batch completes.
          const message = error instanceof Error ? error.message : String(error);
          // If even this fails (the database is away), the job expires and pg-boss retries it.
          await boss.fail(queues.sendEmail, job.id, { message }).catch((failure: unknown) => {
            logger.warn({ emailId: job.data.emailId, err: failure }, 'E-mail: could not record a failed try');
          });
        }
      };
      // A batch of jobs per fetch, sent `emailConcurrency` at a time over pooled connections.
      await boss.work<SendEmailData>(queues.sendEmail, workOptions, async (jobs) => {
        let next = 0;
        const lane = async () => {
          while (next < jobs.length) await deliver(jobs[next++]!);
        };
        await Promise.all(Array.from({ length: Math.min(settings.emailConcurrency, jobs.length) }, lane));
      });
      // Abandoned jobs are rare and not urgent: their queue is polled less often.
      const deadLetterOptions = {
        ...workOptions,
        batchSize: 1,
        pollingIntervalSeconds: settings.pollingIntervalSeconds * 4,
      };
      await boss.work<SendEmailData>(queues.sendEmailFailed, deadLetterOptions, async ([job]) => {
        if (!job) return;
        const reason = 'delivery abandoned: the last attempt did not finish';
        const outcome = await markEmailFailed(database.db, job.data.emailId, reason, settings.lateRetry);
        if (outcome === 'failed')
          logger.error({ emailId: job.data.emailId }, 'E-mail delivery abandoned after the last attempt');
        if (outcome === 'retry_later')
          logger.warn({ emailId: job.data.emailId }, 'E-mail: the last quick attempt did not finish; retrying later');
      });
      stopLateRetries = startLateRetries(executor, boss, settings, logger);
      logger.info({ smtp: mailer.description }, `E-mail: delivering through ${mailer.description}`);
    } else {
      logger.info({}, 'E-mail: no SMTP_URL set, so e-mails are not sent: they stay in the outbox at /admin/correo');
    }
  } catch (error) {
    await stopLateRetries?.();
    await boss.stop({ graceful: false }).catch(() => undefined);
    await drain();
    mailer?.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    isDelivering: mailer !== undefined,
    stop() {
      stopping ??= (async () => {
        await stopLateRetries?.();
        await boss.stop({ graceful: true, timeout: settings.stopTimeoutMs });
        await drain();
        mailer?.close();
      })();
      return stopping;
    },
  };
}
