import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/client.js';
import { createTestApp } from '../../testing/test-app.js';
import { createTestUser, signInAs } from '../../testing/sign-in.js';
import { emails } from '../notifications/schema.js';
import { consents } from '../privacy/schema.js';
import { roleAssignments, users } from './schema.js';

/** The form token a page carries, and the cookie that goes with it for anonymous visitors. */
function formToken(response: LightMyRequestResponse) {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
  const cookie = response.cookies.find((c) => c.name === 'csrf')?.value;
  const cookies: Record<string, string> = cookie ? { csrf: cookie } : {};
  return { csrf: csrf!, cookies };
}

async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  from = '/entrar',
  cookies: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const page = await app.inject({ url: from, cookies });
  const { csrf, cookies: formCookies } = formToken(page);
  return app.inject({
    method: 'POST',
    url,
    cookies: { ...cookies, ...formCookies },
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

const linkIn = (text: string, path: string) =>
  new URL(new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`).exec(text)![0]).pathname;

describe('participant accounts', () => {
  it('registers, confirms by e-mail, signs out and signs in again with the password', async () => {
    const { app, database } = await createTestApp();
    const registered = await postForm(
      app,
      '/registro',
      {
        name: 'Lucía Hernández',
        email: 'Lucia@Example.mx',
        password: 'una frase larga y segura',
        consent: 'yes',
        privacyNoticeId: '',
      },
      '/registro',
    );
    // The notice id comes from the form itself.
    expect(registered.statusCode).toBe(400);
    const form = await app.inject({ url: '/registro' });
    const noticeId = /name="privacyNoticeId" value="([^"]+)"/.exec(form.body)![1]!;
    const ok = await postForm(
      app,
      '/registro',
      {
        name: 'Lucía Hernández',
        email: 'Lucia@Example.mx',
        password: 'una frase larga y segura',
        consent: 'yes',
        privacyNoticeId: noticeId,
      },
      '/registro',
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Revisa tu correo');
    const [consent] = await database.db.select().from(consents);
    expect(consent?.noticeId).toBe(noticeId);

    const email = await lastEmailTo(database, 'lucia@example.mx');
    expect(email?.template).toBe('confirm_email');
    const confirm = await app.inject({ url: linkIn(email!.text, '/confirmar') });
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toBe('/cuenta?aviso=confirmed');
    const sid = confirm.cookies.find((c) => c.name === 'sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    const account = await app.inject({ url: '/cuenta?aviso=confirmed', cookies: { sid: sid.value } });
    expect(account.body).toContain('Tu correo quedó confirmado');
    expect(account.body).toContain('Lucía Hernández');
    // The confirmation link works once.
    expect((await app.inject({ url: linkIn(email!.text, '/confirmar') })).statusCode).toBe(400);

    const signOut = await postForm(app, '/salir', {}, '/cuenta', { sid: sid.value });
    expect(signOut.statusCode).toBe(303);
    expect((await app.inject({ url: '/cuenta', cookies: { sid: sid.value } })).statusCode).toBe(303);

    const signIn = await postForm(app, '/entrar', {
      email: 'LUCIA@example.mx',
      password: 'una frase larga y segura',
      next: '/ejercicios',
    });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/ejercicios');
    const newSid = signIn.cookies.find((c) => c.name === 'sid')!.value;
    expect(newSid).not.toBe(sid.value);
  });

  it('keeps what was typed and says what is wrong next to each field', async () => {
    const { app } = await createTestApp();
    const response = await postForm(
      app,
      '/registro',
      { name: 'L', email: 'no-es-correo', password: 'corta', privacyNoticeId: 'x' },
      '/registro',
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Hay un problema');
    expect(response.body).toContain('Escribe tu nombre completo.');
    expect(response.body).toContain('Escribe un correo electrónico válido');
    expect(response.body).toContain('al menos 12 caracteres');
    expect(response.body).toContain('necesitas aceptar el aviso de privacidad');
    expect(response.body).toContain('value="no-es-correo"');
    expect(response.body).not.toContain('corta');
  });

  it('never reveals whether an e-mail has an account', async () => {
    const { app, database } = await createTestApp();
    await createTestUser(database, { email: 'existe@example.mx', password: 'contraseña correcta' });
    const wrongPassword = await postForm(app, '/entrar', { email: 'existe@example.mx', password: 'otra contraseña' });
    const unknown = await postForm(app, '/entrar', { email: 'nadie@example.mx', password: 'otra contraseña' });
    expect(wrongPassword.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(400);
    const message = 'El correo o la contraseña no son correctos';
    expect(wrongPassword.body).toContain(message);
    expect(unknown.body).toContain(message);

    const resetKnown = await postForm(app, '/recuperar', { email: 'existe@example.mx' }, '/recuperar');
    const resetUnknown = await postForm(app, '/recuperar', { email: 'nadie@example.mx' }, '/recuperar');
    expect(resetKnown.body.replace('existe@example.mx', 'X')).toBe(resetUnknown.body.replace('nadie@example.mx', 'X'));
    expect(await lastEmailTo(database, 'existe@example.mx')).toMatchObject({ template: 'reset_password' });
    expect(await lastEmailTo(database, 'nadie@example.mx')).toBeUndefined();

    const form = await app.inject({ url: '/registro' });
    const noticeId = /name="privacyNoticeId" value="([^"]+)"/.exec(form.body)![1]!;
    const again = await postForm(
      app,
      '/registro',
      {
        name: 'Otra persona',
        email: 'existe@example.mx',
        password: 'una frase larga y segura',
        consent: 'yes',
        privacyNoticeId: noticeId,
      },
      '/registro',
    );
    expect(again.body).toContain('Revisa tu correo');
    expect(await database.db.select().from(users).where(eq(users.email, 'existe@example.mx'))).toHaveLength(1);
    expect(await lastEmailTo(database, 'existe@example.mx')).toMatchObject({ template: 'sign_in_link' });
  });

  it('signs in with a one-time link, and resets a password through an e-mailed link', async () => {
    const { app, database } = await createTestApp();
    await createTestUser(database, { email: 'enlace@example.mx', name: 'Rosa', password: 'contraseña vieja 123' });
    await postForm(app, '/entrar/enlace', { email: 'enlace@example.mx' });
    const link = linkIn((await lastEmailTo(database, 'enlace@example.mx'))!.text, '/entrar/enlace');
    const signedIn = await app.inject({ url: link });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.cookies.some((c) => c.name === 'sid')).toBe(true);
    expect((await app.inject({ url: link })).body).toContain('El enlace no es válido');

    await postForm(app, '/recuperar', { email: 'enlace@example.mx' }, '/recuperar');
    const reset = linkIn((await lastEmailTo(database, 'enlace@example.mx'))!.text, '/recuperar');
    const choose = await app.inject({ url: reset });
    expect(choose.body).toContain('Elige tu contraseña');
    const tooShort = await postForm(app, reset, { password: 'corta' }, reset);
    expect(tooShort.statusCode).toBe(400);
    const saved = await postForm(app, reset, { password: 'contraseña nueva 456' }, reset);
    expect(saved.statusCode).toBe(303);
    expect(
      (await postForm(app, '/entrar', { email: 'enlace@example.mx', password: 'contraseña vieja 123' })).statusCode,
    ).toBe(400);
    expect(
      (await postForm(app, '/entrar', { email: 'enlace@example.mx', password: 'contraseña nueva 456' })).statusCode,
    ).toBe(303);
  });

  it('updates name, language and notices, and changes the e-mail only after the new address confirms', async () => {
    const { app, database } = await createTestApp();
    const session = await signInAs(database, { email: 'cambio@example.mx', password: 'mi frase de siempre' });
    const saved = await app.inject({
      method: 'POST',
      url: '/cuenta',
      cookies: session.cookies,
      payload: { _csrf: session.csrf, name: 'Nombre Nuevo', locale: 'en', notificationFrequency: 'weekly' },
    });
    expect(saved.statusCode).toBe(303);
    const [user] = await database.db.select().from(users).where(eq(users.id, session.user.id));
    expect(user).toMatchObject({ name: 'Nombre Nuevo', locale: 'en', notificationFrequency: 'weekly' });

    await app.inject({
      method: 'POST',
      url: '/cuenta/correo',
      cookies: session.cookies,
      payload: { _csrf: session.csrf, email: 'nuevo@example.mx', password: 'mi frase de siempre' },
    });
    expect((await database.db.select().from(users).where(eq(users.id, session.user.id)))[0]!.email).toBe(
      'cambio@example.mx',
    );
    const mail = await lastEmailTo(database, 'nuevo@example.mx');
    expect(mail?.locale).toBe('en');
    await app.inject({ url: linkIn(mail!.text, '/cuenta/correo'), cookies: session.cookies });
    expect((await database.db.select().from(users).where(eq(users.id, session.user.id)))[0]!.email).toBe(
      'nuevo@example.mx',
    );
  });

  it('sends signed-in pages compressed, private and not to be stored, and leaves public ones cacheable', async () => {
    const { app, database } = await createTestApp();
    const session = await signInAs(database, { roles: [{ role: 'admin' }] });
    // Rendered for one request, they are gzipped whenever the client takes gzip (cheaper than brotli on a small page).
    for (const [url, accept, encoding] of [
      ['/cuenta', 'gzip', 'gzip'],
      ['/cuenta', 'gzip, deflate, br', 'gzip'],
      ['/cuenta', 'br', 'br'],
      ['/admin', 'gzip, deflate, br, zstd', 'gzip'],
      ['/admin', 'br;q=1, gzip;q=0.5', 'br'],
    ] as const) {
      const response = await app.inject({ url, cookies: session.cookies, headers: { 'accept-encoding': accept } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-encoding'], `${url} ${accept}`).toBe(encoding);
      expect(Number(response.headers['content-length']), url).toBe(response.rawPayload.length);
      expect(String(response.headers.vary), url).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control'], url).toBe('private, no-store');
      expect(String(response.headers.vary), url).toMatch(/cookie/i);
    }
    const anonymous = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(anonymous.headers['content-encoding']).toBe('gzip');
    expect(String(anonymous.headers['cache-control'] ?? '')).not.toMatch(/no-store|private/);
  });

  it('limits sign-in attempts and says when to try again', async () => {
    const { app } = await createTestApp();
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 11; i++)
      last = await postForm(app, '/entrar', { email: `intento${i}@example.mx`, password: 'x' });
    expect(last!.statusCode).toBe(429);
    expect(last!.body).toContain('Demasiadas solicitudes');
    expect(last!.body).toMatch(/Espera \d+ minutos/);
    expect(last!.headers['retry-after']).toBeDefined();
  });
});

describe('administration', () => {
  it('an admin invites a liaison bound to an institution, who chooses a password and gets the role', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }], name: 'Admin Uno' });
    const page = await app.inject({ url: '/admin/usuarios', cookies: admin.cookies });
    const institutionId = /<option value="([0-9a-f-]{36})">Ayuntamiento de Durango<\/option>/.exec(page.body)![1]!;
    const missing = await app.inject({
      method: 'POST',
      url: '/admin/usuarios',
      cookies: admin.cookies,
      payload: {
        _csrf: admin.csrf,
        name: 'Enlace',
        email: 'enlace@durango.gob.mx',
        role: 'liaison',
        institutionId: '',
      },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Elige la institución');
    const invited = await app.inject({
      method: 'POST',
      url: '/admin/usuarios',
      cookies: admin.cookies,
      payload: {
        _csrf: admin.csrf,
        name: 'Enlace Durango',
        email: 'enlace@durango.gob.mx',
        role: 'liaison',
        institutionId,
      },
    });
    expect(invited.statusCode).toBe(303);
    const mail = await lastEmailTo(database, 'enlace@durango.gob.mx');
    expect(mail?.template).toBe('invitation');
    const link = linkIn(mail!.text, '/recuperar');
    const chosen = await postForm(app, link, { password: 'mi contraseña de enlace' }, link);
    expect(chosen.statusCode).toBe(303);
    const account = await app.inject({
      url: '/cuenta',
      cookies: { sid: chosen.cookies.find((c) => c.name === 'sid')!.value },
    });
    expect(account.body).toContain('Enlace institucional');
    const [assignment] = await database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.institutionId, institutionId));
    expect(assignment?.role).toBe('liaison');
  });

  it('the last admin cannot remove their own admin role', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const [assignment] = await database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, admin.user.id));
    const response = await app.inject({
      method: 'POST',
      url: `/admin/usuarios/roles/${assignment!.id}/quitar`,
      cookies: admin.cookies,
      payload: { _csrf: admin.csrf },
    });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('No puedes quitar el último rol de administración');
  });
});
