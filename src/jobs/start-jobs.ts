import type PgBoss from 'pg-boss';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { deliverEmail, EmailBusyError, markEmailFailed } from '../modules/notifications/deliver-email.js';
import { createSmtpMailer, defaultSender, type Mailer } from '../modules/notifications/mailer.js';
import { purgeExpired } from '../modules/accounts/purge-expired.js';
import { closeDueCalls } from '../modules/calls/close-due-calls.js';
import { resumeCallMailings } from '../modules/calls/send-call-mailing.js';
import { notifyFollowers, sendWeeklyDigests, type NotifyOptions } from '../modules/participation/notify-followers.js';
import { createBoss, ensureQueues, JOB_SCHEMA, jobSettingsFromConfig, queues, type JobSettings } from './boss.js';
import { sqlExecutor, type SqlExecutor } from './sql-executor.js';

/** The subset of pino (Fastify's logger) the runner writes to. */
export interface JobLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

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
     WHERE e.status IN ('queued', 'sending')
       AND NOT EXISTS (SELECT 1 FROM ${JOB_SCHEMA}.job j WHERE j.name = $1 AND j.id = e.id)
     ORDER BY e.created_at`,
    [queues.sendEmail],
  );
  const ids = rows.map((row) => String(row.id));
  for (let start = 0; start < ids.length; start += 500) {
    await boss.insert(ids.slice(start, start + 500).map((id) => ({ id, name: queues.sendEmail, data: { emailId: id } })));
  }
  return ids.length;
}

/**
 * Calls close by themselves at their closing instant: once at start-up, then every minute through a pg-boss cron
 * schedule (one job a minute however many processes run). A failed run is logged and the next one tries again.
 */
async function startClosingCalls(boss: PgBoss, database: Database, logger: JobLogger, settings: JobSettings): Promise<void> {
  const close = async () => {
    const closed = await closeDueCalls(database.db, new Date());
    if (closed.length > 0) logger.info({ callIds: closed }, `Calls: closed ${closed.length} call(s) whose closing instant has passed`);
  };
  try {
    await close();
  } catch (error) {
    logger.error({ err: error }, 'Calls: could not close the calls whose closing instant has passed');
  }
  await boss.schedule(queues.closeDueCalls, '* * * * *');
  await boss.work(queues.closeDueCalls, { pollingIntervalSeconds: settings.pollingIntervalSeconds * 5 }, close);
}

/** Mondays at 14:00 UTC (8:00 in Durango): when the weekly digest of followed changes goes out. */
export const WEEKLY_DIGEST_CRON = '0 14 * * 1';

/** Settings of the followers' e-mails: links to the public address (or the address the server listens on). */
export const notifyOptionsFromConfig = (config: Config): NotifyOptions => ({
  baseUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`,
  siteName: config.SITE_NAME,
  timeZone: config.TIME_ZONE,
});

/**
 * Followers hear about changes: every minute the change log is read after its cursor and 'immediate' followers get
 * their e-mail (see notifyFollowers), and once a week 'weekly' followers get their digest. Both are pg-boss cron
 * schedules (one job per tick however many processes run); a failed run is logged and the next one resumes from
 * the cursor.
 */
async function startFollowNotifications(boss: PgBoss, database: Database, config: Config, logger: JobLogger, settings: JobSettings): Promise<void> {
  const options = notifyOptionsFromConfig(config);
  const notify = async () => {
    const { entries, emails } = await notifyFollowers(database.db, options);
    if (emails > 0) logger.info({ entries, emails }, `Follows: queued ${emails} e-mail(s) about ${entries} change-log entries`);
  };
  await boss.schedule(queues.notifyFollowers, '* * * * *');
  await boss.work(queues.notifyFollowers, { pollingIntervalSeconds: settings.pollingIntervalSeconds * 5 }, notify);
  await boss.schedule(queues.weeklyDigests, WEEKLY_DIGEST_CRON);
  await boss.work(queues.weeklyDigests, { pollingIntervalSeconds: settings.pollingIntervalSeconds * 5 }, async () => {
    const { emails } = await sendWeeklyDigests(database.db, { ...options, now: new Date() });
    logger.info({ emails }, `Follows: queued ${emails} weekly digest(s)`);
  });
}

/** Every day at 09:17 UTC (03:17 in Durango), a quiet hour: when expired sessions, links and counters are deleted. */
export const PURGE_EXPIRED_CRON = '17 9 * * *';

/** Expired sessions, long-expired e-mailed links and ended rate-limit windows are deleted daily (see purgeExpired). */
async function startPurgingExpired(boss: PgBoss, database: Database, config: Config, logger: JobLogger, settings: JobSettings): Promise<void> {
  await boss.schedule(queues.purgeExpired, PURGE_EXPIRED_CRON);
  await boss.work(queues.purgeExpired, { pollingIntervalSeconds: settings.pollingIntervalSeconds * 5 }, async () => {
    const deleted = await purgeExpired(database.db, { now: new Date(), sessionMaxDays: config.SESSION_MAX_DAYS });
    logger.info(deleted, `Accounts: deleted ${deleted.sessions} expired session(s), ${deleted.tokens} expired link(s) and ${deleted.rateLimits} ended rate-limit counter(s)`);
  });
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
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();

  let mailer: Mailer | undefined;
  try {
    await ensureQueues(boss, settings);
    await startClosingCalls(boss, database, logger, settings);
    const resumed = await resumeCallMailings(database.db, { siteName: config.SITE_NAME });
    if (resumed.length > 0) logger.info({ mailingIds: resumed }, 'Calls: finished queueing next-step mailings interrupted by a stop');
    await startFollowNotifications(boss, database, config, logger, settings);
    await startPurgingExpired(boss, database, config, logger, settings);
    mailer =
      options.mailer ??
      (config.SMTP_URL
        ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM ?? defaultSender(config.SITE_NAME, config.PUBLIC_URL), timeoutMs: settings.smtpTimeoutMs })
        : undefined);

    if (mailer) {
      const activeMailer = mailer;
      const orphans = await enqueueOrphans(executor, boss);
      if (orphans > 0) logger.info({ count: orphans }, 'E-mail: queued delivery of e-mails written without a job');
      const workOptions = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds: settings.pollingIntervalSeconds };
      await boss.work<SendEmailData>(queues.sendEmail, workOptions, async ([job]) => {
        if (!job) return;
        const isLastAttempt = job.retryCount >= job.retryLimit;
        try {
          const outcome = await deliverEmail(database.db, activeMailer, job.data.emailId, { isLastAttempt, staleAfterSeconds: settings.expireInSeconds });
          if (outcome === 'missing') logger.warn({ emailId: job.data.emailId }, 'E-mail job for a row that no longer exists');
          return { outcome };
        } catch (error) {
          const level = error instanceof EmailBusyError ? 'info' : isLastAttempt ? 'error' : 'warn';
          logger[level]({ emailId: job.data.emailId, attempt: job.retryCount + 1, isLastAttempt, err: error }, 'E-mail delivery failed');
          throw error;
        }
      });
      // Abandoned jobs are rare and not urgent: their queue is polled less often.
      const deadLetterOptions = { ...workOptions, pollingIntervalSeconds: settings.pollingIntervalSeconds * 4 };
      await boss.work<SendEmailData>(queues.sendEmailFailed, deadLetterOptions, async ([job]) => {
        if (job && (await markEmailFailed(database.db, job.data.emailId, 'delivery abandoned: the last attempt did not finish'))) {
          logger.error({ emailId: job.data.emailId }, 'E-mail delivery abandoned after the last attempt');
        }
      });
      logger.info({ smtp: mailer.description }, `E-mail: delivering through ${mailer.description}`);
    } else {
      logger.info({}, 'E-mail: no SMTP_URL set, so e-mails are not sent: they stay in the outbox at /admin/correo');
    }
  } catch (error) {
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
        await boss.stop({ graceful: true, timeout: settings.stopTimeoutMs });
        await drain();
        mailer?.close();
      })();
      return stopping;
    },
  };
}
