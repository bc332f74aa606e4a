import { createServer, type AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { queueEmail } from '../modules/notifications/queue-email.js';
import { emails } from '../modules/notifications/schema.js';
import { registry } from '../registry.js';
import { createTestDatabase } from '../testing/test-db.js';
import type { JobSettings } from './boss.js';
import { startJobs } from './start-jobs.js';
import { eventually, fastJobSettings, memoryLogger } from './testing/job-test-kit.js';
import { startTestSmtpServer } from './testing/test-smtp-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A port on 127.0.0.1 where nothing listens: the mail server is down. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** One quick retry, then late tries a second or two apart for the given horizon. */
const outageSettings = (horizonSeconds: number): JobSettings => ({
  ...fastJobSettings,
  retryLimit: 1,
  smtpTimeoutMs: 1000,
  lateRetry: { horizonSeconds, firstWaitSeconds: 0.5, maxWaitSeconds: 1 },
  lateRetryCheckSeconds: 0.3,
});

async function deliverThrough(database: Database, port: number, settings: JobSettings) {
  const logger = memoryLogger();
  const config = parseConfig({ LOG_LEVEL: 'silent', SITE_NAME: 'Cocrea', SMTP_URL: `smtp://127.0.0.1:${port}` });
  const jobs = await startJobs({ database, config, logger, settings, registry });
  cleanups.push(() => jobs.stop());
  return logger;
}

const notice = (to: string) => ({
  to,
  template: 'notice' as const,
  locale: 'es-MX' as const,
  params: { name: 'Ana', siteName: 'Cocrea', subject: 'Aviso', body: 'Texto del aviso.' },
});

const rowOf = async (database: Database, id: string) =>
  (await database.db.select().from(emails).where(eq(emails.id, id)))[0]!;

describe('e-mail while the mail server is down', () => {
  it('keeps trying past the quick retries and delivers once, when the server comes back', async () => {
    const database = await createTestDatabase();
    const port = await closedPort();
    await deliverThrough(database, port, outageSettings(3600));
    const { id } = await queueEmail(database.db, notice('ana@example.mx'));

    // The quick retries are spent: the row waits for a late try instead of failing.
    const waiting = await eventually(async () => {
      const row = await rowOf(database, id);
      return row.attempts >= 3 ? row : undefined;
    });
    expect(waiting.status).not.toBe('failed');
    expect(waiting.retryUntil).not.toBeNull();
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);

    const smtp = await startTestSmtpServer(undefined, port);
    cleanups.push(() => smtp.close());
    await smtp.waitForReceived(1);
    const sent = await eventually(async () => {
      const row = await rowOf(database, id);
      return row.status === 'sent' ? row : undefined;
    });
    expect(sent.nextAttemptAt).toBeNull();
    // Exactly once, even with several late tries queued on the way.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['ana@example.mx']);
  });

  it('marks the e-mail failed once the horizon is spent, and a refusal (5xx) at once', async () => {
    const database = await createTestDatabase();
    const port = await closedPort();
    await deliverThrough(database, port, outageSettings(2));
    const { id } = await queueEmail(database.db, notice('luis@example.mx'));
    const failed = await eventually(async () => {
      const row = await rowOf(database, id);
      return row.status === 'failed' ? row : undefined;
    }, 20_000);
    // More tries than the quick ones: the late ones happened before it gave up.
    expect(failed.attempts).toBeGreaterThan(2);
    expect(failed.nextAttemptAt).toBeNull();

    const refusing = await startTestSmtpServer(() => 'reject');
    cleanups.push(() => refusing.close());
    const other = await createTestDatabase();
    await deliverThrough(other, Number(new URL(refusing.url).port), outageSettings(3600));
    const refused = await queueEmail(other.db, notice('nadie@example.mx'));
    const row = await eventually(async () => {
      const current = await rowOf(other, refused.id);
      return current.status === 'failed' ? current : undefined;
    });
    expect(row.attempts).toBe(2);
    expect(row.lastError).toContain('mailbox unavailable');
  });

  it('raises the alarm in the log when the oldest unsent e-mail is over an hour old', async () => {
    const database = await createTestDatabase();
    const { id } = await queueEmail(database.db, notice('ana@example.mx'));
    await database.db
      .update(emails)
      .set({ createdAt: new Date(Date.now() - 2 * 3600 * 1000), nextAttemptAt: new Date(Date.now() + 3600 * 1000) })
      .where(eq(emails.id, id));
    const logger = await deliverThrough(database, await closedPort(), outageSettings(3600));
    const alarm = await eventually(async () =>
      logger.lines.find((line) => line.level === 'error' && line.message.includes('over an hour')),
    );
    expect(alarm.object).toMatchObject({ oldestUnsentMinutes: expect.any(Number) });
    expect(JSON.stringify(logger.lines)).not.toContain('ana@example.mx');
  });
});
