import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { deliverEmail, EmailBusyError } from '../modules/notifications/deliver-email.js';
import { createSmtpMailer, type Mailer } from '../modules/notifications/mailer.js';
import { queueEmail, type QueueEmailInput } from '../modules/notifications/queue-email.js';
import { emails } from '../modules/notifications/schema.js';
import { createTestDatabase } from '../testing/test-db.js';
import { installJobs, JOB_SCHEMA, queues } from './boss.js';
import { sqlExecutor } from './sql-executor.js';
import { startJobs, type JobRunner } from './start-jobs.js';
import { eventually, fastJobSettings, memoryLogger } from './testing/job-test-kit.js';
import { startTestSmtpServer, type TestSmtpServer } from './testing/test-smtp-server.js';
import { registry } from '../registry.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function smtpServer(behaviour?: Parameters<typeof startTestSmtpServer>[0]): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer(behaviour);
  cleanups.push(() => server.close());
  return server;
}

async function runner(database: Database, env: Record<string, string>, settings = fastJobSettings): Promise<JobRunner> {
  const config = parseConfig({
    LOG_LEVEL: 'silent',
    SITE_NAME: 'Cocrea Durango',
    MAIL_FROM: 'Cocrea Durango <no-reply@cocrea.test>',
    ...env,
  });
  const jobs = await startJobs({ database, config, logger: memoryLogger(), settings, registry });
  // This file's afterEach runs before test-db's (Vitest runs hooks as a stack): the runner stops before the database
  // closes.
  cleanups.push(() => jobs.stop());
  return jobs;
}

const confirmation = (to: string, locale: 'es-MX' | 'en'): QueueEmailInput => ({
  to,
  template: 'confirm_email',
  locale,
  params: {
    name: 'Ana López',
    url: 'https://portal.example.mx/confirmar/abc',
    siteName: 'Cocrea Durango',
    expiresInHours: 24,
  },
});

const rowOf = async (database: Database, id: string) =>
  (await database.db.select().from(emails).where(eq(emails.id, id)))[0]!;

async function jobsOf(db: Database['db'], id?: string): Promise<{ id: string; state: string }[]> {
  const { rows } = await sqlExecutor(db).executeSql(
    `SELECT id, state FROM ${JOB_SCHEMA}.job WHERE name = $1 AND ($2::uuid IS NULL OR id = $2::uuid)`,
    [queues.sendEmail, id ?? null],
  );
  return rows as { id: string; state: string }[];
}

describe('e-mail delivery through pg-boss and SMTP', () => {
  it('delivers a queued e-mail once, in Spanish or in English, with a Message-ID fixed for its row', async () => {
    const database = await createTestDatabase();
    const smtp = await smtpServer();
    await runner(database, { SMTP_URL: smtp.url });

    const spanish = await database.db.transaction((tx) => queueEmail(tx, confirmation('ana@example.mx', 'es-MX')));
    const english = await database.db.transaction((tx) => queueEmail(tx, confirmation('ann@example.com', 'en')));
    expect(spanish.job).toBe('queued');
    await smtp.waitForReceived(2);

    const byRecipient = (to: string) => smtp.received.find((message) => message.to[0] === to)!;
    const es = byRecipient('ana@example.mx');
    expect(es.from).toBe('no-reply@cocrea.test');
    expect(es.subject).toBe('Confirma tu correo en Cocrea Durango');
    expect(es.contentLanguage).toBe('es-MX');
    expect(es.text).toContain('Hola, Ana López:');
    expect(es.text).toContain('Este enlace vence en 24 horas');
    expect(es.text).toContain('https://portal.example.mx/confirmar/abc');
    expect(es.html).toContain('<html lang="es-MX">');
    expect(es.messageId).toBe(`<${spanish.id}@cocrea.test>`);
    const en = byRecipient('ann@example.com');
    expect(en.subject).toBe('Confirm your e-mail address on Cocrea Durango');
    expect(en.text).toContain('This link expires in 24 hours');
    expect(en.messageId).toBe(`<${english.id}@cocrea.test>`);

    const row = await eventually(async () => {
      const current = await rowOf(database, spanish.id);
      return current.status === 'sent' ? current : undefined;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: null, messageId: `<${spanish.id}@cocrea.test>` });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(
      await eventually(async () =>
        (await jobsOf(database.db, spanish.id))[0]?.state === 'completed' ? true : undefined,
      ),
    ).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(smtp.received).toHaveLength(2);
  });

  it('writes neither the row nor the job when the caller’s transaction rolls back', async () => {
    const database = await createTestDatabase();
    await installJobs(database, fastJobSettings);
    let insideTransaction: { rows: number; jobs: number } | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        const queued = await queueEmail(tx, confirmation('ana@example.mx', 'es-MX'));
        insideTransaction = {
          rows: (await tx.select().from(emails)).length,
          jobs: (await jobsOf(tx, queued.id)).length,
        };
        throw new Error('the registration failed after queueing its e-mail');
      }),
    ).rejects.toThrow('the registration failed');
    expect(insideTransaction).toEqual({ rows: 1, jobs: 1 });
    expect(await database.db.select().from(emails)).toHaveLength(0);
    expect(await jobsOf(database.db)).toHaveLength(0);

    const committed = await database.db.transaction((tx) => queueEmail(tx, confirmation('ana@example.mx', 'es-MX')));
    expect(await jobsOf(database.db, committed.id)).toEqual([{ id: committed.id, state: 'created' }]);
  });

  it('retries a message the server rejects and, after the last try, marks it failed with the error for admins', async () => {
    const database = await createTestDatabase();
    const smtp = await smtpServer(() => 'reject');
    await runner(database, { SMTP_URL: smtp.url });
    const { id } = await database.db.transaction((tx) => queueEmail(tx, confirmation('ana@example.mx', 'es-MX')));

    const row = await eventually(async () => {
      const current = await rowOf(database, id);
      return current.status === 'failed' ? current : undefined;
    });
    expect(row.attempts).toBe(fastJobSettings.retryLimit + 1);
    expect(row.lastError).toContain('550');
    expect(row.sentAt).toBeNull();
    expect(smtp.dataCount).toBe(fastJobSettings.retryLimit + 1);
    expect(smtp.received).toHaveLength(0);
  });

  it('sends once when the handler runs twice for one job, and never while another worker is sending', async () => {
    const database = await createTestDatabase();
    const smtp = await smtpServer();
    const mailer = createSmtpMailer({ url: smtp.url, from: 'Cocrea <no-reply@cocrea.test>', timeoutMs: 5000 });
    cleanups.push(async () => mailer.close());
    const { id } = await queueEmail(database.db, confirmation('ana@example.mx', 'es-MX'));
    const options = { isLastAttempt: false, staleAfterSeconds: 60, retry: fastJobSettings.lateRetry };

    expect(await deliverEmail(database.db, mailer, id, options)).toBe('sent');
    expect(await deliverEmail(database.db, mailer, id, options)).toBe('already_sent');
    expect(smtp.received).toHaveLength(1);
    expect((await rowOf(database, id)).attempts).toBe(1);

    const other = await queueEmail(database.db, confirmation('otra@example.mx', 'es-MX'));
    await database.db.update(emails).set({ status: 'sending' }).where(eq(emails.id, other.id));
    await expect(deliverEmail(database.db, mailer, other.id, options)).rejects.toBeInstanceOf(EmailBusyError);
    // A row left in `sending` longer than the job's expiry was abandoned by a dead process: it is taken over.
    expect(await deliverEmail(database.db, mailer, other.id, { ...options, staleAfterSeconds: 0 })).toBe('sent');
    expect(smtp.received).toHaveLength(2);
  });

  it('marks an e-mail failed when its last attempt never finishes', async () => {
    const database = await createTestDatabase();
    const hanging: Mailer = {
      description: 'a server that never answers',
      domain: 'cocrea.test',
      send: () => new Promise(() => undefined),
      close: () => undefined,
    };
    const config = parseConfig({ LOG_LEVEL: 'silent' });
    const jobs = await startJobs({
      database,
      config,
      logger: memoryLogger(),
      mailer: hanging,
      registry,
      settings: { ...fastJobSettings, retryLimit: 0, expireInSeconds: 1 },
    });
    cleanups.push(() => jobs.stop());
    const { id } = await database.db.transaction((tx) => queueEmail(tx, confirmation('ana@example.mx', 'es-MX')));
    const row = await eventually(async () => {
      const current = await rowOf(database, id);
      return current.status === 'failed' ? current : undefined;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: 'delivery abandoned: the last attempt did not finish' });
  });

  it('without SMTP_URL keeps e-mails queued in the outbox, and sends them once a server is configured', async () => {
    const database = await createTestDatabase();
    const outbox = await runner(database, {});
    expect(outbox.isDelivering).toBe(false);
    const { id } = await database.db.transaction((tx) => queueEmail(tx, confirmation('ana@example.mx', 'es-MX')));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await rowOf(database, id)).status).toBe('queued');
    expect(await jobsOf(database.db, id)).toEqual([{ id, state: 'created' }]);
    await outbox.stop();

    const smtp = await smtpServer();
    const delivering = await runner(database, { SMTP_URL: smtp.url });
    expect(delivering.isDelivering).toBe(true);
    await smtp.waitForReceived(1);
    expect(smtp.received[0]!.messageId).toBe(`<${id}@cocrea.test>`);
  });

  it('gives a job to e-mails written before pg-boss was installed in the database', async () => {
    const database = await createTestDatabase();
    const { id, job } = await queueEmail(database.db, confirmation('ana@example.mx', 'en'));
    expect(job).toBe('deferred');
    const smtp = await smtpServer();
    await runner(database, { SMTP_URL: smtp.url });
    await smtp.waitForReceived(1);
    expect(smtp.received[0]!.messageId).toBe(`<${id}@cocrea.test>`);
  });

  it('sends a burst in batches, several at once over pooled connections, each message once', async () => {
    const database = await createTestDatabase();
    // The fourth message is refused once: only that one is tried again, the rest of its batch is not.
    const smtp = await smtpServer((index) => (index === 3 ? 'reject' : 'accept'));
    await runner(database, { SMTP_URL: smtp.url });
    const burst = 120;
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < burst; i++) await queueEmail(tx, confirmation(`rafaga-${i}@example.mx`, 'es-MX'));
    });
    const started = Date.now();
    await smtp.waitForReceived(burst);
    // One message per poll (the old worker) would take a minute here; batches take a few seconds.
    expect(Date.now() - started).toBeLessThan(20_000);
    const recipients = smtp.received.map((message) => message.to[0]);
    expect(new Set(recipients).size).toBe(burst);
    expect(new Set(smtp.received.map((message) => message.messageId)).size).toBe(burst);
    expect(smtp.dataCount).toBe(burst + 1);
    // The last rows are marked sent just after the server took them.
    const rows = await eventually(async () => {
      const all = await database.db.select().from(emails);
      return all.every((row) => row.status === 'sent') ? all : undefined;
    });
    expect(rows).toHaveLength(burst);
    expect(rows.filter((row) => row.attempts === 2)).toHaveLength(1);
  });
});
