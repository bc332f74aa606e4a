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
    expect(intact.output).toContain('Change log verified: 245 entries, chain intact.');
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
});
