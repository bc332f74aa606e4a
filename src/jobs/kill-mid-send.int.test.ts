import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { queueEmail } from '../modules/notifications/queue-email.js';
import { emails } from '../modules/notifications/schema.js';
import { projectRoot } from '../paths.js';
import { createServerDatabaseUrl, testDriver } from '../testing/test-db.js';
import { installJobs, type JobSettings } from './boss.js';
import { eventually, fastJobSettings } from './testing/job-test-kit.js';
import { startTestSmtpServer } from './testing/test-smtp-server.js';

/** An abandoned job comes back after 2 s of expiry plus at most 1 s until the next maintenance. */
const settings: JobSettings = { ...fastJobSettings, expireInSeconds: 2, retryLimit: 3 };

// The child runs the compiled runner; it lives under node_modules so that its bare imports resolve.
const script = join(
  projectRoot,
  'node_modules',
  '.cache',
  'cocrea-tests',
  `job-runner-process-${process.pid}-${Date.now()}.mjs`,
);
beforeAll(async () => {
  await build({
    absWorkingDir: projectRoot,
    entryPoints: ['src/jobs/testing/job-runner-process.ts'],
    outfile: script,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
});
afterAll(() => rmSync(script, { force: true }));

function startRunner(env: Record<string, string>) {
  const child = spawn(process.execPath, [script, JSON.stringify(settings)], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, output: () => output };
}

describe('an e-mail job whose process is killed mid-send', () => {
  it('is still there after the restart and is delivered, once', async () => {
    const smtp = await startTestSmtpServer((index) => (index === 0 ? 'hold' : 'accept'));
    const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-jobs-'));
    const env: Record<string, string> = {
      ...(testDriver === 'postgres' ? { DATABASE_URL: await createServerDatabaseUrl() } : { DATA_DIR: dataDir }),
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Cocrea <no-reply@cocrea.test>',
      DEMO_DATA: 'false',
    };
    try {
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, poolSize: 2 });
      await migrate(database);
      await installJobs(database, settings);
      const { id } = await database.db.transaction((tx) =>
        queueEmail(tx, {
          to: 'ana@example.mx',
          template: 'sign_in_link',
          locale: 'es-MX',
          params: {
            name: 'Ana',
            url: 'https://portal.example.mx/entrar/enlace/abc',
            siteName: 'Cocrea',
            expiresInMinutes: 15,
          },
        }),
      );
      await database.close();

      const first = startRunner(env);
      await smtp.waitForData(1); // the message is in; the server holds its answer
      first.child.kill('SIGKILL');
      await first.exit;
      await eventually(async () => (smtp.dropped === 1 ? true : undefined));

      const second = startRunner(env);
      await smtp.waitForReceived(1);
      second.child.kill('SIGTERM');
      expect(await second.exit, second.output()).toBe(0);

      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.messageId).toBe(`<${id}@cocrea.test>`);
      expect(smtp.received[0]!.subject).toBe('Tu enlace para entrar a Cocrea');
      const reopened = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, poolSize: 2 });
      const [row] = await reopened.db.select().from(emails).where(eq(emails.id, id));
      await reopened.close();
      expect(row).toMatchObject({ status: 'sent', attempts: 2, messageId: `<${id}@cocrea.test>` });
    } finally {
      await smtp.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
