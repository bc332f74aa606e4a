import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/client.js';
import { createTestApp } from '../../testing/test-app.js';
import { emails } from '../notifications/schema.js';
import { sessions, users } from '../accounts/schema.js';

/** Opens a form page and posts it back with its token (and the privacy notice it offers, if any). */
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
  const noticeId = /name="privacyNoticeId" value="([^"]+)"/.exec(page.body)?.[1];
  return app.inject({
    method: 'POST',
    url,
    cookies: { ...cookies, ...(cookie ? { csrf: cookie } : {}) },
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

/** The path of the one link an e-mail carries. */
const linkIn = (text: string) =>
  new URL(/https?:\/\/\S+\/(confirmar|entrar\/enlace|sumate\/confirmar|recuperar)\/[A-Za-z0-9_-]+/.exec(text)![0])
    .pathname;

const VICTIM = 'duena@example.mx';
const ATTACKER_PASSWORD = 'la contraseña del atacante';

/** Someone who is not the owner opens an account with the owner's address and a password of their own. */
async function preClaim(app: FastifyInstance, database: Database) {
  const registered = await postForm(app, '/registro', '/registro', {
    name: 'Otra Persona',
    email: VICTIM,
    password: ATTACKER_PASSWORD,
    consent: 'yes',
  });
  expect(registered.statusCode).toBe(200);
  return linkIn((await lastEmailTo(database, VICTIM)).text);
}

const signInWith = (app: FastifyInstance, password: string) =>
  postForm(app, '/entrar', '/entrar', { email: VICTIM, password, next: '/cuenta' });

describe('nobody can pre-claim an account', () => {
  it('an unconfirmed account holds no usable credential', async () => {
    const { app, database } = await createTestApp();
    await preClaim(app, database);
    const [account] = await database.db.select().from(users).where(eq(users.email, VICTIM));
    expect(account!.emailConfirmedAt).toBeNull();
    expect(account!.passwordHash).toBeNull();
    expect((await signInWith(app, ATTACKER_PASSWORD)).statusCode).toBe(400);
  });

  it('when the owner confirms the address through Súmate, the password someone else chose never works', async () => {
    const { app, database } = await createTestApp();
    const attackerLink = await preClaim(app, database);
    const form = '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate';
    const signedUp = await postForm(app, form, form, {
      fullName: 'Dueña del Correo',
      email: VICTIM,
      municipalityCvegeo: '10005',
      sector: 'civil_society_org',
      motivation: 'Quiero ayudar a recuperar los parques de mi colonia con mis vecinas.',
      acceptsHonorary: 'yes',
      consent: 'yes',
    });
    expect(signedUp.statusCode).toBe(303);
    const confirmed = await app.inject({ url: linkIn((await lastEmailTo(database, VICTIM)).text) });
    expect(confirmed.statusCode).toBe(303);

    expect((await signInWith(app, ATTACKER_PASSWORD)).statusCode).toBe(400);
    const [account] = await database.db.select().from(users).where(eq(users.email, VICTIM));
    expect(account!.emailConfirmedAt).not.toBeNull();
    expect(account!.passwordHash).toBeNull();
    // The registration link that carried the other person's password is dead too.
    expect((await app.inject({ url: attackerLink })).statusCode).toBe(400);
    expect((await signInWith(app, ATTACKER_PASSWORD)).statusCode).toBe(400);
  });

  it('when the owner signs in with an e-mailed link, the password someone else chose never works', async () => {
    const { app, database } = await createTestApp();
    const attackerLink = await preClaim(app, database);
    await postForm(app, '/entrar', '/entrar/enlace', { email: VICTIM });
    const signedIn = await app.inject({ url: linkIn((await lastEmailTo(database, VICTIM)).text) });
    expect(signedIn.statusCode).toBe(303);
    expect((await signInWith(app, ATTACKER_PASSWORD)).statusCode).toBe(400);
    expect((await app.inject({ url: attackerLink })).statusCode).toBe(400);
    expect((await signInWith(app, ATTACKER_PASSWORD)).statusCode).toBe(400);
  });

  it('when the owner registers themselves, their password works and the earlier one never does', async () => {
    const { app, database } = await createTestApp();
    const attackerLink = await preClaim(app, database);
    const own = await postForm(app, '/registro', '/registro', {
      name: 'Dueña del Correo',
      email: VICTIM,
      password: 'mi propia frase secreta',
      consent: 'yes',
    });
    expect(own.statusCode).toBe(200);
    const followed = await app.inject({ url: linkIn((await lastEmailTo(database, VICTIM)).text) });
    expect(followed.statusCode).toBe(303);
    expect((await signInWith(app, ATTACKER_PASSWORD)).statusCode).toBe(400);
    expect((await signInWith(app, 'mi propia frase secreta')).statusCode).toBe(303);
    expect((await app.inject({ url: attackerLink })).statusCode).toBe(400);
    const [account] = await database.db.select().from(users).where(eq(users.email, VICTIM));
    expect(account!.name).toBe('Dueña del Correo');
  });

  it('when the owner sets a password with a reset link, sessions and links the unconfirmed account had end', async () => {
    const { app, database } = await createTestApp();
    const attackerLink = await preClaim(app, database);
    await postForm(app, '/recuperar', '/recuperar', { email: VICTIM });
    const reset = linkIn((await lastEmailTo(database, VICTIM)).text);
    expect((await postForm(app, reset, reset, { password: 'mi propia frase secreta' })).statusCode).toBe(303);
    expect((await app.inject({ url: attackerLink })).statusCode).toBe(400);
    expect((await signInWith(app, ATTACKER_PASSWORD)).statusCode).toBe(400);
    expect((await signInWith(app, 'mi propia frase secreta')).statusCode).toBe(303);
    const [account] = await database.db.select().from(users).where(eq(users.email, VICTIM));
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, account!.id))).toHaveLength(2);
  });
});
