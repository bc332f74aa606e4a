import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { users } from '../accounts/schema.js';
import { changeLog } from '../audit/schema.js';
import { exercisePhases, exercises } from '../exercises/schema.js';
import { emails } from '../notifications/schema.js';
import { notifyFollowers } from '../participation/notify-followers.js';
import { registry } from '../../registry.js';
import { finalProblemStatuses, problems, problemSupports } from './schema.js';
import { verifyChangeLog } from '../audit/verify-change-log.js';
import { recordTestAgreement } from '../../testing/secretariat-agreement.js';

/**
 * The demo's fourth exercise: in its call phase, its diagnosis planned for later (the tests open it around TEST_NOW).
 */
const SLUG = 'cuarto-pal-demostracion';
const BASE = `/ejercicios/${SLUG}/problemas`;

const garbage = {
  title: 'Basura acumulada en los lotes baldíos de la colonia Centro',
  description:
    'Los lotes baldíos de la colonia Centro se llenan de basura y nadie la recoge; hay ratas y malos olores todo el año.',
  theme: 'environment',
  municipalities: '10005',
};

async function setUp(options: { diagnosis?: 'open' | 'planned' } = { diagnosis: 'open' }) {
  const { app, database } = await createTestApp();
  const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, SLUG));
  if (options.diagnosis === 'open') {
    // TEST_NOW is 23 November 2026: the diagnosis runs from 1 November to 15 December.
    await database.db
      .update(exercisePhases)
      .set({ startsOn: '2026-11-01', endsOn: '2026-12-15' })
      .where(and(eq(exercisePhases.exerciseId, exercise!.id), eq(exercisePhases.phase, 'diagnosis')));
  }
  const as = (session: Awaited<ReturnType<typeof signInAs>>) => ({
    user: session.user,
    get: (url: string) => app.inject({ url, cookies: session.cookies }),
    post: (url: string, fields: Record<string, string | string[]>) =>
      app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } }),
  });
  const countProblems = async () =>
    (await database.db.select().from(problems).where(eq(problems.exerciseId, exercise!.id))).length;
  const dataset = async (id: string) =>
    JSON.parse((await app.inject({ url: `/datos/${id}.json` })).body) as { data: Record<string, unknown>[] };
  return { app, database, exerciseId: exercise!.id, as, countProblems, dataset };
}

describe('proposing a problem during the diagnosis', () => {
  it('outside the window the form says when it opens or that it closed, and a POST stores nothing', async () => {
    const { app, database, as, countProblems } = await setUp({ diagnosis: 'planned' });
    expect((await app.inject({ url: '/' })).body).not.toContain(`${BASE}/nuevo`);
    const upcoming = await app.inject({ url: `${BASE}/nuevo` });
    expect(upcoming.statusCode).toBe(200);
    expect(upcoming.body).toContain('El diagnóstico abre el');
    expect(upcoming.body).not.toContain('name="title"');

    const closed = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/problemas/nuevo' });
    expect(closed.body).toContain('El diagnóstico cerró el 29 de enero de 2021');

    const ana = as(await signInAs(database));
    const posted = await ana.post(BASE, garbage);
    expect(posted.statusCode).toBe(409);
    expect(posted.body).toContain('El diagnóstico abre el');
    expect(await countProblems()).toBe(0);
  });

  it('signed-out visitors are sent to sign in; a person with an unconfirmed e-mail is told to confirm it and nothing is stored', async () => {
    const { app, database, as, countProblems } = await setUp();
    const page = await app.inject({ url: `${BASE}/nuevo` });
    expect(page.body).toContain('Entra o crea tu cuenta');
    const anonymous = await app.inject({ method: 'POST', url: BASE, payload: garbage });
    expect([303, 403]).toContain(anonymous.statusCode);

    const session = await signInAs(database);
    await database.db.update(users).set({ emailConfirmedAt: null }).where(eq(users.id, session.user.id));
    const unconfirmed = as(session);
    expect((await unconfirmed.get(`${BASE}/nuevo`)).body).toContain('Confirma tu correo electrónico');
    const posted = await unconfirmed.post(BASE, garbage);
    expect(posted.statusCode).toBe(403);
    expect(await countProblems()).toBe(0);
  });

  it('shows what is missing next to each field and keeps what was typed', async () => {
    const { database, as, countProblems } = await setUp();
    const ana = as(await signInAs(database));
    const posted = await ana.post(BASE, {
      title: 'Mal',
      description: 'corto',
      evidenceUrl: 'no es una dirección',
      theme: '',
      municipalities: [],
    });
    expect(posted.statusCode).toBe(400);
    for (const message of [
      'Escribe un título de al menos 5 caracteres.',
      'Describe el problema con al menos 20 caracteres.',
      'Escribe una dirección web completa',
      'Elige un tema.',
      'Marca al menos un municipio de la lista.',
    ]) {
      expect(posted.body).toContain(message);
    }
    expect(posted.body).toContain('value="Mal"');
    expect(await countProblems()).toBe(0);
  });

  it('a resident proposes a problem; the next one with a similar problem sees it first and supports it instead, or publishes theirs anyway', async () => {
    const { app, database, as, countProblems, dataset } = await setUp();
    const ana = as(await signInAs(database));
    const first = await ana.post(BASE, {
      ...garbage,
      evidenceUrl: 'https://example.mx/fotos-lotes',
      municipalities: ['10005', '10007'],
    });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${BASE}/1?aviso=enviado`);
    const page = await ana.get(`${BASE}/1?aviso=enviado`);
    expect(page.body).toContain('Tu problema quedó publicado.');
    expect(page.body).toContain('Problema 1: Basura acumulada en los lotes baldíos de la colonia Centro');
    expect(page.body).toContain('Durango; Gómez Palacio');
    expect(page.body).toContain('https://example.mx/fotos-lotes');

    const beto = as(await signInAs(database));
    const similar = {
      ...garbage,
      title: 'Basura en los lotes baldíos de la colonia Centro',
      description: 'En los lotes baldíos de la colonia Centro se tira basura y nadie la recoge.',
    };
    const check = await beto.post(BASE, similar);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('¿Ya se propuso tu problema?');
    expect(check.body).toContain('Apoyar el problema 1 en lugar del mío');
    expect(check.body).toContain(`action="${BASE}/1/apoyo"`);
    expect(await countProblems()).toBe(1);

    const supported = await beto.post(`${BASE}/1/apoyo`, {});
    expect(supported.statusCode).toBe(303);
    expect((await beto.get(`${BASE}/1`)).body).toContain('Apoyas este problema.');

    // Carla's problem is different enough to be published after seeing the similar one.
    const carla = as(await signInAs(database));
    const again = await carla.post(BASE, { ...similar, confirmado: 'si' });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`${BASE}/2?aviso=enviado`);

    // Nothing alike: published at once.
    const other = await carla.post(BASE, {
      title: 'Sin rampas para sillas de ruedas en el mercado',
      description: 'El mercado municipal no tiene rampas ni baños accesibles para personas con discapacidad.',
      theme: 'public_spaces',
      municipalities: '10007',
    });
    expect(other.headers.location).toBe(`${BASE}/3?aviso=enviado`);

    const list = await app.inject({ url: BASE });
    expect(list.body).toContain('3 problemas encontrados.');
    expect(list.body).toMatch(/Problema 1: Basura acumulada[\s\S]*1 apoyo/);
    const filtered = await app.inject({ url: `${BASE}?municipio=10007&tema=public_spaces` });
    expect(filtered.body).toContain('1 problema encontrado.');
    expect(filtered.body).toContain('Sin rampas para sillas de ruedas');

    const [row] = (await dataset('problemas')).data.filter((r) => r.ejercicio === SLUG && r.numero === 1);
    expect(row).toMatchObject({
      titulo: garbage.title,
      municipios: '10005;10007',
      apoyos: 1,
      estado: 'proposed',
      oculto: false,
    });
    const perDay = (await dataset('apoyos-a-problemas')).data.filter((r) => r.ejercicio === SLUG);
    expect(perDay).toEqual([{ ejercicio: SLUG, numero: 1, fecha: '2026-11-23', apoyos: 1 }]);
  });

  it('the home and exercise pages offer "Propón un problema" during the diagnosis only, and always the way to the problems and their answers', async () => {
    const { app } = await setUp();
    const open = await app.inject({ url: `/ejercicios/${SLUG}` });
    expect(open.body).toContain(`href="${BASE}/nuevo"`);
    expect(open.body).toContain('Propón un problema');
    expect((await app.inject({ url: '/' })).body).toContain(`href="${BASE}/nuevo"`);
    const closed = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021' });
    expect(closed.body).not.toContain('/ejercicios/tercer-pal-2020-2021/problemas/nuevo');
    expect(closed.body).toContain('href="/ejercicios/tercer-pal-2020-2021/problemas"');
    expect(closed.body).toContain('href="/ejercicios/tercer-pal-2020-2021/respuesta-razonada"');
  });

  it('at most ten proposals an hour per person: the eleventh is refused', async () => {
    const { database, as } = await setUp();
    const ana = as(await signInAs(database));
    for (let i = 0; i < 10; i += 1) expect((await ana.post(BASE, { title: '' })).statusCode).toBe(400);
    expect((await ana.post(BASE, garbage)).statusCode).toBe(429);
  });

  it('English visitors read the pages in English', async () => {
    const { app } = await setUp();
    const list = await app.inject({ url: `${BASE}?lang=en` });
    expect(list.body).toContain('Public problems');
    expect(list.body).toContain('Propose a problem');
  });
});

describe('supports', () => {
  it('one per person: supporting twice counts once, withdrawing takes it away, and the list, the page and the dataset agree', async () => {
    const { app, database, as, dataset } = await setUp();
    const ana = as(await signInAs(database));
    await ana.post(BASE, garbage);
    const people = [as(await signInAs(database)), as(await signInAs(database))];
    for (const person of people) {
      expect((await person.post(`${BASE}/1/apoyo`, {})).statusCode).toBe(303);
      expect((await person.post(`${BASE}/1/apoyo`, {})).statusCode).toBe(303);
    }
    const counted = async () => ({
      page: (await app.inject({ url: `${BASE}/1` })).body.includes('<strong>2 apoyos</strong>')
        ? 2
        : (await app.inject({ url: `${BASE}/1` })).body.includes('<strong>1 apoyo</strong>')
          ? 1
          : 0,
      list: (await app.inject({ url: BASE })).body.includes('2 apoyos')
        ? 2
        : (await app.inject({ url: BASE })).body.includes('1 apoyo')
          ? 1
          : 0,
      dataset: (await dataset('problemas')).data.find((r) => r.ejercicio === SLUG && r.numero === 1)!.apoyos,
      perDay: (await dataset('apoyos-a-problemas')).data
        .filter((r) => r.ejercicio === SLUG)
        .reduce((sum, r) => sum + Number(r.apoyos), 0),
      rows: (await database.db.select().from(problemSupports)).filter((s) => s.channel === 'online').length,
    });
    expect(await counted()).toEqual({ page: 2, list: 2, dataset: 2, perDay: 2, rows: 2 });

    const withdrawn = await people[0]!.post(`${BASE}/1/apoyo/retirar`, {});
    expect(withdrawn.statusCode).toBe(303);
    expect((await people[0]!.get(`${BASE}/1?aviso=retirado`)).body).toContain('Retiraste tu apoyo.');
    expect(await counted()).toEqual({ page: 1, list: 1, dataset: 1, perDay: 1, rows: 1 });
    // Supports are never in the public change log.
    expect(await database.db.select().from(changeLog).where(eq(changeLog.recordType, 'problem_support'))).toEqual([]);
  });

  it('after the diagnosis closes, supports can be neither given nor withdrawn', async () => {
    const { database, as, exerciseId } = await setUp();
    const ana = as(await signInAs(database));
    await ana.post(BASE, garbage);
    await ana.post(`${BASE}/1/apoyo`, {});
    await database.db
      .update(exercisePhases)
      .set({ startsOn: '2026-10-01', endsOn: '2026-11-20' })
      .where(and(eq(exercisePhases.exerciseId, exerciseId), eq(exercisePhases.phase, 'diagnosis')));
    const beto = as(await signInAs(database));
    const refused = await beto.post(`${BASE}/1/apoyo`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('El diagnóstico no está abierto: no se guardó nada.');
    expect((await ana.post(`${BASE}/1/apoyo/retirar`, {})).statusCode).toBe(409);
    const [problem] = await database.db.select().from(problems).where(eq(problems.exerciseId, exerciseId));
    expect(
      await database.db.select().from(problemSupports).where(eq(problemSupports.problemId, problem!.id)),
    ).toHaveLength(1);
  });
});

describe('moderation', () => {
  it('people report a problem with a reason; only staff hide it, with a public reason, and its address then says so', async () => {
    const { app, database, as, dataset } = await setUp();
    const ana = as(await signInAs(database));
    await ana.post(BASE, garbage);
    const beto = as(await signInAs(database));
    expect((await beto.post(`${BASE}/1/reportar`, { reason: '' })).statusCode).toBe(400);
    const reported = await beto.post(`${BASE}/1/reportar`, {
      reason: 'personal_data',
      details: 'Menciona a un vecino.',
    });
    expect(reported.statusCode).toBe(303);
    expect((await beto.get(String(reported.headers.location))).body).toContain('la moderación revisará tu reporte');

    expect((await beto.post(`${BASE}/1/ocultar`, { reason: 'No me gusta este problema.' })).statusCode).toBe(403);
    const facilitator = as(await signInAs(database, { roles: [{ role: 'facilitator' }] }));
    expect((await beto.get('/admin/problemas')).statusCode).toBe(403);
    const queue = await facilitator.get('/admin/problemas');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toMatch(
      /Problemas reportados[\s\S]*Problema 1: Basura acumulada[\s\S]*Expone datos personales[\s\S]*Problemas en espera de decisión/,
    );
    expect(queue.body).not.toContain('Menciona a un vecino.');
    expect((await facilitator.post(`${BASE}/1/ocultar`, { reason: 'No' })).statusCode).toBe(400);
    const hidden = await facilitator.post(`${BASE}/1/ocultar`, {
      reason: 'Expone el domicilio de una persona particular.',
    });
    expect(hidden.statusCode).toBe(303);

    const page = await app.inject({ url: `${BASE}/1` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('La moderación ocultó este problema');
    expect(page.body).toContain('Expone el domicilio de una persona particular.');
    expect(page.body).not.toContain(garbage.description);
    expect((await app.inject({ url: BASE })).body).toContain('0 problemas encontrados.');
    expect((await dataset('problemas')).data.find((r) => r.ejercicio === SLUG)).toMatchObject({
      titulo: null,
      descripcion: null,
      oculto: true,
      motivo_ocultamiento: 'Expone el domicilio de una persona particular.',
    });
    expect(await database.db.select().from(problems)).not.toHaveLength(0);
    // Its text left the public change log too; the chain still verifies and names what was redacted and why.
    expect(JSON.stringify((await dataset('historial')).data)).not.toContain(garbage.description);
    expect(await verifyChangeLog(database.db)).toMatchObject({
      ok: true,
      redacted: expect.arrayContaining([
        { seq: expect.any(Number), field: 'after.description', reason: expect.stringContaining('domicilio') },
      ]),
    });
  });
});

describe('disposition with a reason', () => {
  it('needs an outcome, a reason code and an explanation; the author gets an e-mail; the reasoned response shows who decided by role, never by person', async () => {
    const { app, database, exerciseId, as, dataset } = await setUp();
    const agreement = await recordTestAgreement(database.db, exerciseId, { heldAt: new Date('2026-11-20T17:00:00Z') });
    expect(agreement).toBe('STL-2026-ORD-01-01');
    const ana = as(await signInAs(database, { email: 'ana.autora@example.mx', name: 'Ana Autora' }));
    await ana.post(BASE, garbage);
    await ana.post(BASE, {
      title: 'Sin rampas para sillas de ruedas en el mercado',
      description: 'El mercado municipal no tiene rampas ni baños accesibles para personas con discapacidad.',
      theme: 'public_spaces',
      municipalities: '10007',
    });
    const facilitator = as(
      await signInAs(database, {
        roles: [{ role: 'facilitator' }],
        name: 'Fernanda Facilitadora',
        email: 'fernanda@example.mx',
      }),
    );
    const participant = as(await signInAs(database));
    const decision = {
      outcome: 'discarded',
      reasonCode: 'outside_competence',
      explanation: 'La recolección en lotes privados corresponde a sus dueños, no a las autoridades del ejercicio.',
    };

    expect((await participant.post(`${BASE}/1/decision`, decision)).statusCode).toBe(403);
    const missing = await facilitator.post(`${BASE}/1/decision`, {
      outcome: 'discarded',
      reasonCode: '',
      explanation: '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Elige el motivo.');
    expect(missing.body).toContain('Explica la decisión con al menos 20 caracteres.');
    const unknownAgreement = await facilitator.post(`${BASE}/1/decision`, {
      ...decision,
      agreementCode: 'STL-1999-ORD-01-01',
    });
    expect(unknownAgreement.statusCode).toBe(400);
    expect(unknownAgreement.body).toContain('El Secretariado de este ejercicio no tiene un acuerdo con esa clave.');
    // An agreement of another exercise's Secretariat cannot decide this exercise's problems.
    const otherExercises = await facilitator.post(`${BASE}/1/decision`, {
      ...decision,
      agreementCode: 'STL-2021-ORD-02-01',
    });
    expect(otherExercises.statusCode).toBe(400);
    expect(otherExercises.body).toContain('El Secretariado de este ejercicio no tiene un acuerdo con esa clave.');
    const wrongMove = await facilitator.post(`${BASE}/1/decision`, { ...decision, outcome: 'not_selected' });
    expect(wrongMove.statusCode).toBe(409);
    expect(await database.db.select().from(emails).where(eq(emails.toAddress, 'ana.autora@example.mx'))).toEqual([]);

    const decided = await facilitator.post(`${BASE}/1/decision`, { ...decision, agreementCode: agreement });
    expect(decided.statusCode).toBe(303);
    const merged = await facilitator.post(`${BASE}/2/decision`, {
      outcome: 'merged',
      reasonCode: 'duplicated',
      explanation: 'Se atiende junto con otro problema del mismo mercado.',
      mergedIntoNumber: '1',
    });
    expect(merged.statusCode).toBe(400);
    expect(merged.body).toContain('Ese número no corresponde a otro problema visible de este ejercicio.');
    await ana.post(BASE, {
      title: 'Mercado sin baños accesibles',
      description: 'El mercado municipal de Gómez Palacio no tiene baños para personas con discapacidad.',
      theme: 'public_spaces',
      municipalities: '10007',
      confirmado: 'si',
    });
    const admitted = await facilitator.post(`${BASE}/3/decision`, {
      outcome: 'admitted',
      reasonCode: 'meets_criteria',
      explanation: 'Cumple los criterios y el Ayuntamiento puede atenderlo.',
    });
    expect(admitted.statusCode).toBe(303);

    const [mail] = await database.db.select().from(emails).where(eq(emails.toAddress, 'ana.autora@example.mx'));
    expect(mail!.subject).toBe('Decisión sobre tu problema 1');
    expect(mail!.text).toContain('Descartado');
    expect(mail!.text).toContain('Fuera de la competencia de las autoridades participantes');
    expect(mail!.text).toContain(decision.explanation);
    expect(mail!.text).toContain(agreement);

    const page = await app.inject({ url: `${BASE}/1` });
    expect(page.body).toContain('Descartado');
    expect(page.body).toContain(decision.explanation);

    const response = await app.inject({ url: `/ejercicios/${SLUG}/respuesta-razonada` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Problemas propuestos: 3. Con respuesta: 2.');
    expect(response.body).toMatch(
      /Problema 1:[\s\S]*Secretariado Técnico Local[\s\S]*Problema 2:[\s\S]*En revisión[\s\S]*Problema 3:[\s\S]*Facilitación/,
    );
    expect(response.body).toContain(agreement);
    for (const secret of ['Fernanda', 'fernanda@example.mx', 'Ana Autora', 'ana.autora@example.mx'])
      expect(response.body).not.toContain(secret);

    const rows = (await dataset('respuesta-razonada')).data.filter((r) => r.ejercicio === SLUG);
    expect(rows[0]).toMatchObject({
      numero: 1,
      resultado: 'discarded',
      motivo: 'outside_competence',
      explicacion: decision.explanation,
      decidio: 'Secretariado Técnico Local',
      acuerdo: agreement,
    });
    expect(rows[1]).toMatchObject({ numero: 2, resultado: null });
    expect(rows[2]).toMatchObject({ numero: 3, resultado: 'admitted', decidio: 'Facilitación', acuerdo: null });
    const entries = await database.db.select().from(changeLog).where(eq(changeLog.recordType, 'problem'));
    for (const text of [JSON.stringify(entries), JSON.stringify(await dataset('problemas')), JSON.stringify(rows)]) {
      for (const secret of ['ana.autora@example.mx', 'Ana Autora', 'fernanda@example.mx'])
        expect(text).not.toContain(secret);
    }
  });
});

describe('comments and follows on a problem', () => {
  it('people comment on a problem and follow it; its followers hear of its disposition', async () => {
    const { app, database, as, exerciseId } = await setUp();
    const ana = as(await signInAs(database));
    await ana.post(BASE, garbage);
    const [problem] = await database.db.select().from(problems).where(eq(problems.exerciseId, exerciseId));
    const beto = as(await signInAs(database, { name: 'Beto Vecino' }));
    const commented = await beto.post(`/participacion/problem/${problem!.id}/comentarios`, {
      body: 'En mi calle pasa lo mismo desde hace dos años.',
    });
    expect(commented.statusCode).toBe(303);
    expect((await app.inject({ url: `${BASE}/1` })).body).toContain('En mi calle pasa lo mismo desde hace dos años.');

    const follower = await signInAs(database, { email: 'carla.sigue@example.mx' });
    expect((await as(follower).post(`/participacion/problem/${problem!.id}/seguir`, {})).statusCode).toBe(303);
    const facilitator = as(await signInAs(database, { roles: [{ role: 'facilitator' }] }));
    await facilitator.post(`${BASE}/1/decision`, {
      outcome: 'admitted',
      reasonCode: 'meets_criteria',
      explanation: 'Cumple los criterios y el Ayuntamiento puede atenderlo.',
    });
    await notifyFollowers(database.db, {
      baseUrl: 'https://portal.example.mx',
      siteName: 'Cocrea',
      timeZone: 'America/Monterrey',
      records: registry.records,
    });
    const [mail] = await database.db
      .select()
      .from(emails)
      .where(and(eq(emails.toAddress, 'carla.sigue@example.mx'), eq(emails.template, 'follow_update')));
    expect(mail!.text).toContain(garbage.title);
    expect(mail!.text).toContain(`https://portal.example.mx${BASE}/1`);
  });
});

describe('the demo diagnosis of the third exercise', () => {
  it('lists its problems with supports, and every problem in a final state has a reasoned response with an explanation', async () => {
    const { app, dataset } = await setUp({});
    const list = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/problemas' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('9 problemas encontrados.');
    // Problem 7 (12 supports on paper) was merged into it: 58 + 12 distinct supporters.
    expect(list.body).toMatch(/Basura revuelta y tiraderos en la colonia El Dorado[\s\S]*70 apoyos/);

    const merged = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/problemas/7' });
    expect(merged.body).toContain('Este problema se fusionó con otro');
    const hidden = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/problemas/10' });
    expect(hidden.body).toContain('La moderación ocultó este problema');

    const response = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/respuesta-razonada' });
    expect(response.body).toContain('Problemas propuestos: 10. Con respuesta: 10.');

    const catalogue = await app.inject({ url: '/datos' });
    for (const title of ['Problemas públicos del diagnóstico', 'Apoyos a problemas por día', 'Respuesta razonada'])
      expect(catalogue.body).toContain(title);

    const rows = (await dataset('respuesta-razonada')).data;
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows.filter((r) => (finalProblemStatuses as readonly unknown[]).includes(r.estado))) {
      expect(String(row.explicacion ?? '').trim().length, `problem ${String(row.numero)}`).toBeGreaterThan(0);
      expect(row.resultado).toBe(row.estado);
    }
    const problemsRows = (await dataset('problemas')).data.filter((r) => r.ejercicio === 'tercer-pal-2020-2021');
    const perDay = (await dataset('apoyos-a-problemas')).data.filter((r) => r.ejercicio === 'tercer-pal-2020-2021');
    for (const problem of problemsRows) {
      const daily = perDay.filter((r) => r.numero === problem.numero).reduce((sum, r) => sum + Number(r.apoyos), 0);
      expect(daily, `problem ${String(problem.numero)}`).toBe(problem.apoyos);
    }
  });
});
