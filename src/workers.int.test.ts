import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPortal } from './testing/portal-process.js';
import { createServerDatabaseUrl, testDriver } from './testing/test-db.js';

const workerPids = (output: string) =>
  [...output.matchAll(/Worker \d+ started \(pid (\d+)\)/g)].map((m) => Number(m[1]));

describe('WEB_CONCURRENCY', () => {
  it.skipIf(testDriver !== 'postgres')(
    'runs that many workers on one port, replaces one that dies, and stops them all on SIGTERM',
    async () => {
      const portal = startPortal({ DATABASE_URL: await createServerDatabaseUrl(), PORT: '0', WEB_CONCURRENCY: '2' });
      const url = await portal.url();
      await portal.waitFor(/listening on[\s\S]*listening on/);
      // Both on one port (with PORT=0 the primary picks one for all of them).
      const addresses = [...portal.output().matchAll(/listening on (http:\/\/[^"\s]+)/g)].map((m) => m[1]);
      expect(new Set(addresses)).toEqual(new Set([url]));
      const pids = workerPids(portal.output());
      expect(pids).toHaveLength(2);
      expect((await fetch(url)).status).toBe(200);

      process.kill(pids[0]!, 'SIGKILL');
      await portal.waitFor(/Worker 1 died \(SIGKILL\): starting another/);
      await portal.waitFor(/Worker 3 started/);
      await portal.waitFor(/listening on[\s\S]*listening on[\s\S]*listening on/);
      expect((await fetch(url)).status).toBe(200);

      portal.kill('SIGTERM');
      expect(await portal.exit).toBe(0);
      expect(portal.output().match(/SIGTERM received: finishing in-flight requests/g)).toHaveLength(2);
    },
  );

  it.skipIf(testDriver === 'postgres')('stays at one process on the embedded database and says why', async () => {
    const portal = startPortal({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'cocrea-data-')),
      PORT: '0',
      WEB_CONCURRENCY: '3',
    });
    const url = await portal.url();
    expect(portal.output()).toContain('can be opened by one process only');
    expect(workerPids(portal.output())).toEqual([]);
    expect((await fetch(url)).status).toBe(200);
    portal.kill('SIGTERM');
    expect(await portal.exit).toBe(0);
  });
});
