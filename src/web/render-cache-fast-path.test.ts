import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { cachedPageAnswerer } from './render-cache-fast-path.js';
import { RenderCache } from './render-cache.js';

/*
 * Which requests the fast path answers itself and which it leaves to Fastify: a server whose fallback answers 599
 * shows the difference. (render-cache-fast-path.int.test.ts checks the answers against the portal's own.)
 */

const FELL_THROUGH = 599;
const cache = new RenderCache({
  maxEntries: 10,
  maxBytes: 1024 * 1024,
  maxAgeMs: 60_000,
  compressThreshold: 1024,
  now: () => Date.now(),
});
let draining = false;
const silent = { isLevelEnabled: () => false } as unknown as FastifyBaseLogger;
const answer = cachedPageAnswerer({
  cache,
  defaultLocale: 'es-MX',
  headers: [['X-Frame-Options', 'SAMEORIGIN']],
  requestId: () => 'id-1',
  isDraining: () => draining,
  log: silent,
});
const server = http.createServer((request, response) => {
  if (answer(request, response)) return;
  response.writeHead(FELL_THROUGH);
  response.end();
});
let base = '';

function store(key: string, html: string, contentType = 'text/html; charset=utf-8') {
  cache.put(
    key,
    cache.generation,
    cache.build(html, { contentType, vary: 'Accept-Language, Cookie, accept-encoding' }),
  );
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cache.setConnected(true);
  store('es-MX /', '<p>inicio</p>'.repeat(200));
  store('en /', '<p>home</p>'.repeat(200));
  store('es-MX /api/v1/x', '{"a":1}', 'application/json');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function status(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await fetch(base + path, { method, headers });
  return { status: response.status, body: method === 'HEAD' ? '' : await response.text(), response };
}

describe('the render cache fast path', () => {
  it('answers an anonymous hit itself, in the visitor language, with the security headers', async () => {
    const spanish = await status('/');
    expect(spanish.status).toBe(200);
    expect(spanish.body).toContain('inicio');
    expect(spanish.response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(spanish.response.headers.get('x-request-id')).toBe('id-1');
    expect((await status('/', { 'accept-language': 'en-GB' })).body).toContain('home');
    expect((await status('/', { cookie: 'x=1; lang=en' })).body).toContain('home');
    expect((await status('/', { cookie: 'lang=es; lang=en' })).body).toContain('inicio');
    expect((await status('/', {}, 'HEAD')).status).toBe(200);
  });

  it('leaves to Fastify what it must decide: writes, sessions, fresh readers, ?lang, odd cookies, JSON, misses', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['/', { cookie: 'sid=abc' }, 'GET'],
      ['/', { cookie: 'lang=en; fresh=1' }, 'GET'],
      ['/', { cookie: ' sid =abc' }, 'GET'],
      ['/', { cookie: 'lang="en"' }, 'GET'],
      ['/', { cookie: 'lang=%65n' }, 'GET'],
      ['/?lang=en', {}, 'GET'],
      ['/?a=1&lang', {}, 'GET'],
      ['/', {}, 'POST'],
      ['/', {}, 'DELETE'],
      ['/api/v1/x', {}, 'GET'],
      ['/otra', {}, 'GET'],
    ];
    for (const [path, headers, method] of cases)
      expect([path, headers, method, (await status(path, headers, method)).status]).toEqual([
        path,
        headers,
        method,
        FELL_THROUGH,
      ]);
  });

  it('leaves everything to Fastify while draining or while the cache is off', async () => {
    draining = true;
    expect((await status('/')).status).toBe(FELL_THROUGH);
    draining = false;
    cache.setConnected(false);
    expect((await status('/')).status).toBe(FELL_THROUGH);
  });
});
