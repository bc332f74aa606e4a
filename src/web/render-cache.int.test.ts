import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { parseConfig } from '../config.js';
import { fromPgPool, type Database, type Db } from '../db/client.js';
import { createExercise } from '../modules/exercises/create-exercise.js';
import { institutions } from '../modules/directory/schema.js';
import { countQueries } from '../testing/count-queries.js';
import { TEMPLATE_DATABASES, TEST_NOW } from '../testing/constants.js';
import { signInAs } from '../testing/sign-in.js';
import { createTestApp } from '../testing/test-app.js';
import { createServerDatabaseUrl, testDriver } from '../testing/test-db.js';
import { eventually } from '../testing/eventually.js';
import { portalActor } from '../testing/actors.js';

let serial = 0;
/** A new, closed exercise: the home page lists it among the other exercises. */
async function addExercise(db: Db, title: string) {
  const [institution] = await db.select({ id: institutions.id }).from(institutions).limit(1);
  serial += 1;
  return createExercise(
    db,
    {
      slug: `ejercicio-de-prueba-${serial}-${Date.now()}`,
      edition: 90 + serial,
      title,
      summary: 'Un ejercicio creado por la prueba del caché de páginas.',
      stateCode: '10',
      periodStart: '2010-01-01',
      periodEnd: '2011-12-31',
      phase: 'closed',
      convenerInstitutionId: institution!.id,
    },
    portalActor,
  );
}

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { 'accept-language': 'es-MX', ...headers } });

/** Fetches a page and reports how many SQL statements it took. */
async function fetchCounting(
  app: FastifyInstance,
  database: Database,
  url: string,
  headers: Record<string, string> = {},
) {
  const { count, result } = await countQueries(database, () => get(app, url, headers));
  return { response: result, queries: count };
}

describe('render cache for anonymous pages', () => {
  it('serves an anonymous page the second time without touching the database, in every encoding, with an ETag', async () => {
    const { app, database } = await createTestApp();
    const first = await fetchCounting(app, database, '/');
    expect(first.response.statusCode).toBe(200);
    expect(first.queries).toBeGreaterThan(0);

    const second = await fetchCounting(app, database, '/');
    expect(second.queries).toBe(0);
    expect(second.response.statusCode).toBe(200);
    expect(second.response.body).toBe(first.response.body);
    expect(second.response.headers['content-type']).toBe(first.response.headers['content-type']);
    expect(second.response.headers['content-security-policy']).toBe(first.response.headers['content-security-policy']);
    expect(second.response.headers['x-request-id']).toBeTruthy();
    expect(second.response.headers['x-request-id']).not.toBe(first.response.headers['x-request-id']);
    const etag = String(second.response.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);

    const gzip = await fetchCounting(app, database, '/', { 'accept-encoding': 'gzip' });
    expect(gzip.response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.response.rawPayload).toString()).toBe(first.response.body);
    const br = await fetchCounting(app, database, '/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.response.rawPayload).toString()).toBe(first.response.body);
    expect(String(br.response.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(gzip.queries + br.queries).toBe(0);

    const notModified = await fetchCounting(app, database, '/', { 'if-none-match': etag });
    expect(notModified.response.statusCode).toBe(304);
    expect(notModified.response.body).toBe('');
    expect(notModified.queries).toBe(0);

    const head = await app.inject({ method: 'HEAD', url: '/', headers: { 'accept-language': 'es-MX' } });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('keeps one entry per language and never serves a cached page for ?lang= (it sets the language cookie)', async () => {
    const { app, database } = await createTestApp();
    await get(app, '/');
    await get(app, '/', { 'accept-language': 'en' });
    const spanish = await fetchCounting(app, database, '/');
    const english = await fetchCounting(app, database, '/', { 'accept-language': 'en' });
    expect(spanish.queries + english.queries).toBe(0);
    expect(spanish.response.body).toContain('lang="es-MX"');
    expect(english.response.body).toContain('lang="en"');

    const switched = await get(app, '/?lang=en');
    expect(switched.headers['set-cookie']).toContain('lang=en');
    expect(switched.body).toContain('lang="en"');
    const again = await get(app, '/?lang=en');
    expect(again.headers['set-cookie']).toContain('lang=en');
  });

  it('shows a public write made through a use case on the next visit', async () => {
    const { app, database } = await createTestApp();
    await get(app, '/');
    expect((await fetchCounting(app, database, '/')).queries).toBe(0);

    await addExercise(database.db, 'Ejercicio recién publicado por la prueba');
    // PGlite delivers the notification with the commit; a PostgreSQL server a moment later, on another connection.
    const after = await eventually(
      () => get(app, '/'),
      (response) => response.body.includes('Ejercicio recién publicado por la prueba'),
    );
    expect(after.body).toContain('Ejercicio recién publicado por la prueba');
    if (testDriver === 'pglite') expect(after.headers['x-render-cache']).toBe('miss');
  });

  it('keeps serving the cached page when the write rolls back', async () => {
    const { app, database } = await createTestApp();
    const before = await get(app, '/');
    await expect(
      database.db.transaction(async (tx) => {
        await addExercise(tx, 'Ejercicio que nunca existió');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const after = await fetchCounting(app, database, '/');
    expect(after.queries).toBe(0);
    expect(after.response.body).toBe(before.body);
    expect(after.response.body).not.toContain('Ejercicio que nunca existió');
  });

  it('never caches a page with a form: every visitor gets their own CSRF token', async () => {
    const { app } = await createTestApp();
    const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    const first = await get(app, '/entrar');
    const second = await get(app, '/entrar');
    expect(first.statusCode).toBe(200);
    const [firstToken, secondToken] = [tokenOf(first.body), tokenOf(second.body)];
    expect(firstToken).toBeTruthy();
    expect(secondToken).toBeTruthy();
    expect(secondToken).not.toBe(firstToken);
    expect(second.headers['set-cookie']).toContain(`csrf=${secondToken}`);
    expect(second.headers['x-render-cache']).toBeUndefined();
  });

  it('never caches error pages', async () => {
    const { app, database } = await createTestApp();
    await get(app, '/no-existe');
    const again = await fetchCounting(app, database, '/no-existe');
    expect(again.response.statusCode).toBe(404);
    expect(again.response.headers['x-render-cache']).toBeUndefined();
  });

  it('never gives a signed-in visitor the cached anonymous page', async () => {
    const { app, database } = await createTestApp();
    await get(app, '/');
    const anonymous = await get(app, '/');
    expect(anonymous.headers['x-render-cache']).toBe('hit');
    const { cookies } = await signInAs(database);
    const signedIn = await app.inject({ method: 'GET', url: '/', cookies, headers: { 'accept-language': 'es-MX' } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['x-render-cache']).toBeUndefined();
    // The header offers their account and signing out, not signing in.
    expect(signedIn.body).toContain('action="/salir"');
    expect(anonymous.body).not.toContain('action="/salir"');
    // And the signed-in rendering is not handed to the next anonymous visitor.
    expect((await get(app, '/')).body).not.toContain('action="/salir"');
  });

  it('turns off with RENDER_CACHE_SECONDS=0', async () => {
    const { app, database } = await createTestApp({ env: { RENDER_CACHE_SECONDS: '0' } });
    await get(app, '/');
    const again = await fetchCounting(app, database, '/');
    expect(again.queries).toBeGreaterThan(0);
    expect(again.response.headers['x-render-cache']).toBeUndefined();
  });
});

describe('read-your-writes (fresh-reads.ts)', () => {
  it('a visitor who just sent a form gets pages from the database, even where the notification has not arrived', async () => {
    const { app, database } = await createTestApp();
    const { slug } = await addExercise(database.db, 'Ejercicio antes del cambio');
    // On PostgreSQL the cache serves once its notification connection is up.
    const cached = await eventually(
      () => get(app, '/'),
      (response) => response.headers['x-render-cache'] === 'hit',
    );
    expect(cached.headers['x-render-cache']).toBe('hit');
    // A commit this process was not told about, as on a second process before PostgreSQL's notification arrives.
    await database.db.execute(sql`update exercises set title = 'Ejercicio después del cambio' where slug = ${slug}`);
    const stale = await get(app, '/');
    expect(stale.body).toContain('Ejercicio antes del cambio');

    const posted = await app.inject({ method: 'POST', url: '/entrar', payload: {} });
    expect(posted.statusCode).toBeLessThan(500);
    const cookie = String(posted.headers['set-cookie'] ?? '');
    expect(cookie).toMatch(/fresh=1;.*Max-Age=10/);

    const fresh = await get(app, '/', { cookie: 'fresh=1' });
    expect(fresh.headers['x-render-cache']).toBeUndefined();
    expect(fresh.body).toContain('Ejercicio después del cambio');
    // The fresh rendering is not kept for the others: they see the cached page until the notification comes.
    expect((await get(app, '/')).headers['x-render-cache']).toBe('hit');
  });
});

describe('query counts', () => {
  it('the home page runs the same number of queries with 3 exercises as with 7', async () => {
    const { app, database } = await createTestApp({ env: { RENDER_CACHE_SECONDS: '0' } });
    const few = await fetchCounting(app, database, '/');
    for (let i = 1; i <= 4; i++) await addExercise(database.db, `Ejercicio adicional ${i}`);
    const many = await fetchCounting(app, database, '/');
    expect(many.response.body).toContain('Ejercicio adicional 4');
    expect(few.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(few.queries);
  });
});

describe.skipIf(testDriver !== 'postgres')('render cache across processes (PostgreSQL)', () => {
  it('a write through one instance clears the other instance’s cache', async () => {
    const url = await createServerDatabaseUrl(TEMPLATE_DATABASES.demo);
    const config = parseConfig({ LOG_LEVEL: 'silent' });
    const databases = [
      fromPgPool(new pg.Pool({ connectionString: url, max: 2 }), 'one'),
      fromPgPool(new pg.Pool({ connectionString: url, max: 2 }), 'two'),
    ];
    const apps: FastifyInstance[] = [];
    try {
      for (const database of databases) apps.push(await buildApp({ config, database, now: () => TEST_NOW }));
      const [one, two] = apps as [FastifyInstance, FastifyInstance];
      await get(two, '/');
      expect((await fetchCounting(two, databases[1]!, '/')).queries).toBe(0);

      await addExercise(databases[0]!.db, 'Ejercicio escrito desde el otro proceso');
      const seen = await eventually(
        () => get(two, '/'),
        (response) => response.body.includes('Ejercicio escrito desde el otro proceso'),
      );
      expect(seen.body).toContain('Ejercicio escrito desde el otro proceso');
      expect((await get(one, '/')).body).toContain('Ejercicio escrito desde el otro proceso');
    } finally {
      for (const app of apps) await app.close();
      for (const database of databases) await database.close();
    }
  });

  it('stops serving from the cache while the notification connection is down, and starts clean once it is back', async () => {
    const { app, database } = await createTestApp();
    await get(app, '/');
    expect((await get(app, '/')).headers['x-render-cache']).toBe('hit');
    await database.db.execute(
      sql.raw(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()",
      ),
    );
    // Once the drop is noticed no page comes from the cache until the listener is back and has started empty.
    const back = await eventually(
      () => get(app, '/'),
      (response) => response.headers['x-render-cache'] === 'miss',
    );
    expect(back.headers['x-render-cache']).toBe('miss');
    expect((await get(app, '/')).headers['x-render-cache']).toBe('hit');
  });
});
