import { describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ConfigError, parseConfig } from '../../config.js';
import { createTestApp } from '../../testing/test-app.js';
import { TEST_NOW } from '../../testing/constants.js';
import { createTestUser } from '../../testing/sign-in.js';

/** A sign-in attempt from a socket peer, with the X-Forwarded-For it claims. */
async function signIn(
  app: FastifyInstance,
  fields: { email: string; password: string },
  from: { peer: string; forwardedFor?: string },
): Promise<LightMyRequestResponse> {
  const headers = from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {};
  const page = await app.inject({ url: '/entrar', remoteAddress: from.peer, headers });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = page.cookies.find((c) => c.name === 'csrf')!.value;
  return app.inject({
    method: 'POST',
    url: '/entrar',
    remoteAddress: from.peer,
    headers,
    cookies: { csrf: cookie },
    payload: { ...fields, next: '/cuenta', _csrf: csrf },
  });
}

const statuses = async (count: number, attempt: (i: number) => Promise<LightMyRequestResponse>) => {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await attempt(i)).statusCode);
  return seen;
};

describe('TRUST_PROXY', () => {
  it('takes the number of proxies in front or their addresses, never "trust anyone"', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).TRUST_PROXY).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY="true": expected false, the number of proxies/,
    );
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
});

describe('rate limits a header cannot dodge', () => {
  it('a spoofed X-Forwarded-For from a peer that is not a trusted proxy does not get past the per-address limit', async () => {
    const { app } = await createTestApp({ env: { TRUST_PROXY: '10.0.0.1' } });
    const seen = await statuses(11, (i) =>
      signIn(
        app,
        { email: `persona${i}@example.mx`, password: 'una contraseña cualquiera' },
        { peer: '203.0.113.9', forwardedFor: `198.51.100.${i}` },
      ),
    );
    expect(seen).toEqual([...Array<number>(10).fill(400), 429]);
    // The trusted proxy's clients are told apart by the address it appends.
    const viaProxy = await signIn(
      app,
      { email: 'otra@example.mx', password: 'una contraseña cualquiera' },
      { peer: '10.0.0.1', forwardedFor: '198.51.100.200' },
    );
    expect(viaProxy.statusCode).toBe(400);
  });

  it('with a trusted hop count, the client is the address the proxy appended, not what the client claimed', async () => {
    const { app } = await createTestApp({ env: { TRUST_PROXY: '1' } });
    // One client behind the proxy, claiming a new address every time in the part of the header it controls.
    const seen = await statuses(11, (i) =>
      signIn(
        app,
        { email: `persona${i}@example.mx`, password: 'una contraseña cualquiera' },
        { peer: '127.0.0.1', forwardedFor: `192.0.2.${i}, 198.51.100.7` },
      ),
    );
    expect(seen).toEqual([...Array<number>(10).fill(400), 429]);
    // Another client behind the same proxy is not limited.
    const other = await signIn(
      app,
      { email: 'otra@example.mx', password: 'una contraseña cualquiera' },
      { peer: '127.0.0.1', forwardedFor: '198.51.100.8' },
    );
    expect(other.statusCode).toBe(400);
  });

  it('guessing at one account from many addresses backs off, but never locks its owner out for more than a minute', async () => {
    let now = TEST_NOW.getTime();
    const { app, database } = await createTestApp({ env: { TRUST_PROXY: '1' }, now: () => new Date(now) });
    await createTestUser(database, { email: 'objetivo@example.mx', password: 'la frase secreta de la dueña' });
    const guess = (i: number) =>
      signIn(
        app,
        { email: 'objetivo@example.mx', password: `intento número ${i}` },
        { peer: '127.0.0.1', forwardedFor: `198.51.100.${i}` },
      );
    // Five wrong passwords go through; the sixth, from yet another address, must wait.
    expect(await statuses(5, guess)).toEqual([400, 400, 400, 400, 400]);
    const held = await guess(50);
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(held.body).toContain('Espera 2 segundos e inténtalo de nuevo.');
    // Someone keeps guessing, each time as soon as allowed: the wait grows, but never past a minute.
    for (let i = 0; i < 12; i++) {
      now += 60_000;
      expect((await guess(60 + i)).statusCode).toBe(400);
    }
    now += 60_000;
    const owner = await signIn(
      app,
      { email: 'objetivo@example.mx', password: 'la frase secreta de la dueña' },
      { peer: '127.0.0.1', forwardedFor: '203.0.113.50' },
    );
    expect(owner.statusCode).toBe(303);
  });
});
