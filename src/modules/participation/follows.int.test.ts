import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { enqueueInTransaction } from '../../jobs/enqueue.js';
import { startJobs } from '../../jobs/start-jobs.js';
import { eventually, fastJobSettings, memoryLogger } from '../../jobs/testing/job-test-kit.js';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { users } from '../accounts/schema.js';
import type { Actor } from '../../kernel/actor.js';
import { setCallResults } from '../calls/set-call-results.js';
import { calls } from '../calls/schema.js';
import { exercises } from '../exercises/schema.js';
import { emails } from '../notifications/schema.js';
import { notifyFollowers, sendWeeklyDigests } from './notify-followers.js';
import { postComment } from './post-comment.js';
import { changeCursors, follows } from './schema.js';
import { registry } from '../../registry.js';
import { NOTIFY_FOLLOWERS_QUEUE } from './module.js';

const PAGE = '/ejercicios/tercer-pal-2020-2021/convocatoria';
const TITLE_PATTERN = /Hay novedades en «.+»/;
const options = {
  baseUrl: 'https://portal.example.mx',
  siteName: 'Cocrea Durango',
  timeZone: 'America/Monterrey',
  records: registry.records,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setUp() {
  const { app, database } = await createTestApp();
  const [call] = await database.db
    .select({ id: calls.id, title: calls.title })
    .from(calls)
    .innerJoin(exercises, eq(exercises.id, calls.exerciseId))
    .where(eq(exercises.slug, 'tercer-pal-2020-2021'));
  const as = (session: Awaited<ReturnType<typeof signInAs>>) => ({
    session,
    get: (url: string) => app.inject({ url, cookies: session.cookies }),
    post: (url: string, fields: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } }),
  });
  const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
  const adminActor: Actor = {
    userId: admin.user.id,
    name: admin.user.name,
    email: admin.user.email,
    locale: 'es-MX',
    isEmailConfirmed: true,
    roles: [{ role: 'admin', institutionId: null }],
  };
  let version = 0;
  /** An admin corrects the call's results: a public change, in the change log. */
  const changeCall = () =>
    setCallResults(
      database.db,
      call!.id,
      { resultsText: `Resultados, versión ${(version += 1)}.` },
      { actor: adminActor },
    );
  return {
    app,
    database,
    call: call!,
    as,
    admin: as(admin),
    adminActor,
    changeCall,
    followUrl: `/participacion/call/${call!.id}/seguir`,
  };
}

/** A signed-in follower with a notification frequency. */
async function follower(
  context: Awaited<ReturnType<typeof setUp>>,
  frequency: 'immediate' | 'weekly' | 'none',
  name: string,
) {
  const person = context.as(
    await signInAs(context.database, { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.mx` }),
  );
  await context.database.db
    .update(users)
    .set({ notificationFrequency: frequency })
    .where(eq(users.id, person.session.user.id));
  expect((await person.post(context.followUrl)).statusCode).toBe(303);
  return person;
}

const mailsTo = (database: Database, address: string) =>
  database.db.select().from(emails).where(eq(emails.toAddress, address)).orderBy(asc(emails.createdAt));

describe('follows', () => {
  it('a signed-in person follows and stops following from the page; their list shows what they follow; signed-out visitors are asked to sign in', async () => {
    const { app, database, call, as, followUrl } = await setUp();
    const anonymous = await app.inject({ url: PAGE });
    expect(anonymous.body).toContain('Entra para seguirlo');
    expect(anonymous.body).toContain(`/entrar?siguiente=${encodeURIComponent(PAGE)}`);

    const person = as(await signInAs(database));
    expect((await person.get(PAGE)).body).toContain('>Seguir</button>');
    const followed = await person.post(followUrl);
    expect(followed.statusCode).toBe(303);
    expect(followed.headers.location).toBe(`${PAGE}?participacion=siguiendo#seguir`);
    const page = await person.get(`${PAGE}?participacion=siguiendo`);
    expect(page.body).toContain(`Ahora sigues «${call.title}»`);
    expect(page.body).toContain('Dejar de seguir');
    // Following twice is still one follow.
    await person.post(followUrl);
    expect(await database.db.select().from(follows).where(eq(follows.userId, person.session.user.id))).toHaveLength(1);

    const list = await person.get('/cuenta/seguimientos');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${PAGE}"`);
    expect(list.body).toContain('Ahora recibes un correo en cuanto hay un cambio.');

    const stopped = await person.post(`/participacion/call/${call.id}/dejar-de-seguir`, {
      volver: '/cuenta/seguimientos',
    });
    expect(stopped.headers.location).toBe('/cuenta/seguimientos?aviso=sin-seguir');
    expect((await person.get('/cuenta/seguimientos')).body).toContain('Todavía no sigues nada.');
    expect((await person.post('/participacion/call/00000000-0000-0000-0000-000000000000/seguir')).statusCode).toBe(404);
  });

  it('immediate followers get one e-mail per run about changes after they followed, never their own; weekly and none get nothing; the cursor resumes without duplicates', async () => {
    const context = await setUp();
    const { database, changeCall, call } = context;
    await changeCall(); // before anyone follows: nobody hears about it
    const ana = await follower(context, 'immediate', 'Ana Inmediata');
    const wendy = await follower(context, 'weekly', 'Wendy Semanal');
    const nora = await follower(context, 'none', 'Nora Nada');
    expect((await context.admin.post(context.followUrl)).statusCode).toBe(303);

    await changeCall();
    expect(await notifyFollowers(database.db, options)).toMatchObject({ emails: 1 });
    const [mail] = await mailsTo(database, ana.session.user.email);
    expect(mail).toMatchObject({
      template: 'follow_update',
      locale: 'es-MX',
      subject: `Hay novedades en «${call.title}»`,
    });
    expect(mail!.text).toContain('Se actualizó (Administración del portal,');
    expect(mail!.text).toContain(`https://portal.example.mx${PAGE}`);
    expect(mail!.text).toMatch(/https:\/\/portal\.example\.mx\/seguimientos\/baja\/[A-Za-z0-9_-]{32}/);
    expect(mail!.text).not.toContain('versión 1');
    for (const other of [wendy, nora]) expect(await mailsTo(database, other.session.user.email)).toEqual([]);
    // The admin who made the change is not told about it.
    expect(await mailsTo(database, context.admin.session.user.email)).toEqual([]);

    // Nothing new: nothing sent again. A later change: exactly one more e-mail.
    expect(await notifyFollowers(database.db, options)).toEqual({ entries: 0, emails: 0 });
    await changeCall();
    await changeCall();
    expect(await notifyFollowers(database.db, options)).toMatchObject({ entries: 2, emails: 1 });
    const mails = await mailsTo(database, ana.session.user.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text.match(/Se actualizó/g)).toHaveLength(2);
    const [cursor] = await database.db.select().from(changeCursors);
    expect(cursor!.lastSeq).toBeGreaterThan(0);
  });

  it('reads the change log in batches, each committed with its cursor, so a run cut short resumes where it stopped', async () => {
    const context = await setUp();
    const { database, changeCall } = context;
    const ana = await follower(context, 'immediate', 'Ana Lotes');
    await notifyFollowers(database.db, options); // reads the demo's history first
    for (let i = 0; i < 3; i += 1) await changeCall();
    // Batches of one entry: three transactions, three e-mails, then nothing more.
    expect(await notifyFollowers(database.db, { ...options, batchSize: 1 })).toMatchObject({ entries: 3, emails: 3 });
    expect(await notifyFollowers(database.db, { ...options, batchSize: 1 })).toEqual({ entries: 0, emails: 0 });
    expect(await mailsTo(database, ana.session.user.email)).toHaveLength(3);
  });

  it('comments and official responses on a followed record reach its followers', async () => {
    const context = await setUp();
    const { database, call } = context;
    const ana = await follower(context, 'immediate', 'Ana Comentarios');
    const author = await signInAs(database, { name: 'Otra Persona' });
    await postComment(
      database.db,
      { recordType: 'call', recordId: call.id },
      { body: 'Una pregunta sobre los resultados.' },
      {
        actor: {
          userId: author.user.id,
          name: author.user.name,
          email: author.user.email,
          locale: 'es-MX',
          isEmailConfirmed: true,
          roles: [],
        },
        records: registry.records,
      },
    );
    await notifyFollowers(database.db, options);
    const [mail] = await mailsTo(database, ana.session.user.email);
    expect(mail!.text).toContain('Nuevo comentario (Persona participante,');
  });

  it('weekly followers get one digest of what changed since their last one; sending again sends nothing; English readers read English', async () => {
    const context = await setUp();
    const { database, changeCall, call } = context;
    const wendy = await follower(context, 'weekly', 'Wendy Resumen');
    const will = await follower(context, 'weekly', 'Will Digest');
    await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, will.session.user.id));
    const nora = await follower(context, 'none', 'Nora Sin Avisos');
    const ana = await follower(context, 'immediate', 'Ana Sin Resumen');

    await changeCall();
    await changeCall();
    const now = new Date('2026-12-07T14:00:00Z');
    expect(await sendWeeklyDigests(database.db, { ...options, now })).toEqual({ emails: 2 });
    const [digest] = await mailsTo(database, wendy.session.user.email);
    expect(digest).toMatchObject({ template: 'follow_digest', subject: 'Tu resumen semanal de Cocrea Durango' });
    expect(digest!.text).toContain(`«${call.title}»`);
    expect(digest!.text.match(/Se actualizó/g)).toHaveLength(2);
    const [english] = await mailsTo(database, will.session.user.email);
    expect(english).toMatchObject({ locale: 'en', subject: 'Your weekly digest from Cocrea Durango' });
    expect(english!.text).toContain('Updated (Administración del portal,');
    expect(await mailsTo(database, nora.session.user.email)).toEqual([]);
    // The immediate follower got their e-mail from the same run, not a digest.
    expect((await mailsTo(database, ana.session.user.email)).map((mail) => mail.template)).toEqual(['follow_update']);

    expect(await sendWeeklyDigests(database.db, { ...options, now })).toEqual({ emails: 0 });
    // The immediate follower switches to the digest: it does not repeat what they were already told.
    await database.db.update(users).set({ notificationFrequency: 'weekly' }).where(eq(users.id, ana.session.user.id));
    expect(await sendWeeklyDigests(database.db, { ...options, now })).toEqual({ emails: 0 });
    await changeCall();
    expect(await sendWeeklyDigests(database.db, { ...options, now })).toEqual({ emails: 3 });
    const second = (await mailsTo(database, wendy.session.user.email))[1]!;
    expect(second.text.match(/Se actualizó/g)).toHaveLength(1);
  });

  it('the e-mail link stops the follow without signing in, after asking; used again it says the link no longer works', async () => {
    const context = await setUp();
    const { app, database, changeCall, call } = context;
    const ana = await follower(context, 'immediate', 'Ana Baja');
    await changeCall();
    await notifyFollowers(database.db, options);
    const [mail] = await mailsTo(database, ana.session.user.email);
    const path = new URL(/https:\/\/\S+\/seguimientos\/baja\/\S+/.exec(mail!.text)![0]).pathname;

    const ask = await app.inject({ url: path });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain(`¿Dejas de seguir «${call.title}»?`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(ask.body)![1]!;
    const cookie = String(ask.headers['set-cookie']).split(';')[0]!.split('=');
    const done = await app.inject({
      method: 'POST',
      url: path,
      cookies: { [cookie[0]!]: cookie[1]! },
      payload: { _csrf: csrf },
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Ya no sigues este registro.');
    expect(await database.db.select().from(follows).where(eq(follows.userId, ana.session.user.id))).toEqual([]);
    expect((await app.inject({ url: path })).statusCode).toBe(404);
    expect((await app.inject({ url: '/seguimientos/baja/x' })).statusCode).toBe(404);
  });

  it('the scheduled job: the runner schedules notify-followers every minute, and its job e-mails the immediate followers', async () => {
    const context = await setUp();
    const { database, changeCall } = context;
    const ana = await follower(context, 'immediate', 'Ana Trabajo');
    const jobs = await startJobs({
      database,
      config: parseConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'https://portal.example.mx' }),
      logger: memoryLogger(),
      settings: fastJobSettings,
      registry,
    });
    cleanups.push(() => jobs.stop());
    await changeCall();
    await database.db.transaction((tx) => enqueueInTransaction(tx, NOTIFY_FOLLOWERS_QUEUE, {}, { id: randomUUID() }));
    const [mail] = await eventually(async () => {
      const found = await mailsTo(database, ana.session.user.email);
      return found.length ? found : undefined;
    });
    expect(mail!.subject).toMatch(TITLE_PATTERN);
    expect(mail!.text).toContain('https://portal.example.mx/ejercicios/tercer-pal-2020-2021/convocatoria');
    // pg-boss keeps its cron schedules in its own schema.
    const schedules = await database.db.execute(
      sql`select name, cron from pgboss.schedule where name in ('notify-followers', 'weekly-digests') order by name`,
    );
    expect((schedules as unknown as { rows: { name: string; cron: string }[] }).rows).toEqual([
      { name: 'notify-followers', cron: '* * * * *' },
      { name: 'weekly-digests', cron: '0 14 * * 1' },
    ]);
    expect(
      await database.db
        .select({ id: follows.id })
        .from(follows)
        .where(and(eq(follows.userId, ana.session.user.id), inArray(follows.targetType, ['call']))),
    ).toHaveLength(1);
  });
});
