import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { createTestUser } from '../../testing/sign-in.js';

/** Open-redirect payloads for `siguiente`: each would take a person off the site (or break the Location header). */
const payloads = [
  '/\\evil.example',
  '//evil.example',
  '\\\\evil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  'http://evil.example',
  'https:evil.example',
  'javascript:alert(1)',
  '/\t/evil.example',
  '/%0D%0ALocation:%20http://evil.example',
  '/ /evil.example',
  '／／evil.example',
  '/ejercicios/ñandú',
  '/日本',
];

const CSRF = 'a'.repeat(43);
const PASSWORD = 'una frase larga y segura para probar';

describe('sign-in: where `siguiente` may send a person', () => {
  it('offers only paths on the site as the place to come back to', async () => {
    const { app } = await createTestApp();
    for (const payload of payloads) {
      const response = await app.inject({ url: `/entrar?siguiente=${encodeURIComponent(payload)}` });
      expect(response.statusCode, payload).toBe(200);
      expect(/name="next" value="([^"]*)"/.exec(response.body)?.[1], payload).toBe('/cuenta');
    }
    const local = await app.inject({ url: `/entrar?siguiente=${encodeURIComponent('/.evil')}` });
    expect(/name="next" value="([^"]*)"/.exec(local.body)?.[1]).toBe('/.evil');
  });

  it('after signing in, sends a crafted `next` to the account page instead of another site', async () => {
    const { app, database } = await createTestApp();
    const user = await createTestUser(database, { password: PASSWORD });
    // The sign-in form is limited to 10 tries per 15 minutes: a few payloads of each kind.
    for (const payload of [
      '/\\evil.example',
      '/%2F%2Fevil.example',
      'https:evil.example',
      '/\t/evil.example',
      '/ejercicios/ñandú',
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/entrar',
        cookies: { csrf: CSRF },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: CSRF, email: user.email, password: PASSWORD, next: payload }).toString(),
      });
      expect(response.statusCode, payload).toBe(303);
      expect(response.headers.location, payload).toBe('/cuenta');
    }
  });

  it('sends a signed-out visitor of a protected page to sign in and back to that page only', async () => {
    const { app } = await createTestApp();
    const response = await app.inject({ url: '/cuenta/datos?x=1' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/entrar?siguiente=${encodeURIComponent('/cuenta/datos?x=1')}`);
  });
});
