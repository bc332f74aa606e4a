import { eq } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { fromPgPool } from '../../db/client.js';
import { countQueries } from '../../testing/count-queries.js';
import { TEMPLATE_DATABASES, TEST_NOW } from '../../testing/constants.js';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { createServerDatabaseUrl, createTestDatabase, testDriver } from '../../testing/test-db.js';
import { deleteSession } from './delete-session.js';
import { revokeRole } from './revoke-role.js';
import { roleAssignments, users } from './schema.js';
import { updateAccount } from './update-account.js';
import { eventually } from '../../testing/eventually.js';
import { portalActor } from '../../testing/actors.js';

const page = (app: FastifyInstance, cookies: Record<string, string>, url = '/admin') =>
  app.inject({ method: 'GET', url, cookies, headers: { 'accept-language': 'es-MX' } });

/** The e-mail frequency a page's form shows as chosen. */
const chosenFrequency = (html: string) =>
  /<input[^>]*name="notificationFrequency"[^>]*value="(\w+)"[^>]*checked/.exec(html)?.[1];

describe('signed-in people between requests', () => {
  it('a signed-in page viewed again does not look the session up again', async () => {
    const { app, database } = await createTestApp();
    const { cookies } = await signInAs(database, { roles: [{ role: 'admin' }] });
    const first = await countQueries(database, () => page(app, cookies));
    expect(first.result.statusCode).toBe(200);
    expect(first.count).toBeGreaterThan(0);
    const second = await countQueries(database, () => page(app, cookies));
    expect(second.result.statusCode).toBe(200);
    // The admin's desk counts what waits for them on every view; the session and its roles are not read again.
    const sessionReads = (statements: string[]) =>
      statements.filter((text) => /\bfrom "?(sessions|role_assignments)"?/i.test(text));
    expect(sessionReads(first.statements).length).toBeGreaterThan(0);
    expect(sessionReads(second.statements)).toEqual([]);
  });

  it('the account page viewed again runs no query: the e-mail frequency comes with the session', async () => {
    const { app, database } = await createTestApp();
    const { cookies } = await signInAs(database, {});
    expect((await page(app, cookies, '/cuenta')).statusCode).toBe(200);
    const again = await countQueries(database, () => page(app, cookies, '/cuenta'));
    expect(again.result.statusCode).toBe(200);
    expect(again.count).toBe(0);
    expect(chosenFrequency(again.result.body)).toBe('immediate');
  });

  it('a changed e-mail frequency shows on the next view of the account page, saved by the form or in the database', async () => {
    const { app, database } = await createTestApp();
    const person = await signInAs(database, {});
    expect(chosenFrequency((await page(app, person.cookies, '/cuenta')).body)).toBe('immediate');
    const saved = await app.inject({
      method: 'POST',
      url: '/cuenta',
      cookies: person.cookies,
      payload: { _csrf: person.csrf, name: person.user.name, locale: 'es-MX', notificationFrequency: 'weekly' },
    });
    expect(saved.statusCode).toBe(303);
    expect(chosenFrequency((await page(app, person.cookies, '/cuenta')).body)).toBe('weekly');
    expect((await page(app, person.cookies, '/cuenta/seguimientos')).body).toContain(
      'Ahora recibes un resumen semanal, los lunes.',
    );

    // Another process saving the form (updateAccount sets the name and language with it) is announced too.
    await updateAccount(database.db, person.user.id, {
      name: person.user.name,
      locale: 'es-MX',
      notificationFrequency: 'none',
    });
    const after = await eventually(
      () => page(app, person.cookies, '/cuenta'),
      (r) => chosenFrequency(r.body) === 'none',
    );
    expect(chosenFrequency(after.body)).toBe('none');

    // The frequency alone, written straight in the database, is announced by the users trigger (migration 0009).
    await database.db.update(users).set({ notificationFrequency: 'weekly' }).where(eq(users.id, person.user.id));
    const alone = await eventually(
      () => page(app, person.cookies, '/cuenta'),
      (r) => chosenFrequency(r.body) === 'weekly',
    );
    expect(chosenFrequency(alone.body)).toBe('weekly');
  });

  it('a role taken away, even straight in the database, is refused on the next page', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const other = await signInAs(database, { roles: [{ role: 'admin' }] });
    expect((await page(app, admin.cookies)).statusCode).toBe(200);
    const [assignment] = await database.db
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, admin.user.id));
    await revokeRole(database.db, assignment!.id, portalActor);
    expect(
      (
        await eventually(
          () => page(app, admin.cookies),
          (r) => r.statusCode === 403,
        )
      ).statusCode,
    ).toBe(403);

    expect((await page(app, other.cookies)).statusCode).toBe(200);
    await database.db.delete(roleAssignments).where(eq(roleAssignments.userId, other.user.id));
    expect(
      (
        await eventually(
          () => page(app, other.cookies),
          (r) => r.statusCode === 403,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('an ended session or a disabled account is signed out on the next page', async () => {
    const { app, database } = await createTestApp();
    const one = await signInAs(database, { roles: [{ role: 'admin' }] });
    const two = await signInAs(database, { roles: [{ role: 'admin' }] });
    expect((await page(app, one.cookies)).statusCode).toBe(200);
    expect((await page(app, two.cookies)).statusCode).toBe(200);

    await deleteSession(database.db, one.cookies.sid);
    const ended = await eventually(
      () => page(app, one.cookies),
      (r) => r.statusCode === 303,
    );
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toContain('/entrar');

    await database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, two.user.id));
    expect(
      (
        await eventually(
          () => page(app, two.cookies),
          (r) => r.statusCode === 303,
        )
      ).statusCode,
    ).toBe(303);
  });

  it('signing out through the form ends the session at once', async () => {
    const { app, database } = await createTestApp();
    const person = await signInAs(database, { roles: [{ role: 'admin' }] });
    expect((await page(app, person.cookies)).statusCode).toBe(200);
    const out = await app.inject({
      method: 'POST',
      url: '/salir',
      cookies: person.cookies,
      payload: { _csrf: person.csrf },
    });
    expect(out.statusCode).toBe(303);
    expect((await page(app, person.cookies)).statusCode).toBe(303);
  });

  it('still ends an idle session after its idle hours', async () => {
    const database = await createTestDatabase({ withDemo: true });
    let clock = TEST_NOW.getTime();
    const app = await buildApp({
      config: parseConfig({ LOG_LEVEL: 'silent', SESSION_IDLE_HOURS: '1' }),
      database,
      now: () => new Date(clock),
    });
    try {
      const person = await signInAs(database, { roles: [{ role: 'admin' }] });
      // signInAs opens the session with the real clock and an 8-hour idle time: start from its own moment.
      clock = Date.now();
      expect((await page(app, person.cookies)).statusCode).toBe(200);
      clock += 30_000;
      expect((await page(app, person.cookies)).statusCode).toBe(200);
      clock += 9 * 3600_000;
      expect((await page(app, person.cookies)).statusCode).toBe(303);
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(testDriver !== 'postgres')('signed-in people across processes (PostgreSQL)', () => {
  it('a session ended through one instance is refused by the other', async () => {
    const url = await createServerDatabaseUrl(TEMPLATE_DATABASES.demo);
    const config = parseConfig({ LOG_LEVEL: 'silent' });
    const databases = [
      fromPgPool(new pg.Pool({ connectionString: url, max: 2 }), 'one'),
      fromPgPool(new pg.Pool({ connectionString: url, max: 2 }), 'two'),
    ];
    const apps: FastifyInstance[] = [];
    try {
      for (const database of databases) apps.push(await buildApp({ config, database, now: () => new Date() }));
      const [one, two] = apps as [FastifyInstance, FastifyInstance];
      const person = await signInAs(databases[0]!, { roles: [{ role: 'admin' }] });
      expect((await page(two, person.cookies)).statusCode).toBe(200);
      const out = await one.inject({
        method: 'POST',
        url: '/salir',
        cookies: person.cookies,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${person.csrf}`,
      });
      expect(out.statusCode).toBe(303);
      expect(
        (
          await eventually(
            () => page(two, person.cookies),
            (r) => r.statusCode === 303,
          )
        ).statusCode,
      ).toBe(303);
    } finally {
      for (const app of apps) await app.close();
      for (const database of databases) await database.close();
    }
  });
});
