import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './paths.js';
import { startPortal } from './testing/portal-process.js';
import { createServerDatabaseUrl, testDriver } from './testing/test-db.js';

/** A fresh, empty database for the process: a new data directory, or a new database on the PostgreSQL server. */
const serverEnv = async (): Promise<Record<string, string>> =>
  testDriver === 'postgres'
    ? { DATABASE_URL: await createServerDatabaseUrl() }
    : { DATA_DIR: mkdtempSync(join(tmpdir(), 'cocrea-data-')) };

describe('the portal process', () => {
  it('starts on an empty database, serves the demo, says which database it uses, and stops cleanly on SIGTERM', async () => {
    const env = await serverEnv();
    const portal = startPortal({ ...env, PORT: '0' });
    const line = await portal.waitFor(/listening on (http:\/\/[^"\s]+)/);
    const url = line.replace('listening on ', '');
    expect(portal.output()).toContain(testDriver === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite');
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Cuarto Plan de Acción Local');
    portal.kill('SIGTERM');
    expect(await portal.exit).toBe(0);
    expect(portal.output()).toContain('SIGTERM received');
    if (env.DATA_DIR) expect(existsSync(join(env.DATA_DIR, 'cocrea.lock'))).toBe(false);
  });

  it('refuses a wrong setting with a message that names it', async () => {
    const portal = startPortal({ PORT: 'abc', DATA_DIR: mkdtempSync(join(tmpdir(), 'cocrea-data-')) });
    expect(await portal.exit).toBe(78);
    expect(portal.output()).toContain('PORT="abc": expected a port number');
  });

  it.skipIf(testDriver === 'postgres')(
    'stops a second process on the same embedded data directory at once',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-data-'));
      const first = startPortal({ DATA_DIR: dataDir, PORT: '0' });
      await first.waitFor(/listening on/);
      const second = startPortal({ DATA_DIR: dataDir, PORT: '0' });
      expect(await second.exit).toBe(75);
      expect(second.output()).toContain('already in use by another Cocrea process');
      first.kill('SIGTERM');
      expect(await first.exit).toBe(0);
    },
  );
});

describe('the cocrea command line', () => {
  it('backs up and restores the database named by the settings', async () => {
    const env = await serverEnv();
    const file = join(mkdtempSync(join(tmpdir(), 'cocrea-cli-')), 'backup.jsonl.gz');
    const run = (...args: string[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [join(projectRoot, 'bin', 'cocrea.js'), ...args], {
          env: { PATH: process.env.PATH, ...env },
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => resolve({ code, output }));
      });
    expect((await run('seed-demo')).output).toContain('Demo loaded.');
    const backup = await run('backup', file);
    expect(backup.code).toBe(0);
    expect(backup.output).toMatch(/Backed up \d+ rows from \d+ tables/);
    const restore = await run('restore', file);
    expect(restore.code).toBe(0);
    const figures = (output: string) => /(\d+) rows from (\d+) tables/.exec(output)?.slice(1);
    expect(figures(restore.output)).toEqual(figures(backup.output));
    expect((await run('restore')).code).toBe(64);
    expect((await run('frobnicate')).output).toContain('Unknown command: frobnicate');
  });
});
