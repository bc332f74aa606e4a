import { beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { signInAs } from '../testing/sign-in.js';
import { createTestApp } from '../testing/test-app.js';

describe('headers of every response', () => {
  let app: FastifyInstance;
  let database: Database;
  beforeAll(async () => {
    ({ app, database } = await createTestApp({ lifetime: 'file' }));
  });

  it('carry a Permissions-Policy that turns off the features the portal never uses', async () => {
    for (const url of ['/', '/entrar', '/no-existe', '/datos', '/healthz', '/theme.css', '/cuenta']) {
      const policy = String((await app.inject({ url })).headers['permissions-policy'] ?? '');
      expect(policy, url).toContain('camera=()');
      expect(policy, url).toContain('microphone=()');
      expect(policy, url).toContain('geolocation=()');
      expect(policy, url).toContain('payment=()');
    }
  });

  it('anonymous pages say explicitly how they may be cached; a page with a form is private; signed-in pages are not stored', async () => {
    for (const url of ['/', '/ejercicios', '/no-existe']) {
      // Rendered, then from the render cache: the same header both times.
      for (const attempt of [1, 2])
        expect((await app.inject({ url })).headers['cache-control'], `${url} ${attempt}`).toBe('public, no-cache');
    }
    expect((await app.inject({ url: '/entrar' })).headers['cache-control']).toBe('private, no-cache');
    const session = await signInAs(database);
    for (const url of ['/', '/cuenta'])
      expect((await app.inject({ url, cookies: session.cookies })).headers['cache-control'], url).toBe(
        'private, no-store',
      );
  });
});
