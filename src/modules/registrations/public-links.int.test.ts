import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/client.js';
import { createTestApp } from '../../testing/test-app.js';
import { createTestUser } from '../../testing/sign-in.js';
import { emails } from '../notifications/schema.js';

const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

/** Opens a form page and posts it back with its token, every request naming a forged host. */
async function postForm(
  app: FastifyInstance,
  from: string,
  url: string,
  fields: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const page = await app.inject({ url: from, headers: FORGED });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = page.cookies.find((c) => c.name === 'csrf')!.value;
  const noticeId = /name="privacyNoticeId" value="([^"]+)"/.exec(page.body)?.[1];
  return app.inject({
    method: 'POST',
    url,
    headers: FORGED,
    cookies: { csrf: cookie },
    payload: { ...fields, _csrf: csrf, ...(noticeId ? { privacyNoticeId: noticeId } : {}) },
  });
}

async function lastEmailTo(database: Database, to: string) {
  const [email] = await database.db
    .select()
    .from(emails)
    .where(eq(emails.toAddress, to))
    .orderBy(desc(emails.createdAt))
    .limit(1);
  return email!;
}

const links = (text: string) => [...text.matchAll(/https?:\/\/[^\s/]+/g)].map((match) => match[0]);

describe('links in e-mails come from the configuration, never from the request', () => {
  for (const [setting, expected] of [
    [{ PUBLIC_URL: 'https://gobiernoabierto.example.mx' }, 'https://gobiernoabierto.example.mx'],
    [{ HOST: '0.0.0.0', PORT: '8080' }, 'http://localhost:8080'],
  ] as const) {
    it(`a forged Host or X-Forwarded-Host does not choose the host of a reset, sign-in or Súmate link (${expected})`, async () => {
      const { app, database } = await createTestApp({ env: { ...setting, TRUST_PROXY: 'false' } });
      await createTestUser(database, { email: 'ana@example.mx' });

      expect((await postForm(app, '/recuperar', '/recuperar', { email: 'ana@example.mx' })).statusCode).toBe(200);
      const reset = await lastEmailTo(database, 'ana@example.mx');
      expect(reset.template).toBe('reset_password');
      expect(links(reset.text)).toEqual([expected]);

      expect((await postForm(app, '/entrar', '/entrar/enlace', { email: 'ana@example.mx' })).statusCode).toBe(200);
      const signIn = await lastEmailTo(database, 'ana@example.mx');
      expect(signIn.template).toBe('sign_in_link');
      expect(links(signIn.text)).toEqual([expected]);

      expect(
        (
          await postForm(app, '/registro', '/registro', {
            name: 'Berta Soto',
            email: 'berta@example.mx',
            password: 'una frase larga y segura',
            consent: 'yes',
          })
        ).statusCode,
      ).toBe(200);
      const confirm = await lastEmailTo(database, 'berta@example.mx');
      expect(confirm.template).toBe('confirm_email');
      expect(links(confirm.text)).toEqual([expected]);

      const form = '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate';
      const sumate = await postForm(app, form, form, {
        fullName: 'María Fernanda Ríos',
        email: 'mafer@example.mx',
        municipalityCvegeo: '10005',
        sector: 'civil_society_org',
        motivation: 'Quiero ayudar a recuperar los parques de mi colonia con mis vecinas.',
        acceptsHonorary: 'yes',
        consent: 'yes',
      });
      expect(sumate.statusCode).toBe(303);
      const registration = await lastEmailTo(database, 'mafer@example.mx');
      expect(registration.template).toBe('confirm_registration');
      expect(links(registration.text)).toEqual([expected]);

      // The public API's links too.
      const problem = await app.inject({
        url: '/api/v1/exercises/00000000-0000-0000-0000-000000000000',
        headers: FORGED,
      });
      expect(problem.statusCode).toBe(404);
      expect(String((problem.json() as { type: string }).type)).toBe(`${expected}/api#not-found`);
    });
  }
});
