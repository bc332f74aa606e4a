import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/client.js';
import { createTestApp } from '../../testing/test-app.js';
import { createTestUser, signInAs } from '../../testing/sign-in.js';
import { createSession } from './create-session.js';
import { emails } from '../notifications/schema.js';
import { sessions, users } from './schema.js';
import { hashToken } from './secrets.js';

async function postForm(
  app: FastifyInstance,
  from: string,
  url: string,
  fields: Record<string, string>,
  cookies: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const page = await app.inject({ url: from, cookies });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = page.cookies.find((c) => c.name === 'csrf')?.value;
  return app.inject({
    method: 'POST',
    url,
    cookies: { ...cookies, ...(cookie ? { csrf: cookie } : {}) },
    payload: { ...fields, _csrf: csrf },
  });
}

async function lastEmailTo(database: Database, to: string) {
  const [email] = await database.db
    .select()
    .from(emails)
    .where(eq(emails.toAddress, to))
    .orderBy(desc(emails.createdAt))
    .limit(1);
  return email;
}

const linkIn = (text: string) =>
  new URL(/https?:\/\/\S+\/(recuperar|cuenta\/correo)\/[A-Za-z0-9_-]+/.exec(text)![0]).pathname;

describe('links that set a password', () => {
  it('opening a reset link does not spend it; setting the password does, once, and older reset and invitation links die', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    await app.inject({
      method: 'POST',
      url: '/admin/usuarios',
      cookies: admin.cookies,
      payload: { _csrf: admin.csrf, name: 'Rosa Díaz', email: 'rosa@example.mx', role: 'facilitator' },
    });
    const invitation = linkIn((await lastEmailTo(database, 'rosa@example.mx'))!.text);
    await postForm(app, '/recuperar', '/recuperar', { email: 'rosa@example.mx' });
    const older = linkIn((await lastEmailTo(database, 'rosa@example.mx'))!.text);
    await postForm(app, '/recuperar', '/recuperar', { email: 'rosa@example.mx' });
    const newest = linkIn((await lastEmailTo(database, 'rosa@example.mx'))!.text);
    expect(new Set([invitation, older, newest]).size).toBe(3);

    // Opening it (twice) only shows the form.
    expect((await app.inject({ url: newest })).body).toContain('Elige tu contraseña');
    expect((await app.inject({ url: newest })).body).toContain('Elige tu contraseña');
    expect((await postForm(app, newest, newest, { password: 'una frase larga de Rosa' })).statusCode).toBe(303);
    // Setting the password spends it, and the older links (reset and invitation) can no longer set one.
    for (const link of [newest, older, invitation]) {
      expect((await app.inject({ url: link })).statusCode, link).toBe(400);
      expect((await postForm(app, '/recuperar', link, { password: 'la frase de otra persona' })).statusCode, link).toBe(
        400,
      );
    }
    expect(
      (
        await postForm(app, '/entrar', '/entrar', {
          email: 'rosa@example.mx',
          password: 'una frase larga de Rosa',
          next: '/cuenta',
        })
      ).statusCode,
    ).toBe(303);
  });
});

describe('changing the e-mail address', () => {
  it('asks for the current password, tells the old address, and ends the other sessions', async () => {
    const { app, database } = await createTestApp();
    const session = await signInAs(database, {
      email: 'cambio@example.mx',
      name: 'Carmen',
      password: 'mi frase de siempre',
    });
    const other = await createSession(database.db, session.user.id, { idleHours: 8, maxDays: 30 });

    const change = (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/cuenta/correo',
        cookies: session.cookies,
        payload: { _csrf: session.csrf, ...fields },
      });
    const missing = await change({ email: 'nuevo@example.mx' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Escribe tu contraseña actual');
    const wrong = await change({ email: 'nuevo@example.mx', password: 'no es mi frase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Escribe tu contraseña actual');
    expect(await lastEmailTo(database, 'nuevo@example.mx')).toBeUndefined();

    expect((await change({ email: 'nuevo@example.mx', password: 'mi frase de siempre' })).statusCode).toBe(200);
    const confirmed = await app.inject({
      url: linkIn((await lastEmailTo(database, 'nuevo@example.mx'))!.text),
      cookies: session.cookies,
    });
    expect(confirmed.statusCode).toBe(303);
    expect((await database.db.select().from(users).where(eq(users.id, session.user.id)))[0]!.email).toBe(
      'nuevo@example.mx',
    );

    const notice = await lastEmailTo(database, 'cambio@example.mx');
    expect(notice?.template).toBe('email_changed');
    expect(notice?.text).toContain('nuevo@example.mx');
    expect(
      await database.db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, session.user.id), eq(sessions.tokenHash, hashToken(other.token)))),
    ).toHaveLength(0);
    expect((await app.inject({ url: '/cuenta', cookies: session.cookies })).statusCode).toBe(200);
  });

  it('an account without a password is told to choose one first', async () => {
    const { app, database } = await createTestApp();
    const session = await signInAs(database, { email: 'sinclave@example.mx' });
    await createTestUser(database, { email: 'otra@example.mx' });
    const response = await app.inject({
      method: 'POST',
      url: '/cuenta/correo',
      cookies: session.cookies,
      payload: { _csrf: session.csrf, email: 'nuevo@example.mx', password: 'cualquier frase larga' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Tu cuenta aún no tiene contraseña');
  });
});
