import { and, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { problemReports, problems } from '../cocreation/schema.js';
import { institutions } from '../directory/schema.js';
import { emails } from '../notifications/schema.js';
import { activities } from '../plan/schema.js';
import { arcoRequests } from '../privacy/schema.js';
import { registrations } from '../registrations/schema.js';

/** The text of a desk card: its title's link and what it says waits. */
const cardOf = (html: string, href: string) => {
  const start = html.indexOf(`<a href="${href}">`);
  expect(start, `a card links ${href}`).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf('<article', start), html.indexOf('</article>', start));
};

describe('staff find their work', () => {
  let app: FastifyInstance;
  let database: Database;
  beforeAll(async () => {
    ({ app, database } = await createTestApp({ lifetime: 'file' }));
  }, 120_000);
  afterAll(() => undefined);

  it('the admin’s desk links every area, with what waits there counted', async () => {
    const db = database.db;
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const page = await app.inject({ url: '/admin', cookies: admin.cookies });
    expect(page.statusCode).toBe(200);
    for (const href of [
      '/admin/plan',
      '/admin/secretariado',
      '/admin/comentarios',
      '/admin/correo',
      '/admin/inscripciones?status=confirmed',
      '/admin/arco',
      '/admin/privacidad',
      '/admin/usuarios',
      '/admin/instituciones',
      '/admin/convocatorias',
      '/admin/problemas',
      '/admin/evaluacion',
      '/admin/ejercicios',
    ])
      cardOf(page.body, href);
    // The counts are the database's: done activities to verify, confirmed sign-ups, open ARCO requests, failed e-mails.
    const done = (await db.select({ id: activities.id }).from(activities).where(eq(activities.status, 'done'))).length;
    expect(done).toBeGreaterThan(0);
    expect(cardOf(page.body, '/admin/plan')).toContain(`Actividades terminadas por verificar: ${done}`);
    const confirmed = (
      await db.select({ id: registrations.id }).from(registrations).where(eq(registrations.status, 'confirmed'))
    ).length;
    expect(cardOf(page.body, '/admin/inscripciones?status=confirmed')).toContain(
      confirmed > 0 ? `Inscripciones confirmadas por revisar: ${confirmed}` : 'Nada pendiente.',
    );
    const open = (
      await db
        .select({ id: arcoRequests.id })
        .from(arcoRequests)
        .where(inArray(arcoRequests.status, ['received', 'extended']))
    ).length;
    expect(cardOf(page.body, '/admin/arco')).toContain(
      open > 0 ? `Solicitudes por responder: ${open}` : 'Nada pendiente.',
    );
    expect(cardOf(page.body, '/admin/correo')).toContain('Nada pendiente.');
    await db.insert(emails).values({
      toAddress: 'nadie@example.mx',
      template: 'test',
      locale: 'es-MX',
      subject: 'Prueba',
      text: 'Prueba',
      html: '<p>Prueba</p>',
      status: 'failed',
      attempts: 5,
    });
    const after = await app.inject({ url: '/admin', cookies: admin.cookies });
    expect(cardOf(after.body, '/admin/correo')).toContain('Correos que no se pudieron entregar: 1');
    // Only admins have the desk.
    const liaison = await signInAs(database, {
      roles: [{ role: 'liaison', institutionId: (await db.select().from(institutions).limit(1))[0]!.id }],
    });
    expect((await app.inject({ url: '/admin', cookies: liaison.cookies })).statusCode).toBe(403);
  }, 120_000);

  it('liaisons, Secretariat members and evaluators have “Mi trabajo” in the header and on their account page', async () => {
    const db = database.db;
    const [tepehuanes] = await db
      .select({ id: institutions.id })
      .from(institutions)
      .where(eq(institutions.name, 'Ayuntamiento de Tepehuanes'));
    const liaison = await signInAs(database, { roles: [{ role: 'liaison', institutionId: tepehuanes!.id }] });
    const member = await signInAs(database, { roles: [{ role: 'secretariat_member' }] });
    const evaluator = await signInAs(database, { roles: [{ role: 'evaluator' }] });
    const participant = await signInAs(database, { roles: [] });

    for (const person of [liaison, member, evaluator]) {
      const home = await app.inject({ url: '/', cookies: person.cookies });
      expect(home.body).toMatch(/<nav class="site-header__account-nav"[^>]*>.*<a href="\/mi-trabajo">Mi trabajo<\/a>/s);
      expect((await app.inject({ url: '/cuenta', cookies: person.cookies })).body).toContain('href="/mi-trabajo"');
    }
    expect((await app.inject({ url: '/', cookies: participant.cookies })).body).not.toContain('href="/mi-trabajo"');
    expect((await app.inject({ url: '/cuenta', cookies: participant.cookies })).body).not.toContain(
      'href="/mi-trabajo"',
    );

    // A liaison sees its institution's open activities (and how many are late) and its reports to file.
    const mine = await app.inject({ url: '/mi-trabajo', cookies: liaison.cookies });
    expect(mine.statusCode).toBe(200);
    const open = (
      await db
        .select({ id: activities.id })
        .from(activities)
        .where(
          and(
            eq(activities.responsibleInstitutionId, tepehuanes!.id),
            inArray(activities.status, ['not_started', 'in_progress', 'done']),
          ),
        )
    ).length;
    expect(cardOf(mine.body, '/mis-actividades')).toContain(`Actividades abiertas de tu institución: ${open}`);
    cardOf(mine.body, '/evaluacion');
    expect(mine.body).not.toContain('href="/mis-actividades#verify-heading"');
    // A member verifies and follows the Secretariat; an evaluator assesses.
    const memberWork = await app.inject({ url: '/mi-trabajo', cookies: member.cookies });
    expect(cardOf(memberWork.body, '/mis-actividades#verify-heading')).toMatch(
      /Actividades terminadas por verificar: \d+/,
    );
    expect(memberWork.body).toContain('Secretariado Técnico');
    const evaluatorWork = await app.inject({ url: '/mi-trabajo', cookies: evaluator.cookies });
    expect(cardOf(evaluatorWork.body, '/evaluacion')).toMatch(/Evaluaciones finales pendientes: \d+/);
    const nothing = await app.inject({ url: '/mi-trabajo', cookies: participant.cookies });
    expect(nothing.body).toContain('Por ahora no hay nada pendiente para ti.');
  }, 120_000);

  it('only those who moderate see the problems and comments to moderate on “Mi trabajo”', async () => {
    const member = await signInAs(database, { roles: [{ role: 'secretariat_member' }] });
    const facilitator = await signInAs(database, { roles: [{ role: 'facilitator' }] });
    const both = await signInAs(database, { roles: [{ role: 'secretariat_member' }, { role: 'facilitator' }] });

    // A Secretariat member follows the Secretariat, but moderates neither problems nor comments.
    const memberWork = await app.inject({ url: '/mi-trabajo', cookies: member.cookies });
    expect(memberWork.statusCode).toBe(200);
    expect(memberWork.body).toContain('Secretariado Técnico');
    expect(memberWork.body).not.toContain('href="/admin/problemas"');
    expect(memberWork.body).not.toContain('Problemas por moderar');
    expect(memberWork.body).not.toContain('href="/admin/comentarios"');
    expect((await app.inject({ url: '/admin/problemas', cookies: member.cookies })).statusCode).toBe(403);

    // Someone reports a visible problem: it waits for the moderators.
    const [visible] = await database.db
      .select({ id: problems.id })
      .from(problems)
      .where(isNull(problems.hiddenAt))
      .limit(1);
    await database.db
      .insert(problemReports)
      .values({ problemId: visible!.id, reporterId: member.user.id, reason: 'spam' });
    expect(
      (await app.inject({ url: '/mi-trabajo', cookies: member.cookies })).body,
      'a member never sees the moderation queue',
    ).not.toContain('href="/admin/problemas"');

    // A facilitator moderates: the queue is on their page with what waits, and its link opens.
    const facilitatorWork = await app.inject({ url: '/mi-trabajo', cookies: facilitator.cookies });
    expect(cardOf(facilitatorWork.body, '/admin/problemas')).toMatch(/Problemas reportados o sin decisión: [1-9]\d*/);
    cardOf(facilitatorWork.body, '/admin/comentarios');
    expect((await app.inject({ url: '/admin/problemas', cookies: facilitator.cookies })).statusCode).toBe(200);

    // A member who also facilitates sees the queue once.
    const bothWork = await app.inject({ url: '/mi-trabajo', cookies: both.cookies });
    expect(bothWork.body.split('<a href="/admin/problemas">')).toHaveLength(2);
  }, 120_000);
});
