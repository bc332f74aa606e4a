import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { signInAs } from '../../testing/sign-in.js';
import { users } from '../accounts/schema.js';
import { arcoRequests, consents, privacyNotices } from './schema.js';

describe('personal-data rights', () => {
  it('downloads everything the portal holds about the person, without the password hash', async () => {
    const { app, database } = await createTestApp();
    const session = await signInAs(database, {
      email: 'datos@example.mx',
      name: 'Marta Datos',
      password: 'una contraseña larga',
    });
    const response = await app.inject({ url: '/cuenta/datos/descarga', cookies: session.cookies });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment; filename="mis-datos-');
    const data = response.json();
    expect(data.account).toMatchObject({ email: 'datos@example.mx', name: 'Marta Datos', hasPassword: true });
    expect(JSON.stringify(data)).not.toContain('argon2');
  });

  it('files an ARCO request with a folio and the legal deadline, which an admin extends once and then answers', async () => {
    const { app, database } = await createTestApp();
    const person = await signInAs(database);
    const bad = await app.inject({
      method: 'POST',
      url: '/cuenta/datos/arco',
      cookies: person.cookies,
      payload: { _csrf: person.csrf, description: 'corto' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Elige qué quieres hacer.');
    const filed = await app.inject({
      method: 'POST',
      url: '/cuenta/datos/arco',
      cookies: person.cookies,
      payload: {
        _csrf: person.csrf,
        kind: 'rectification',
        description: 'Mi nombre está mal escrito: es María, con acento.',
      },
    });
    expect(filed.statusCode).toBe(303);
    // Filed on Monday 23 November 2026 (the tests' clock): 20 business days later is 21 December 2026.
    expect(filed.headers.location).toBe('/cuenta/datos?folio=ARCO-2026-0001&vence=2026-12-21');
    const mine = await app.inject({ url: filed.headers.location!, cookies: person.cookies });
    expect(mine.body).toContain(
      'Recibimos tu solicitud con el folio ARCO-2026-0001. La respuesta vence el 21 de diciembre de 2026.',
    );

    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const [request] = await database.db.select().from(arcoRequests);
    const extend = () =>
      app.inject({
        method: 'POST',
        url: `/admin/arco/${request!.id}`,
        cookies: admin.cookies,
        payload: {
          _csrf: admin.csrf,
          decision: 'extended',
          answer: 'Necesitamos revisar el padrón de la convocatoria.',
        },
      });
    expect((await extend()).statusCode).toBe(303);
    expect((await database.db.select().from(arcoRequests))[0]).toMatchObject({
      status: 'extended',
      extendedDueOn: '2027-01-06',
    });
    const again = await extend();
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('ya se amplió una vez');
    const answered = await app.inject({
      method: 'POST',
      url: `/admin/arco/${request!.id}`,
      cookies: admin.cookies,
      payload: { _csrf: admin.csrf, decision: 'answered', answer: 'Corregimos tu nombre en el registro.' },
    });
    expect(answered.statusCode).toBe(303);
    const list = await app.inject({ url: '/cuenta/datos', cookies: person.cookies });
    expect(list.body).toContain('Respondida');
    expect(list.body).toContain('Corregimos tu nombre en el registro.');
  });

  it('cancelling an account removes personal data and the person can no longer sign in', async () => {
    const { app, database } = await createTestApp();
    const person = await signInAs(database, {
      email: 'adios@example.mx',
      name: 'Pedro Adiós',
      password: 'contraseña de pedro',
    });
    const cancelled = await app.inject({
      method: 'POST',
      url: '/cuenta/cancelar',
      cookies: person.cookies,
      payload: { _csrf: person.csrf },
    });
    expect(cancelled.statusCode).toBe(303);
    const [row] = await database.db.select().from(users).where(eq(users.id, person.user.id));
    expect(row).toMatchObject({ name: 'Cuenta cancelada', status: 'deleted', passwordHash: null });
    expect(row!.email).not.toContain('adios');
    expect((await app.inject({ url: '/cuenta', cookies: person.cookies })).statusCode).toBe(303);
  });

  it('an admin publishes a new version of a notice; earlier consents keep the version they were given to', async () => {
    const { app, database } = await createTestApp();
    const [v1] = await database.db.select().from(privacyNotices).where(eq(privacyNotices.kind, 'integral'));
    const person = await signInAs(database);
    await database.db.insert(consents).values({ userId: person.user.id, noticeId: v1!.id, purpose: 'account' });
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const published = await app.inject({
      method: 'POST',
      url: '/admin/privacidad',
      cookies: admin.cookies,
      payload: {
        _csrf: admin.csrf,
        kind: 'integral',
        responsible: 'Órgano Garante Local',
        body: 'Nuevo texto del aviso integral, con sus finalidades y el procedimiento ARCO.',
      },
    });
    expect(published.statusCode).toBe(303);
    const page = await app.inject({ url: '/privacidad' });
    expect(page.body).toContain('Versión 2');
    expect(page.body).toContain('Nuevo texto del aviso integral');
    const [consent] = await database.db.select().from(consents).where(eq(consents.userId, person.user.id));
    expect(consent!.noticeId).toBe(v1!.id);
  });
});
