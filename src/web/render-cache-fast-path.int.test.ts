import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { institutions } from '../modules/directory/schema.js';
import { createExercise } from '../modules/exercises/create-exercise.js';
import { portalActor } from '../testing/actors.js';
import { eventually } from '../testing/eventually.js';
import { createTestApp } from '../testing/test-app.js';

/*
 * The render cache's hits are answered before Fastify (render-cache-fast-path.ts). `app.inject` goes straight into
 * Fastify, so these tests talk to a listening server over a real socket, as browsers and nginx do.
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(base: string, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(new URL(path, base), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const text = (answer: Answer) =>
  (answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body).toString('utf8');

let running: FastifyInstance | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function listening(options: Parameters<typeof createTestApp>[0] = {}) {
  const { app, database } = await createTestApp(options);
  running = app;
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, database, base };
}

/** Headers a hit must carry exactly as the rendered page did. */
const SAME_ON_HIT = [
  'content-type',
  'content-encoding',
  'etag',
  'vary',
  'cache-control',
  'content-security-policy',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
];

describe('render cache hits over a real connection', () => {
  it('answers the second visit with the same page and the same headers as the first', async () => {
    const { base } = await listening();
    const headers = { 'accept-language': 'es-MX', 'accept-encoding': 'gzip' };
    const first = await request(base, '/', headers);
    expect(first.status).toBe(200);
    expect(first.headers['x-render-cache']).toBe('miss');
    const second = await request(base, '/', headers);
    expect(second.status).toBe(200);
    expect(second.headers['x-render-cache']).toBe('hit');
    expect(text(second)).toBe(text(first));
    expect(text(second)).toContain('lang="es-MX"');
    for (const name of SAME_ON_HIT) expect([name, second.headers[name]]).toEqual([name, first.headers[name]]);
    expect(second.headers['cache-control']).toBe('public, no-cache');
    expect(Number(second.headers['content-length'])).toBe(second.body.length);
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('serves each language its own page: by Accept-Language and by the language cookie', async () => {
    const { base } = await listening();
    for (let i = 0; i < 2; i++) {
      const english = await request(base, '/', { 'accept-language': 'en-US,en;q=0.9' });
      expect(text(english)).toContain('lang="en"');
      const spanish = await request(base, '/', { 'accept-language': 'es-MX' });
      expect(text(spanish)).toContain('lang="es-MX"');
      const byCookie = await request(base, '/', { 'accept-language': 'es-MX', cookie: 'lang=en' });
      expect(text(byCookie)).toContain('lang="en"');
      if (i === 1) {
        for (const answer of [english, spanish, byCookie]) expect(answer.headers['x-render-cache']).toBe('hit');
      }
    }
    // ?lang= sets the cookie: never answered from the cache.
    const chosen = await request(base, '/?lang=en', { 'accept-language': 'es-MX' });
    expect(chosen.headers['set-cookie']?.join(';')).toContain('lang=en');
    expect(chosen.headers['x-render-cache']).toBeUndefined();
  });

  it('never serves a cached page to a signed-in visitor or one who just wrote something', async () => {
    const { base } = await listening();
    await request(base, '/');
    expect((await request(base, '/')).headers['x-render-cache']).toBe('hit');
    for (const cookie of ['sid=whatever', 'fresh=1', 'lang=en; fresh=1', 'a=1; sid=x']) {
      const answer = await request(base, '/', { cookie });
      expect([cookie, answer.status]).toEqual([cookie, 200]);
      expect([cookie, answer.headers['x-render-cache']]).toEqual([cookie, undefined]);
    }
  });

  it('answers a revalidation with 304 and a HEAD without a body', async () => {
    const { base } = await listening();
    const first = await request(base, '/');
    const revalidated = await request(base, '/', { 'if-none-match': String(first.headers.etag) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers['x-render-cache']).toBe('hit');
    const head = await request(base, '/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['x-render-cache']).toBe('hit');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
  });

  it('keeps a well-formed X-Request-Id and replaces a forged one', async () => {
    const { base } = await listening();
    await request(base, '/');
    const kept = await request(base, '/', { 'x-request-id': 'nginx-abc.123' });
    expect(kept.headers['x-render-cache']).toBe('hit');
    expect(kept.headers['x-request-id']).toBe('nginx-abc.123');
    const forged = await request(base, '/', { 'x-request-id': 'x\u00e9<script>' });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows a public write on the next visit', async () => {
    const { base, database } = await listening();
    await request(base, '/');
    expect((await request(base, '/')).headers['x-render-cache']).toBe('hit');
    const [institution] = await database.db.select({ id: institutions.id }).from(institutions).limit(1);
    await createExercise(
      database.db,
      {
        slug: `ejercicio-via-rapida-${Date.now()}`,
        edition: 97,
        title: 'Ejercicio publicado durante la prueba de la vía rápida',
        summary: 'Un ejercicio creado por la prueba de la vía rápida del caché.',
        stateCode: '10',
        periodStart: '2010-01-01',
        periodEnd: '2011-12-31',
        phase: 'closed',
        convenerInstitutionId: institution!.id,
      },
      portalActor,
    );
    const after = await eventually(
      () => request(base, '/'),
      (answer) => text(answer).includes('Ejercicio publicado durante la prueba de la vía rápida'),
    );
    expect(text(after)).toContain('Ejercicio publicado durante la prueba de la vía rápida');
  });

  it('leaves draining to Fastify: the answer says Connection: close', async () => {
    const { app, base } = await listening();
    await request(base, '/');
    expect((await request(base, '/')).headers['x-render-cache']).toBe('hit');
    // Draining stops listening: ask on a connection opened before.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaAgent = () =>
      new Promise<http.IncomingMessage>((resolve, reject) => {
        const req = http.get(new URL('/', base), { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res));
        });
        req.on('error', reject);
      });
    expect((await viaAgent()).headers.connection).toBe('keep-alive');
    const drained = app.drain(2000);
    const answer = await viaAgent();
    expect(answer.statusCode).toBe(200);
    expect(answer.headers.connection).toBe('close');
    expect(answer.headers['x-render-cache']).toBe('hit');
    agent.destroy();
    await drained;
  });

  it('logs each answered hit without personal data when request logging is on', async () => {
    const lines: string[] = [];
    const { base } = await listening({ logStream: { write: (line) => void lines.push(line) } });
    await request(base, '/');
    lines.length = 0;
    const hit = await request(base, '/?buscar=algo', { cookie: 'lang=es' });
    expect(hit.status).toBe(200);
    await request(base, '/?buscar=algo', { cookie: 'lang=es' });
    const logged = lines.map(
      (line) => JSON.parse(line) as { msg: string; req?: unknown; res?: { statusCode: number } },
    );
    expect(logged.filter((line) => line.msg === 'request completed').map((line) => line.res?.statusCode)).toEqual([
      200, 200,
    ]);
    expect(logged.find((line) => line.msg === 'incoming request')?.req).toEqual({
      method: 'GET',
      url: '/?buscar=algo',
    });
    expect(lines.join('\n')).not.toContain('cookie');
  });
});
