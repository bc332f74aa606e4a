import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { changeLog } from '../audit/schema.js';
import { calls } from '../calls/schema.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { commentReports, comments } from './schema.js';

/** The demo's third exercise: its call is closed and public, convened by the IDAIP. */
const PAGE = '/ejercicios/tercer-pal-2020-2021/convocatoria';
const IDAIP = 'Instituto Duranguense de Acceso a la Información Pública y de Protección de Datos Personales';

async function setUp() {
  const { app, database } = await createTestApp();
  const [row] = await database.db
    .select({ callId: calls.id, convenerId: exercises.convenerInstitutionId })
    .from(calls)
    .innerJoin(exercises, eq(exercises.id, calls.exerciseId))
    .where(eq(exercises.slug, 'tercer-pal-2020-2021'));
  const [other] = await database.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.name, 'Congreso del Estado de Durango'));
  const commentsUrl = `/participacion/call/${row!.callId}/comentarios`;
  const as = (session: Awaited<ReturnType<typeof signInAs>>) => ({
    get: (url: string) => app.inject({ url, cookies: session.cookies }),
    post: (url: string, fields: Record<string, string>) =>
      app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } }),
  });
  return {
    app,
    database,
    callId: row!.callId,
    convenerId: row!.convenerId,
    otherInstitutionId: other!.id,
    commentsUrl,
    as,
  };
}

const commentRows = (database: Database, callId: string) =>
  database.db
    .select()
    .from(comments)
    .where(and(eq(comments.targetType, 'call'), eq(comments.targetId, callId)))
    .orderBy(comments.createdAt);
const commentLog = (database: Database) =>
  database.db.select().from(changeLog).where(eq(changeLog.recordType, 'comment')).orderBy(changeLog.seq);

describe('comments on a participation target', () => {
  it('a signed-in participant comments, lands back on the page with a notice, and everyone reads it; the change log records it', async () => {
    const { app, database, callId, commentsUrl, as } = await setUp();
    const lucia = as(await signInAs(database, { name: 'Lucía Herrera' }));
    const posted = await lucia.post(commentsUrl, {
      body: 'Me gustaría que la convocatoria llegara también a Tepehuanes.',
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${PAGE}?participacion=comentado#comentarios`);

    const back = await lucia.get(String(posted.headers.location).replace(/#.*$/, ''));
    expect(back.body).toContain('Publicamos tu comentario.');

    const anonymous = await app.inject({ url: PAGE });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Me gustaría que la convocatoria llegara también a Tepehuanes.');
    expect(anonymous.body).toContain('Escribió Lucía Herrera');
    expect(anonymous.body).toContain('(1 comentario)');
    // Signed out: a link to sign in and come back, no form (and so no cookie on a public page).
    expect(anonymous.body).toContain('Entra a tu cuenta para comentar');
    expect(anonymous.body).toContain(
      `/entrar?siguiente=${encodeURIComponent(`/participacion/call/${callId}/comentar`)}`,
    );
    expect(anonymous.body).not.toContain('name="_csrf"');
    expect(anonymous.headers['set-cookie']).toBeUndefined();

    const [entry] = await commentLog(database);
    expect(entry).toMatchObject({ action: 'create', actorLabel: 'Persona participante' });
    expect(entry!.after).toMatchObject({ targetType: 'call', targetId: callId, kind: 'comment', status: 'visible' });
    // The words themselves stay out of the permanent log (only their SHA-256), so moderation can take them off view.
    expect(JSON.stringify(entry!.after)).not.toContain('Tepehuanes');
    expect((entry!.after as { bodySha256: string }).bodySha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an empty or over-long comment with a clear message next to the field, keeping what was typed', async () => {
    const { database, callId, commentsUrl, as } = await setUp();
    const person = as(await signInAs(database));
    const empty = await person.post(commentsUrl, { body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Escribe tu comentario: al menos 3 caracteres.');
    expect(empty.body).toContain('href="#comment-body"');

    const long = 'Una idea muy larga. '.repeat(120);
    const tooLong = await person.post(commentsUrl, { body: long });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('el máximo es de 2,000 caracteres');
    expect(tooLong.body).toContain(long.trim());
    expect(await commentRows(database, callId)).toHaveLength(0);
  });

  it('signed-out visitors are sent to sign in; an unknown target is a 404, never a 500', async () => {
    const { app, database, callId, commentsUrl, as } = await setUp();
    const form = await app.inject({ url: `/participacion/call/${callId}/comentar` });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toContain('/entrar?siguiente=');
    const person = as(await signInAs(database));
    expect(
      (
        await person.post('/participacion/call/00000000-0000-0000-0000-000000000000/comentarios', {
          body: 'Hola a todas.',
        })
      ).statusCode,
    ).toBe(404);
    expect((await person.post('/participacion/nada/abc/comentarios', { body: 'Hola a todas.' })).statusCode).toBe(404);
    expect((await person.get(`/participacion/call/${callId}/comentar`)).statusCode).toBe(200);
    // A comment without the form token is refused.
    const session = await signInAs(database);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: commentsUrl,
          cookies: session.cookies,
          payload: { body: 'Sin token.' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a liaison of the answering institution posts an official response, shown apart with the institution; anyone else asking to is refused', async () => {
    const { database, callId, convenerId, otherInstitutionId, commentsUrl, as } = await setUp();
    const liaison = as(
      await signInAs(database, { name: 'Rosa Enlace', roles: [{ role: 'liaison', institutionId: convenerId }] }),
    );
    const page = await liaison.get(PAGE);
    expect(page.body).toContain(`Como respuesta oficial de ${IDAIP}`);

    const answered = await liaison.post(commentsUrl, {
      body: 'Gracias: ampliaremos la difusión a todos los municipios.',
      as: convenerId,
    });
    expect(answered.statusCode).toBe(303);
    expect(answered.headers.location).toBe(`${PAGE}?participacion=respondido#comentarios`);
    const publicPage = await as(await signInAs(database)).get(PAGE);
    expect(publicPage.body).toContain(`Respuesta oficial de ${IDAIP}`);
    expect(publicPage.body).toContain('comment comment--official');
    // A plain participant is not offered the choice.
    expect(publicPage.body).not.toContain('Como respuesta oficial de');

    const otherLiaison = as(
      await signInAs(database, { roles: [{ role: 'liaison', institutionId: otherInstitutionId }] }),
    );
    expect((await otherLiaison.post(commentsUrl, { body: 'Respondo por el IDAIP.', as: convenerId })).statusCode).toBe(
      403,
    );
    expect(
      (await otherLiaison.post(commentsUrl, { body: 'Respondo por el Congreso.', as: otherInstitutionId })).statusCode,
    ).toBe(403);
    const participant = as(await signInAs(database));
    expect((await participant.post(commentsUrl, { body: 'Respondo oficialmente.', as: convenerId })).statusCode).toBe(
      403,
    );
    const admin = as(await signInAs(database, { roles: [{ role: 'admin' }] }));
    expect((await admin.post(commentsUrl, { body: 'Respondo oficialmente.', as: 'no-es-un-id' })).statusCode).toBe(403);

    const rows = await commentRows(database, callId);
    expect(rows.map((row) => [row.kind, row.institutionId])).toEqual([['official_response', convenerId]]);
  });

  it('a moderator hides a comment with a reason: the public sees that it was hidden and why, the row stays, and the change log records it', async () => {
    const { app, database, callId, commentsUrl, as } = await setUp();
    const author = as(await signInAs(database, { name: 'Pedro Ruiz' }));
    await author.post(commentsUrl, { body: 'Mi vecino Juan Pérez vive en la calle 5 número 10.' });
    const [comment] = await commentRows(database, callId);
    const hideUrl = `/participacion/comentarios/${comment!.id}/ocultar`;

    const participant = as(await signInAs(database));
    expect((await participant.post(hideUrl, { reason: 'No me gusta.' })).statusCode).toBe(403);
    const liaison = as(
      await signInAs(database, { roles: [{ role: 'liaison', institutionId: await setUpInstitution(database) }] }),
    );
    expect((await liaison.post(hideUrl, { reason: 'No me gusta.' })).statusCode).toBe(403);

    const facilitator = as(await signInAs(database, { roles: [{ role: 'facilitator' }] }));
    expect((await facilitator.get(PAGE)).body).toContain('Ocultar este comentario');
    const missing = await facilitator.post(hideUrl, { reason: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Escribe el motivo para ocultar el comentario');
    expect((await commentRows(database, callId))[0]!.status).toBe('visible');

    const hidden = await facilitator.post(hideUrl, { reason: 'Contiene datos personales de otra persona.' });
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe(`${PAGE}?participacion=oculto#comentarios`);

    const publicPage = await app.inject({ url: PAGE });
    expect(publicPage.body).toContain('Comentario oculto por moderación: Contiene datos personales de otra persona.');
    expect(publicPage.body).not.toContain('Juan Pérez vive');
    const [row] = await commentRows(database, callId);
    expect(row).toMatchObject({
      status: 'hidden',
      hiddenReason: 'Contiene datos personales de otra persona.',
      body: 'Mi vecino Juan Pérez vive en la calle 5 número 10.',
    });

    const log = await commentLog(database);
    expect(log.map((entry) => [entry.action, entry.actorLabel])).toEqual([
      ['create', 'Persona participante'],
      ['update', 'Facilitación'],
    ]);
    expect(log[1]!.after).toMatchObject({
      status: 'hidden',
      hiddenReason: 'Contiene datos personales de otra persona.',
    });
    expect(log[1]!.before).toMatchObject({ status: 'visible' });
  });

  it('a person reports a comment once; moderators see it in their queue with the count, the public does not', async () => {
    const { app, database, callId, commentsUrl, as } = await setUp();
    await as(await signInAs(database)).post(commentsUrl, { body: 'Este comentario será reportado.' });
    const [comment] = await commentRows(database, callId);
    const reporter = as(await signInAs(database));
    const reportUrl = `/participacion/comentarios/${comment!.id}/reportar`;
    const reported = await reporter.post(reportUrl, { reason: 'Es publicidad.' });
    expect(reported.statusCode).toBe(303);
    expect(reported.headers.location).toBe(`${PAGE}?participacion=reportado#comentarios`);
    expect((await reporter.post(reportUrl, { reason: 'Otra vez.' })).statusCode).toBe(303);
    expect(
      await database.db.select().from(commentReports).where(eq(commentReports.commentId, comment!.id)),
    ).toHaveLength(1);
    expect((await reporter.get(PAGE)).body).toContain('Ya reportaste este comentario.');
    expect((await app.inject({ url: PAGE })).body).not.toContain('Reportes:');

    const admin = as(await signInAs(database, { roles: [{ role: 'admin' }] }));
    const queue = await admin.get('/admin/comentarios');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Este comentario será reportado.');
    expect(queue.body).toContain(`${PAGE}#comentario-${comment!.id}`);
    expect((await admin.get(PAGE)).body).toContain('Reportes: 1');
    expect((await as(await signInAs(database)).get('/admin/comentarios')).statusCode).toBe(403);
  });

  it('limits how many comments one person posts in a quarter of an hour', async () => {
    const { database, commentsUrl, as } = await setUp();
    const person = as(await signInAs(database));
    for (let i = 1; i <= 10; i += 1)
      expect((await person.post(commentsUrl, { body: `Comentario número ${i}.` })).statusCode).toBe(303);
    const refused = await person.post(commentsUrl, { body: 'Uno más.' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

async function setUpInstitution(database: Database) {
  const [row] = await database.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.name, 'Poder Judicial del Estado de Durango'));
  return row!.id;
}
