import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { projectRoot } from '../../paths.js';
import { createServerDatabaseUrl, testDriver } from '../../testing/test-db.js';

const run = (env: Record<string, string>, ...args: string[]) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'cocrea.js'), ...args], {
      env: { PATH: process.env.PATH, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });

describe('cocrea verify-log', () => {
  it('says the chain is intact, then names the entry someone altered directly in the database', async () => {
    const env: Record<string, string> =
      testDriver === 'postgres'
        ? { DATABASE_URL: await createServerDatabaseUrl() }
        : { DATA_DIR: mkdtempSync(join(tmpdir(), 'cocrea-data-')) };
    expect((await run(env, 'seed-demo')).output).toContain('Demo loaded.');
    const intact = await run(env, 'verify-log');
    expect(intact.output).toContain('Change log verified: 330 entries, chain intact.');
    expect(intact.code).toBe(0);

    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? 'unused' });
    try {
      const { db } = database;
      await db.execute(sql`alter table change_log disable trigger change_log_no_update_delete`);
      await db.execute(
        sql`update change_log set actor_label = 'Otra persona' where seq = (select min(seq) + 4 from change_log)`,
      );
    } finally {
      await database.close();
    }
    const altered = await run(env, 'verify-log');
    expect(altered.output).toContain('Change log ALTERED: first bad entry #5 (hash mismatch)');
    expect(altered.code).toBe(1);
  });

  it('names a record changed behind the log, a removed tail against the published head, and shows a redaction', async () => {
    const env: Record<string, string> =
      testDriver === 'postgres'
        ? { DATABASE_URL: await createServerDatabaseUrl() }
        : { DATA_DIR: mkdtempSync(join(tmpdir(), 'cocrea-data-')) };
    expect((await run(env, 'seed-demo')).output).toContain('Demo loaded.');
    const intact = await run(env, 'verify-log');
    const head = /Head: ([0-9a-f]{64})/.exec(intact.output)![1]!;
    expect((await run(env, 'verify-log', '--head', head)).code).toBe(0);

    const tamper = async (statement: ReturnType<typeof sql>) => {
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? 'unused' });
      try {
        await database.db.execute(sql`alter table change_log disable trigger change_log_no_update_delete`);
        await database.db.execute(statement);
      } finally {
        await database.close();
      }
    };
    await tamper(sql`update commitments set title = 'Título cambiado sin dejar rastro' where number = 1`);
    const edited = await run(env, 'verify-log');
    expect(edited.output).toMatch(/Record changed outside the log: commitment [0-9a-f-]{36}, field title/);
    expect(edited.code).toBe(1);

    await tamper(sql`delete from change_log where seq = (select max(seq) from change_log)`);
    const truncated = await run(env, 'verify-log', '--head', head);
    expect(truncated.output).toContain(`the published head ${head} is not in the log`);
    expect(truncated.code).toBe(1);

    const redacted = await run(env, 'redact-log', '3', 'after.name', '--reason', 'Prueba de supresión');
    expect(redacted.output).toContain('Redacted after.name of entry #3');
    expect((await run(env, 'verify-log')).output).toContain('Entry #3: after.name redacted (Prueba de supresión)');
  });
});
