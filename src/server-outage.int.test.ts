import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client.js';
import { startTestSmtpServer } from './jobs/testing/test-smtp-server.js';
import { queueEmail } from './modules/notifications/queue-email.js';
import { startPortal, type PortalProcess } from './testing/portal-process.js';
import { testDriver } from './testing/test-db.js';
import {
  createThrowawayPostgres,
  throwawayPostgresUnavailable,
  type ThrowawayPostgres,
} from './testing/throwaway-postgres.js';

/**
 * The portal against a PostgreSQL server that goes away: stopped, frozen, not yet started, and an empty database
 * that several processes prepare at once. The server is a throwaway cluster of this file's own (never the shared
 * one). These tests do not depend on the test driver, so they run once, in the `process` project.
 */
const unavailable = throwawayPostgresUnavailable();
const skip = unavailable !== undefined || testDriver === 'postgres';

/** Short timeouts, so that the outages below outlast them in a few seconds. */
const timeouts = {
  DATABASE_CONNECT_TIMEOUT_MS: '2000',
  DATABASE_STATEMENT_TIMEOUT_MS: '3000',
  READYZ_TIMEOUT_MS: '1000',
  REQUEST_TIMEOUT_MS: '6000',
  DATABASE_START_TIMEOUT_SECONDS: '60',
};

let cluster: ThrowawayPostgres;
const portals: PortalProcess[] = [];
beforeAll(async () => {
  if (!skip) cluster = await createThrowawayPostgres();
});
beforeEach(() => cluster?.ensureRunning());
afterAll(async () => {
  for (const portal of portals) if (!portal.exited) portal.kill('SIGKILL');
  cluster?.destroy();
});

function start(env: Record<string, string>): PortalProcess {
  const portal = startPortal({ PORT: '0', ...timeouts, ...env });
  portals.push(portal);
  return portal;
}

interface Answer {
  status: number;
  body: string;
  headers: Headers;
  ms: number;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  return { status: response.status, body, headers: response.headers, ms: performance.now() - started };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tries `check` every 250 ms until it returns a value, for up to `ms`. */
async function until<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

const unavailablePage = (answer: Answer) => {
  expect(answer.status).toBe(503);
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(answer.headers.get('content-type')).toContain('text/html');
};

describe.skipIf(skip)(
  `the portal on a PostgreSQL server that goes away${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('answers 503 while the server is stopped, stays alive, and serves again by itself once it is back', async () => {
      const databaseUrl = cluster.createDatabase('restart');
      // The mail server holds its answer until the database is down: the delivery then fails to record its outcome,
      // and pg-boss (which does not await its complete()/fail()) leaves a rejected promise nobody handles.
      const smtp = await startTestSmtpServer(() => 'hold');
      const portal = start({
        DATABASE_URL: databaseUrl,
        DEMO_DATA: 'true',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Cocrea <no-reply@cocrea.test>',
      });
      const url = await portal.url();
      const home = () => get(`${url}/`);
      const database = await openDatabase({ databaseUrl, dataDir: '', poolSize: 1 });
      await database.db.transaction((tx) =>
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
      await smtp.waitForData(1);

      // A write acknowledged before the outage, announced as public writes are.
      cluster.psql(
        'restart',
        "UPDATE exercises SET title = 'Escrito antes del corte' WHERE title LIKE 'Cuarto Plan%'; SELECT pg_notify('cocrea_cache', '')",
      );
      await until('the first write on the home page', 10_000, async () =>
        (await home()).body.includes('Escrito antes del corte') ? true : undefined,
      );

      cluster.stop();
      smtp.releaseHeld();
      await until('/readyz to say 503', 10_000, async () =>
        (await get(`${url}/readyz`)).status === 503 ? true : undefined,
      );
      const outageEnds = Date.now() + 10_000;
      for (let i = 0; Date.now() < outageEnds; i++) {
        const page = await get(`${url}/?n=${i}`);
        unavailablePage(page);
        expect(page.body).toContain('El portal no está disponible por el momento');
        expect(page.ms).toBeLessThan(7000);
        const english = await get(`${url}/ejercicios`, { 'accept-language': 'en' });
        unavailablePage(english);
        expect(english.body).toContain('The portal is not available at the moment');
        expect((await get(`${url}/readyz`)).status).toBe(503);
        await sleep(300);
      }
      expect(portal.exited, portal.output()).toBe(false);
      expect(portal.output()).toContain('while the database is unavailable (unhandled rejection)');

      cluster.start();
      const back = await until('the home page to answer 200 again', 30_000, async () => {
        const page = await home();
        return page.status === 200 ? page : undefined;
      });
      expect(back.body).toContain('Escrito antes del corte');
      expect((await get(`${url}/readyz`)).status).toBe(200);
      // The notification connection is back: pages are cached again, and a public write still drops them.
      await until('a render-cache hit', 15_000, async () =>
        (await home()).headers.get('x-render-cache') === 'hit' ? true : undefined,
      );
      cluster.psql(
        'restart',
        "UPDATE exercises SET title = 'Escrito después del corte' WHERE title = 'Escrito antes del corte'; SELECT pg_notify('cocrea_cache', '')",
      );
      await until('the second write on the home page', 5_000, async () =>
        (await home()).body.includes('Escrito después del corte') ? true : undefined,
      );

      expect(portal.exited, portal.output()).toBe(false);
      portal.kill('SIGTERM');
      expect(await portal.exit, portal.output()).toBe(0);
      await smtp.close();
    });

    it('answers within the timeouts while the server is frozen, and recovers when it thaws', async () => {
      const databaseUrl = cluster.createDatabase('frozen');
      const portal = start({ DATABASE_URL: databaseUrl, DEMO_DATA: 'false' });
      const url = await portal.url();
      for (let i = 0; i < 3; i++) expect((await get(`${url}/?warm=${i}`)).status).toBe(200);

      cluster.freeze();
      try {
        const frozenUntil = Date.now() + 8000;
        const [readyz, ...pages] = await Promise.all([
          get(`${url}/readyz`),
          get(`${url}/?frozen=1`),
          get(`${url}/ejercicios?frozen=2`),
          get(`${url}/?frozen=3`),
        ]);
        expect(readyz.status).toBe(503);
        expect(readyz.ms).toBeLessThan(2500);
        for (const page of pages) {
          expect([503, 504]).toContain(page.status);
          expect(page.ms).toBeLessThan(7500);
          expect(page.headers.get('retry-after')).not.toBeNull();
        }
        const later = await get(`${url}/?frozen=4`);
        expect([503, 504]).toContain(later.status);
        expect(later.ms).toBeLessThan(7500);
        await sleep(Math.max(0, frozenUntil - Date.now()));
      } finally {
        cluster.thaw();
      }
      await until('the home page to answer 200 again', 30_000, async () =>
        (await get(`${url}/?thawed=${Date.now()}`)).status === 200 ? true : undefined,
      );
      expect((await get(`${url}/readyz`)).status).toBe(200);
      expect(portal.exited, portal.output()).toBe(false);
      portal.kill('SIGTERM');
      expect(await portal.exit, portal.output()).toBe(0);
    });

    it('starts while the server is down, retrying until it comes up', async () => {
      const databaseUrl = cluster.createDatabase('late');
      cluster.stop();
      let portal: PortalProcess;
      try {
        portal = start({ DATABASE_URL: databaseUrl, DEMO_DATA: 'false' });
        await sleep(3000);
        expect(portal.exited, portal.output()).toBe(false);
      } finally {
        cluster.start();
      }
      const url = await portal.url();
      expect(portal.output()).toMatch(/Database not reachable yet.*try 2/);
      expect((await get(`${url}/readyz`)).status).toBe(200);
      portal.kill('SIGTERM');
      expect(await portal.exit, portal.output()).toBe(0);
    });

    it('lets three processes start together on an empty database: one prepares it, the others wait and start', async () => {
      // Without the demo the processes reach the job queue's installation together (where they used to deadlock);
      // with it, the demo is loaded once.
      for (const [name, demo] of [
        ['together_a', 'false'],
        ['together_b', 'false'],
        ['together_demo', 'true'],
      ] as const) {
        const databaseUrl = cluster.createDatabase(name);
        const three = [1, 2, 3].map(() => start({ DATABASE_URL: databaseUrl, DEMO_DATA: demo }));
        const urls = await Promise.all(three.map((portal) => portal.url()));
        for (const url of urls) expect((await get(`${url}/readyz`)).status).toBe(200);
        const demoExercises = cluster.psql(name, "SELECT count(*) FROM exercises WHERE title LIKE 'Cuarto Plan%'");
        expect(demoExercises).toBe(demo === 'true' ? '1' : '0');
        expect(three.filter((portal) => portal.output().includes('loaded the Durango demo'))).toHaveLength(
          demo === 'true' ? 1 : 0,
        );
        for (const portal of three) portal.kill('SIGTERM');
        for (const portal of three) expect(await portal.exit, portal.output()).toBe(0);
      }
    });
  },
);
