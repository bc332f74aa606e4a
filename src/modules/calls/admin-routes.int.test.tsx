import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { changeLog } from '../audit/schema.js';
import { exercises } from '../exercises/schema.js';
import { emails } from '../notifications/schema.js';
import { privacyNotices } from '../privacy/schema.js';
import { callMailingRecipients, callMailings, registrations } from '../registrations/schema.js';
import { calls } from './schema.js';

/** The demo's second exercise has no call: the tests give it one. */
const SLUG = 'segundo-pal-2017-2019';

/** A complete form for a call that opens a week after the tests' "now" and closes a month later. */
const validForm = (exerciseId: string): Record<string, string> => ({
  exerciseId,
  title: 'Convocatoria para el Plan de Acción Local',
  summary: 'Convoca a las personas de Durango a sumarse al ejercicio.',
  considerations:
    'Que Gobierno Abierto es un modelo de gobernanza colaborativa.\n\nQue la participación es fundamental.',
  generalObjective: 'Construir el Plan de Acción Local de manera colaborativa.',
  specificObjectives: 'Sumar organizaciones.\nInstalar el Secretariado Técnico Local.',
  requirements: 'Ser residente del estado de Durango.\nTener disponibilidad e interés.\r\n\n',
  themes: 'Seguridad ciudadana\nMedio ambiente',
  opensDate: '2026-11-30',
  opensTime: '00:00',
  closesDate: '2026-12-20',
  closesTime: '23:59',
  contactEmail: 'gobiernoabierto@example.mx',
  resultsText: '',
});

async function setUp() {
  const { app, database } = await createTestApp();
  const session = await signInAs(database, {
    roles: [{ role: 'admin' }],
    name: 'Ana Admin',
    email: 'ana.admin@example.mx',
  });
  const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, SLUG));
  const get = (url: string) => app.inject({ url, cookies: session.cookies });
  const post = (url: string, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } });
  return { app, database, session, exerciseId: exercise!.id, get, post };
}

async function createDraft(
  post: (
    url: string,
    fields: Record<string, string>,
  ) => Promise<{ statusCode: number; headers: Record<string, unknown> }>,
  form: Record<string, string>,
) {
  const response = await post('/admin/convocatorias/nueva', form);
  expect(response.statusCode).toBe(303);
  const location = String(response.headers.location);
  expect(location).toMatch(/^\/admin\/convocatorias\/[0-9a-f-]{36}\?aviso=creada$/);
  return location.slice('/admin/convocatorias/'.length, location.indexOf('?'));
}

const callRow = async (database: Database, id: string) =>
  (await database.db.select().from(calls).where(eq(calls.id, id)))[0]!;
const logOf = (database: Database, id: string) =>
  database.db
    .select()
    .from(changeLog)
    .where(and(eq(changeLog.recordType, 'call'), eq(changeLog.recordId, id)))
    .orderBy(changeLog.seq);

describe('admin pages of calls', () => {
  it('an admin writes a draft, previews it privately, publishes it, and only then is it public', async () => {
    const { app, database, exerciseId, get, post } = await setUp();
    const form = await get('/admin/convocatorias/nueva');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="_csrf"');
    expect(form.body).toContain('type="time"');
    expect(form.body).toContain('America/Monterrey');

    const id = await createDraft(post, validForm(exerciseId));
    const stored = await callRow(database, id);
    expect(stored).toMatchObject({
      status: 'draft',
      eligibleStateCode: '10',
      considerations: [
        'Que Gobierno Abierto es un modelo de gobernanza colaborativa.',
        'Que la participación es fundamental.',
      ],
      requirements: ['Ser residente del estado de Durango.', 'Tener disponibilidad e interés.'],
      themes: ['Seguridad ciudadana', 'Medio ambiente'],
      resultsText: null,
    });
    // 30 November 2026 00:00 and 20 December 2026 23:59 in Durango (UTC-6).
    expect(stored.opensAt.toISOString()).toBe('2026-11-30T06:00:00.000Z');
    expect(stored.closesAt.toISOString()).toBe('2026-12-21T05:59:00.000Z');
    expect(await logOf(database, id)).toEqual([]);

    const page = await get(`/admin/convocatorias/${id}?aviso=creada`);
    expect(page.body).toContain('Guardamos el borrador.');
    expect(page.body).toContain('Borrador');
    expect(page.body).toContain(`action="/admin/convocatorias/${id}/publicar"`);

    const preview = await get(`/admin/convocatorias/${id}/vista-previa`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Vista previa: todavía no es pública');
    expect(preview.body).toContain('Convocatoria para el Plan de Acción Local');
    expect(preview.body).toContain('Instalar el Secretariado Técnico Local.');

    // Not public: neither the exercise's page nor the call's URL shows it, nor the public change log.
    expect((await app.inject({ url: `/ejercicios/${SLUG}` })).body).not.toContain(
      'Convocatoria para el Plan de Acción Local',
    );
    expect((await app.inject({ url: `/ejercicios/${SLUG}/convocatoria` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/admin/convocatorias/${id}/vista-previa` })).statusCode).toBe(303);

    const published = await post(`/admin/convocatorias/${id}/publicar`, {});
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe(`/admin/convocatorias/${id}?aviso=publicada`);
    const publicPage = await app.inject({ url: `/ejercicios/${SLUG}/convocatoria` });
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain('Convocatoria para el Plan de Acción Local');
    expect(publicPage.body).toContain('Ser residente del estado de Durango.');
    expect((await app.inject({ url: `/ejercicios/${SLUG}` })).body).toContain(
      'Convocatoria para el Plan de Acción Local',
    );
    const log = await logOf(database, id);
    expect(log.map((entry) => [entry.action, entry.actorLabel])).toEqual([['create', 'Administración del portal']]);

    const again = await post(`/admin/convocatorias/${id}/publicar`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Solo se publica un borrador');

    const list = await get('/admin/convocatorias');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/admin/convocatorias/${id}"`);
    expect(list.body).toContain('Publicada');
    expect(list.body).toContain('todavía no abre');
    expect(list.body).toContain('Convocatoria para participar en el Tercer Plan de Acción Local');
  });

  it('shows each problem next to its field with the error summary, and keeps everything typed', async () => {
    const { exerciseId, post, database } = await setUp();
    const response = await post('/admin/convocatorias/nueva', {
      ...validForm(exerciseId),
      title: '',
      requirements: ' \n ',
      contactEmail: 'no-es-un-correo',
      closesDate: '2026-11-29',
      considerations: 'Un considerando que no debe perderse.',
    });
    expect(response.statusCode).toBe(400);
    const body = response.body;
    expect(body).toContain('class="error-summary"');
    expect(body).toContain('<a href="#title">Escribe el título de la convocatoria.</a>');
    expect(body).toContain('<a href="#requirements">Escribe al menos un requisito para participar.</a>');
    expect(body).toContain('<a href="#closesDate">La convocatoria debe cerrar después de abrir.</a>');
    expect(body).toContain('<a href="#contactEmail">Escribe un correo de contacto válido');
    expect(body.indexOf('href="#title"')).toBeLessThan(body.indexOf('href="#requirements"'));
    expect(body.indexOf('href="#requirements"')).toBeLessThan(body.indexOf('href="#closesDate"'));
    expect(body).toContain('id="title-error"');
    expect(body).toContain('value="no-es-un-correo"');
    expect(body).toContain('Un considerando que no debe perderse.');
    expect(body).toContain('value="2026-11-29"');
    expect(body).toMatch(new RegExp(`<option value="${exerciseId}" selected`));

    const noExercise = await post('/admin/convocatorias/nueva', {
      ...validForm(''),
      opensTime: '7 am',
      closesDate: '2026-02-30',
    });
    expect(noExercise.statusCode).toBe(400);
    expect(noExercise.body).toContain('Elige el ejercicio de la convocatoria.');
    expect(noExercise.body).toContain('Escribe la hora de apertura con horas y minutos');
    expect(noExercise.body).toContain('La fecha de cierre no existe');
    expect(await database.db.select().from(calls).where(eq(calls.exerciseId, exerciseId))).toEqual([]);
  });

  it('takes the themes in English beside the Spanish ones, one for each in the same order, or none', async () => {
    const { exerciseId, post, get, database } = await setUp();
    const form = await get('/admin/convocatorias/nueva');
    expect(form.body).toContain('<label class="field__label" for="themesEn">Temas de interés en inglés');
    const id = await createDraft(post, {
      ...validForm(exerciseId),
      themesEn: 'Public safety\r\n\n  Environment  \n',
    });
    expect(await callRow(database, id)).toMatchObject({
      themes: ['Seguridad ciudadana', 'Medio ambiente'],
      themesEn: ['Public safety', 'Environment'],
    });
    expect((await get(`/admin/convocatorias/${id}/editar`)).body).toMatch(
      /<textarea[^>]*id="themesEn"[^>]*>Public safety\nEnvironment<\/textarea>/,
    );
    // Without English themes (the English page then shows the Spanish ones).
    const plain = await createDraft(post, { ...validForm(exerciseId), title: 'Convocatoria sin temas en inglés' });
    expect((await callRow(database, plain)).themesEn).toEqual([]);

    // One too few, or one too many: refused next to the field, with everything typed kept.
    const fewer = await post('/admin/convocatorias/nueva', { ...validForm(exerciseId), themesEn: 'Public safety' });
    expect(fewer.statusCode).toBe(400);
    expect(fewer.body).toContain(
      '<a href="#themesEn">Faltan temas en inglés: escribe uno por cada tema en español, en el mismo orden, o deja vacío este campo.</a>',
    );
    expect(fewer.body).toContain('id="themesEn-error"');
    expect(fewer.body).toMatch(/<textarea[^>]*id="themesEn"[^>]*>Public safety<\/textarea>/);
    const more = await post('/admin/convocatorias/nueva', {
      ...validForm(exerciseId),
      themes: '',
      themesEn: 'Public safety',
    });
    expect(more.statusCode).toBe(400);
    expect(more.body).toContain('<a href="#themesEn">Sobran temas en inglés');
    // Said together with the form's other problems, in the form's order.
    const both = await post('/admin/convocatorias/nueva', {
      ...validForm(exerciseId),
      title: '',
      themesEn: 'Public safety\nEnvironment\nHealth',
      contactEmail: 'no-es-un-correo',
    });
    expect(both.statusCode).toBe(400);
    expect(both.body.indexOf('href="#title"')).toBeLessThan(both.body.indexOf('href="#themesEn"'));
    expect(both.body.indexOf('href="#themesEn"')).toBeLessThan(both.body.indexOf('href="#contactEmail"'));
    // In English, the message is English.
    const english = await post('/admin/convocatorias/nueva?lang=en', {
      ...validForm(exerciseId),
      themesEn: 'Public safety',
    });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain(
      'Some English themes are missing: enter one for each Spanish theme, in the same order, or leave this field empty.',
    );

    // Hostile input is refused or cleaned, never a server error, and nothing half-written is stored.
    const before = (await database.db.select().from(calls).where(eq(calls.exerciseId, exerciseId))).length;
    const nul = await post('/admin/convocatorias/nueva', {
      ...validForm(exerciseId),
      themesEn: 'Public\u0000safety\nEnvironment',
    });
    expect(nul.statusCode).toBe(400);
    const tooLong = await post('/admin/convocatorias/nueva', {
      ...validForm(exerciseId),
      themesEn: `${'x'.repeat(121)}\nEnvironment`,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Cada tema en inglés puede tener hasta 120 caracteres.');
    const huge = await post('/admin/convocatorias/nueva', {
      ...validForm(exerciseId),
      themesEn: 'Public safety\n'.repeat(30_000),
    });
    expect(huge.statusCode).toBeGreaterThanOrEqual(400);
    expect(huge.statusCode).toBeLessThan(500);
    const manyLines = await post('/admin/convocatorias/nueva', {
      ...validForm(exerciseId),
      themes: Array.from({ length: 41 }, (_, i) => `Tema ${i}`).join('\n'),
      themesEn: Array.from({ length: 41 }, (_, i) => `Theme ${i}`).join('\n'),
    });
    expect(manyLines.statusCode).toBe(400);
    expect(manyLines.body).toContain('Escribe como máximo 40 temas en inglés.');
    expect((await database.db.select().from(calls).where(eq(calls.exerciseId, exerciseId))).length).toBe(before);
    const controls = await createDraft(post, {
      ...validForm(exerciseId),
      title: 'Convocatoria con caracteres de control',
      themesEn: 'Public\u0007 safety\u001b\nEnvironment',
    });
    expect((await callRow(database, controls)).themesEn).toEqual(['Public safety', 'Environment']);
  });

  it('reads dates on Durango’s clocks with the rules of their year: 15 November 2020, 23:59 is 05:59 UTC the next day', async () => {
    const { exerciseId, post, get, database } = await setUp();
    const id = await createDraft(post, {
      ...validForm(exerciseId),
      opensDate: '2020-09-29',
      opensTime: '00:00',
      closesDate: '2020-11-15',
      closesTime: '23:59',
    });
    const stored = await callRow(database, id);
    expect(stored.opensAt.toISOString()).toBe('2020-09-29T05:00:00.000Z');
    expect(stored.closesAt.toISOString()).toBe('2020-11-16T05:59:00.000Z');
    const edit = await get(`/admin/convocatorias/${id}/editar`);
    expect(edit.body).toContain('value="2020-11-15"');
    expect(edit.body).toContain('value="23:59"');
    // Its closing has passed: it cannot be published by mistake.
    const refused = await post(`/admin/convocatorias/${id}/publicar`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('La fecha de cierre ya pasó');
  });

  it('corrects a published call (logged with before and after), cancels it with a public reason, and then refuses to edit it', async () => {
    const { app, exerciseId, post, get, database } = await setUp();
    const id = await createDraft(post, validForm(exerciseId));
    await post(`/admin/convocatorias/${id}/publicar`, {});

    const edit = await get(`/admin/convocatorias/${id}/editar`);
    expect(edit.body).toContain('ya es pública');
    const pastClosing = await post(`/admin/convocatorias/${id}/editar`, {
      ...validForm(exerciseId),
      closesDate: '2026-11-01',
      opensDate: '2026-10-01',
    });
    expect(pastClosing.statusCode).toBe(400);
    expect(pastClosing.body).toContain('La fecha de cierre ya pasó');
    const saved = await post(`/admin/convocatorias/${id}/editar`, {
      ...validForm(exerciseId),
      closesDate: '2026-12-31',
      exerciseId: 'ignored',
    });
    expect(saved.headers.location).toBe(`/admin/convocatorias/${id}?aviso=guardada`);
    expect((await callRow(database, id)).closesAt.toISOString()).toBe('2027-01-01T05:59:00.000Z');
    const update = (await logOf(database, id)).at(-1)!;
    expect(update).toMatchObject({
      action: 'update',
      before: { closesAt: '2026-12-21T05:59:00.000Z' },
      after: { closesAt: '2027-01-01T05:59:00.000Z' },
    });

    const noReason = await post(`/admin/convocatorias/${id}/cancelar`, { reason: 'corto' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Explica el motivo en al menos 10 caracteres.');
    expect(noReason.body).toContain('>corto</textarea>');
    const cancelled = await post(`/admin/convocatorias/${id}/cancelar`, {
      reason: 'La convocatoria se repondrá en enero por la contingencia.',
    });
    expect(cancelled.headers.location).toBe(`/admin/convocatorias/${id}?aviso=cancelada`);
    const publicPage = (await app.inject({ url: `/ejercicios/${SLUG}/convocatoria` })).body;
    expect(publicPage).toContain('Esta convocatoria fue cancelada');
    expect(publicPage).toContain('La convocatoria se repondrá en enero por la contingencia.');
    expect(publicPage).not.toContain('/convocatoria/sumate"');

    expect((await get(`/admin/convocatorias/${id}/editar`)).statusCode).toBe(409);
    const refused = await post(`/admin/convocatorias/${id}/editar`, validForm(exerciseId));
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('no se puede editar');
  });

  it('after closing: results shown first on the public page, and the next-step message to every confirmed registrant with its progress', async () => {
    const { app, get, post, database } = await setUp();
    const db = database.db;
    const [third] = await db
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.slug, 'tercer-pal-2020-2021'));
    const [call] = await db.select().from(calls).where(eq(calls.exerciseId, third!.id));
    const [notice] = await db.select({ id: privacyNotices.id }).from(privacyNotices).limit(1);
    const person = (n: number, locale: 'es-MX' | 'en', status: 'confirmed' | 'accepted' | 'pending_confirmation') => ({
      callId: call!.id,
      reference: `SUM-2020-${String(n).padStart(5, '0')}`,
      fullName: `Persona ${n}`,
      email: `persona${n}@example.mx`,
      municipalityCvegeo: '10005',
      sector: 'individual' as const,
      motivation: 'Quiero participar.',
      acceptsHonorary: true,
      privacyNoticeId: notice!.id,
      locale,
      status,
    });
    await db
      .insert(registrations)
      .values([
        person(1, 'es-MX', 'confirmed'),
        person(2, 'en', 'accepted'),
        person(3, 'es-MX', 'pending_confirmation'),
      ]);

    const page = await get(`/admin/convocatorias/${call!.id}`);
    expect(page.body).toContain('Enviar a 2 personas inscritas');
    expect(page.body).toContain('Siguiente paso: Convocatoria para participar en el Tercer Plan');
    expect(page.body).toContain('Next step: Convocatoria para participar en el Tercer Plan');
    expect(page.body).toContain('que cerró el 15 de noviembre de 2020');

    const results = await post(`/admin/convocatorias/${call!.id}/resultados`, {
      resultsText: 'Se inscribieron 2 personas.\n\nEl Secretariado se instaló el 4 de diciembre.',
    });
    expect(results.headers.location).toBe(`/admin/convocatorias/${call!.id}?aviso=resultados`);
    const publicPage = (await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/convocatoria' })).body;
    expect(publicPage).toContain('<p class="prewrap">El Secretariado se instaló el 4 de diciembre.</p>');
    expect(publicPage.indexOf('Se inscribieron 2 personas.')).toBeLessThan(publicPage.indexOf('id="considerations"'));

    const missing = await post(`/admin/convocatorias/${call!.id}/envios`, {
      subjectEs: 'Siguiente paso',
      bodyEs: 'Nos vemos.',
      subjectEn: '',
      bodyEn: 'See you.',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Escribe el asunto en inglés.');
    expect(missing.body).toContain('value="Siguiente paso"');

    const message = {
      subjectEs: 'Siguiente paso',
      bodyEs: 'Nos vemos el 4 de diciembre.',
      subjectEn: 'Next step',
      bodyEn: 'See you on 4 December.',
    };
    const sent = await post(`/admin/convocatorias/${call!.id}/envios`, message);
    expect(sent.statusCode).toBe(303);
    const progressUrl = String(sent.headers.location);
    expect(progressUrl).toMatch(/\/envios\/[0-9a-f-]{36}\?aviso=enviado&n=2$/);
    const mailingId = progressUrl.split('/envios/')[1]!.split('?')[0]!;
    const mailed = await db
      .select({ to: emails.toAddress, locale: emails.locale, subject: emails.subject })
      .from(callMailingRecipients)
      .innerJoin(emails, eq(emails.id, callMailingRecipients.emailId))
      .where(eq(callMailingRecipients.mailingId, mailingId))
      .orderBy(emails.toAddress);
    expect(mailed).toEqual([
      { to: 'persona1@example.mx', locale: 'es-MX', subject: 'Siguiente paso' },
      { to: 'persona2@example.mx', locale: 'en', subject: 'Next step' },
    ]);

    let progress = await get(progressUrl);
    expect(progress.statusCode).toBe(200);
    expect(progress.body).toContain('Pusimos en cola 2 correos.');
    expect(progress.body).toContain('Enviados: 0 de 2');
    expect(progress.body).toMatch(/data-count="pending"><dt>Pendientes<\/dt><dd class="reference"><strong>2<\/strong>/);

    await db.update(emails).set({ status: 'sent' }).where(eq(emails.toAddress, 'persona1@example.mx'));
    await db
      .update(emails)
      .set({ status: 'failed', lastError: '550 5.1.1 mailbox unavailable', attempts: 6 })
      .where(eq(emails.toAddress, 'persona2@example.mx'));
    progress = await get(`/admin/convocatorias/${call!.id}/envios/${mailingId}`);
    expect(progress.body).toContain('Enviados: 1 de 2');
    expect(progress.body).toContain('value="50"');
    expect(progress.body).toMatch(/data-count="failed"><dt>Con error<\/dt><dd class="reference"><strong>1<\/strong>/);
    expect(progress.body).toContain('550 5.1.1 mailbox unavailable');

    // The same message again (a double click, a resubmitted form): nobody gets it twice.
    const twice = await post(`/admin/convocatorias/${call!.id}/envios`, message);
    expect(twice.headers.location).toBe(`/admin/convocatorias/${call!.id}/envios/${mailingId}?aviso=repetido`);
    expect(await db.select().from(callMailings)).toHaveLength(1);
    expect((await get(String(twice.headers.location))).body).toContain('Este mismo mensaje ya se había enviado');

    const callPage = await get(`/admin/convocatorias/${call!.id}`);
    expect(callPage.body).toContain(`href="/admin/convocatorias/${call!.id}/envios/${mailingId}"`);
    expect((await get(`/admin/convocatorias/${call!.id}/envios/00000000-0000-0000-0000-000000000000`)).statusCode).toBe(
      404,
    );
  });

  it('the mailing waits for the call to close, and every page is in English too', async () => {
    const { get, post, database } = await setUp();
    const open = (await database.db.select().from(calls).where(eq(calls.status, 'published')))[0]!;
    const page = await get(`/admin/convocatorias/${open.id}`);
    expect(page.body).toContain('Cuando la convocatoria cierre');
    expect(page.body).not.toContain(`action="/admin/convocatorias/${open.id}/envios"`);
    const refused = await post(`/admin/convocatorias/${open.id}/envios`, {
      subjectEs: 'a',
      bodyEs: 'b',
      subjectEn: 'c',
      bodyEn: 'd',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('se envía cuando la convocatoria cierra');

    for (const url of [
      '/admin/convocatorias',
      '/admin/convocatorias/nueva',
      `/admin/convocatorias/${open.id}`,
      `/admin/convocatorias/${open.id}/editar`,
      `/admin/convocatorias/${open.id}/vista-previa`,
    ]) {
      const english = await get(`${url}?lang=en`);
      expect(english.statusCode, url).toBe(200);
      expect(english.body, url).toContain('lang="en"');
    }
    expect((await get('/admin/convocatorias?lang=en')).body).toContain('accepting sign-ups');
    expect((await get(`/admin/convocatorias/${open.id}/vista-previa?lang=en`)).body).toContain('Preview');
    expect((await get('/admin/convocatorias/no-es-un-id')).statusCode).toBe(404);
  });

  it('is for admins only: signed-out visitors go to sign in, other roles get 403', async () => {
    const { app, database } = await setUp();
    const [call] = await database.db.select({ id: calls.id }).from(calls).limit(1);
    const id = call!.id;
    const routes: { method: 'GET' | 'POST'; url: string }[] = [
      { method: 'GET', url: '/admin/convocatorias' },
      { method: 'GET', url: '/admin/convocatorias/nueva' },
      { method: 'POST', url: '/admin/convocatorias/nueva' },
      { method: 'GET', url: `/admin/convocatorias/${id}` },
      { method: 'GET', url: `/admin/convocatorias/${id}/editar` },
      { method: 'POST', url: `/admin/convocatorias/${id}/editar` },
      { method: 'GET', url: `/admin/convocatorias/${id}/vista-previa` },
      { method: 'POST', url: `/admin/convocatorias/${id}/publicar` },
      { method: 'POST', url: `/admin/convocatorias/${id}/cancelar` },
      { method: 'POST', url: `/admin/convocatorias/${id}/resultados` },
      { method: 'POST', url: `/admin/convocatorias/${id}/envios` },
      { method: 'GET', url: `/admin/convocatorias/${id}/envios/00000000-0000-0000-0000-000000000000` },
    ];
    const people = [
      await signInAs(database),
      await signInAs(database, { roles: [{ role: 'facilitator' }] }),
      await signInAs(database, { roles: [{ role: 'evaluator' }] }),
    ];
    for (const route of routes) {
      const anonymous = await app.inject({
        method: route.method,
        url: route.url,
        payload: route.method === 'POST' ? {} : undefined,
      });
      expect([303, 403], `anonymous ${route.method} ${route.url}`).toContain(anonymous.statusCode);
      for (const person of people) {
        const response = await app.inject({
          method: route.method,
          url: route.url,
          cookies: person.cookies,
          payload: route.method === 'POST' ? { _csrf: person.csrf } : undefined,
        });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      }
    }
    expect(await database.db.select().from(changeLog).where(eq(changeLog.recordId, id))).toHaveLength(1);
  });
});
