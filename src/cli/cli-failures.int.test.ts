import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { projectRoot } from '../paths.js';
import { createServerDatabaseUrl, testDriver } from '../testing/test-db.js';

const run = (env: Record<string, string>, ...args: string[]) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'cocrea.js'), ...args], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });

const folder = mkdtempSync(join(tmpdir(), 'cocrea-cli-failures-'));
let env: Record<string, string>;
let good: string;
let lines: string[];

/** Rows of a few tables: a refused restore leaves them as they were. */
async function registrationCount(): Promise<string> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? 'unused' });
  try {
    const result = await database.db.execute(
      sql`select (select count(*) from registrations) || '/' || (select count(*) from users) || '/' ||
        (select count(*) from change_log) as n`,
    );
    return String((result as unknown as { rows: { n: string }[] }).rows[0]!.n);
  } finally {
    await database.close();
  }
}

/** A backup file made of the good one's lines, changed by `edit`. */
function damaged(name: string, edit: (lines: string[]) => string[]): string {
  const file = join(folder, name);
  writeFileSync(file, gzipSync(`${edit([...lines]).join('\n')}\n`));
  return file;
}

describe('cocrea failures say what went wrong and what to do, print no personal data, and change nothing', () => {
  beforeAll(async () => {
    env =
      testDriver === 'postgres'
        ? { DATABASE_URL: await createServerDatabaseUrl(undefined, 'file') }
        : { DATA_DIR: mkdtempSync(join(tmpdir(), 'cocrea-data-')) };
    expect((await run(env, 'seed-demo')).output).toContain('Demo loaded.');
    good = join(folder, 'good.jsonl.gz');
    expect((await run(env, 'backup', good)).code).toBe(0);
    lines = gunzipSync(readFileSync(good)).toString('utf8').trim().split('\n');
  }, 120_000);

  it('refuses a damaged backup and names the cause: cut short, not JSON, not a backup, rows that do not fit', async () => {
    const before = await registrationCount();
    const bytes = readFileSync(good);
    const cut = join(folder, 'cut.jsonl.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const notJson = damaged('not-json.jsonl.gz', (all) => [all[0]!, '{"table": "users", "rows": [{', ...all.slice(1)]);
    const notBackup = damaged('not-backup.jsonl.gz', () => ['{"format":"otra-cosa"}']);
    // A sign-up for a call that does not exist: the database refuses it, and its message (or detail) would quote the
    // row, with the person's name and e-mail.
    const canary = { id: randomUUID(), call_id: randomUUID(), full_name: 'Canario Pérez', email: 'canario@example.mx' };
    const foreignSignup = damaged('foreign-signup.jsonl.gz', (all) => {
      const footer = all.pop()!;
      const counts = JSON.parse(footer) as { counts: Record<string, number> };
      counts.counts.registrations = (counts.counts.registrations ?? 0) + 1;
      return [...all, JSON.stringify({ table: 'registrations', rows: [canary] }), JSON.stringify(counts)];
    });
    const emails = [
      'canario@example.mx',
      ...[...lines.join('\n').matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)].map((match) => match[0]),
    ];
    expect(emails.length).toBeGreaterThan(5);

    const cases: [string, RegExp][] = [
      [cut, /damaged or was cut short: it does not decompress/],
      [notJson, /damaged: one of its lines is not valid JSON/],
      [notBackup, /is not a Cocrea backup/],
      [foreignSignup, /its rows break a rule of the database \(SQLSTATE 23\d{3}.*The backup was altered/],
    ];
    for (const [file, message] of cases) {
      const result = await run(env, 'restore', file);
      expect(result.code, result.output).toBe(65);
      expect(result.output).toMatch(message);
      expect(result.output).toContain('Nothing was changed.');
      for (const email of emails) expect(result.output).not.toContain(email);
      expect(result.output).not.toContain('Canario');
    }
    expect(await registrationCount()).toBe(before);
  });

  it('names a missing file, a folder that does not exist, and leaves no half-written backup', async () => {
    const missing = await run(env, 'restore', join(folder, 'no-such-backup.jsonl.gz'));
    expect(missing.code).toBe(66);
    expect(missing.output).toContain('there is no file at');
    const target = join(folder, 'no-such-folder', 'backup.jsonl.gz');
    const nowhere = await run(env, 'backup', target);
    expect(nowhere.code).toBe(73);
    expect(nowhere.output).toContain('does not exist: create it, or name a file in another folder');
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it('says when the database cannot be reached', async () => {
    const result = await run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/cocrea' }, 'migrate');
    expect(result.code).toBe(69);
    expect(result.output).toContain('cannot reach the database');
    expect(result.output).toContain('Nothing was changed.');
  });

  it.skipIf(testDriver === 'postgres')(
    'explains a lock left behind whose process number now belongs to another program, and how to clear it',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-data-'));
      const other = spawn('sleep', ['30']);
      try {
        writeFileSync(join(dataDir, 'cocrea.lock'), String(other.pid));
        const result = await run({ DATA_DIR: dataDir }, 'migrate');
        expect(result.code).toBe(78);
        expect(result.output).toContain('which is now another program (sleep), not Cocrea');
        expect(result.output).toContain(`delete ${join(dataDir, 'cocrea.lock')}`);
      } finally {
        other.kill();
      }
    },
  );
});
