import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registry } from '../../../registry.js';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { changeLog } from '../../audit/schema.js';
import { verifyChangeLog } from '../../audit/verify-change-log.js';
import { exercisePhases, exercises } from '../../exercises/schema.js';
import { emails } from '../../notifications/schema.js';
import { notifyFollowers } from '../../participation/notify-followers.js';
import { proposals } from '../schema.js';

const THIRD = '/ejercicios/tercer-pal-2020-2021';
const FOURTH = '/ejercicios/cuarto-pal-demostracion';

async function setUp() {
  const { app, database } = await createTestApp();
  const as = (session: Awaited<ReturnType<typeof signInAs>>) => ({
    user: session.user,
    get: (url: string) => app.inject({ url, cookies: session.cookies }),
    post: (url: string, fields: Record<string, string | string[]>) =>
      app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } }),
  });
  const dataset = async (id: string) =>
    JSON.parse((await app.inject({ url: `/datos/${id}.json` })).body) as { data: Record<string, unknown>[] };
  /** Opens the fourth exercise's diagnosis and co-creation around TEST_NOW (23 November 2026), or plans them later. */
  const fourthPhases = async (cocreation: 'open' | 'later') => {
    const [exercise] = await database.db
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.slug, 'cuarto-pal-demostracion'));
    const set = (phase: 'diagnosis' | 'cocreation', startsOn: string, endsOn: string) =>
      database.db
        .update(exercisePhases)
        .set({ startsOn, endsOn })
        .where(and(eq(exercisePhases.exerciseId, exercise!.id), eq(exercisePhases.phase, phase)));
    await set('diagnosis', '2026-11-01', '2026-12-15');
    await (cocreation === 'open'
      ? set('cocreation', '2026-11-20', '2026-12-20')
      : set('cocreation', '2027-01-10', '2027-02-10'));
  };
  const facilitator = as(await signInAs(database, { roles: [{ role: 'facilitator' }] }));
  return { app, database, as, dataset, fourthPhases, facilitator };
}

const fromTable = {
  problemNumber: '2',
  title: 'Comité vecinal que vigile la separación de residuos',
  description:
    'La mesa propone que un comité vecinal de El Dorado acompañe la recolección separada y publique cada mes cuánto se recogió.',
};

// Many pages in a row, each rendered in full: slow on a busy machine.
describe('proposals', { timeout: 60_000 }, () => {
  it('staff record a proposal from a table and edit it with its history; people can no longer propose once co-creation closed', async () => {
    const { app, database, as, facilitator } = await setUp();
    const participant = as(await signInAs(database));
    // The third exercise's co-creation closed in 2021: people can no longer propose, staff can still record.
    const late = await participant.post(`${THIRD}/propuestas`, fromTable);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('La co-creación cerró el 26 de marzo de 2021');
    const merged = await facilitator.post(`${THIRD}/propuestas`, { ...fromTable, problemNumber: '7' });
    expect(merged.statusCode).toBe(400);
    expect(merged.body).toContain('Elige uno de los problemas admitidos de este ejercicio.');

    const recorded = await facilitator.post(`${THIRD}/propuestas`, fromTable);
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toBe(`${THIRD}/propuestas/9?aviso=enviada`);
    const page = await app.inject({ url: `${THIRD}/propuestas/9` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Propuesta 9: ${fromTable.title}`);
    expect(page.body).toContain('Entregada en papel, registrada por el equipo de facilitación');
    expect(page.body).toContain('Problema 2: Basura revuelta y tiraderos en la colonia El Dorado');
    expect((await app.inject({ url: `${THIRD}/problemas/2` })).body).toContain(`Propuesta 9: ${fromTable.title}`);
    const [row] = await database.db.select().from(proposals).where(eq(proposals.number, 9));
    expect(row).toMatchObject({ channel: 'in_person', authorId: null, recordedBy: facilitator.user.id });

    expect((await participant.post(`${THIRD}/propuestas/9/editar`, fromTable)).statusCode).toBe(403);
    const edited = await facilitator.post(`${THIRD}/propuestas/9/editar`, {
      ...fromTable,
      title: 'Comité vecinal de seguimiento a la separación de residuos',
    });
    expect(edited.statusCode).toBe(303);
    const history = (await app.inject({ url: `${THIRD}/propuestas/9` })).body;
    expect(history).toContain('Propuesta 9: Comité vecinal de seguimiento a la separación de residuos');
    expect(history).toMatch(/Historial[\s\S]*Comité vecinal que vigile la separación de residuos/);
  });

  it('staff accept a proposal into a commitment with a reason, shown on its page, the reasoned response and the data', async () => {
    const { app, database, dataset, facilitator } = await setUp();
    await facilitator.post(`${THIRD}/propuestas`, {
      ...fromTable,
      title: 'Comité vecinal de seguimiento a la separación de residuos',
    });
    const [row] = await database.db.select().from(proposals).where(eq(proposals.number, 9));
    const decision = {
      outcome: 'accepted',
      reasonCode: 'meets_criteria',
      explanation: 'La mesa y el Ayuntamiento acordaron sumarla al piloto de separación de residuos del plan.',
      agreementCode: 'STL-2021-ORD-02-01',
    };
    const missing = await facilitator.post(`${THIRD}/propuestas/9/decision`, { outcome: 'accepted' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Elige el motivo.');
    const rejectedWithCommitment = await facilitator.post(`${THIRD}/propuestas/9/decision`, {
      ...decision,
      outcome: 'rejected',
      commitmentNumber: '2',
    });
    expect(rejectedWithCommitment.body).toContain('Solo una propuesta aceptada se vincula a un compromiso.');
    const noSuchCommitment = await facilitator.post(`${THIRD}/propuestas/9/decision`, {
      ...decision,
      commitmentNumber: '99',
    });
    expect(noSuchCommitment.statusCode).toBe(400);
    expect(noSuchCommitment.body).toContain('Ese número no corresponde a un compromiso del plan de este ejercicio.');
    expect(await database.db.select().from(proposals).where(eq(proposals.status, 'proposed'))).toHaveLength(1);

    const accepted = await facilitator.post(`${THIRD}/propuestas/9/decision`, { ...decision, commitmentNumber: '2' });
    expect(accepted.statusCode).toBe(303);
    const decided = (await app.inject({ url: `${THIRD}/propuestas/9` })).body;
    expect(decided).toContain('Aceptada para el plan');
    expect(decided).toContain(decision.explanation);
    expect(decided).toContain(
      'Se convirtió en el compromiso 2: Piloto de separación de residuos en la colonia El Dorado',
    );
    expect(decided).toContain(`href="${THIRD}/plan/compromisos/2"`);
    expect((await facilitator.post(`${THIRD}/propuestas/9/decision`, decision)).statusCode).toBe(409);

    const response = (await app.inject({ url: `${THIRD}/respuesta-razonada` })).body;
    expect(response).toContain('Propuestas: 9. Con respuesta: 9.');
    expect(response).toMatch(/Propuesta 9: Comité vecinal[\s\S]*Aceptada para el plan[\s\S]*compromiso 2/);
    expect((await dataset('propuestas')).data.filter((r) => r.numero === 9)).toEqual([
      expect.objectContaining({
        ejercicio: 'tercer-pal-2020-2021',
        numero: 9,
        problema: 2,
        estado: 'accepted',
        canal: 'in_person',
        compromisos: '2',
        oculto: false,
      }),
    ]);
    const rows = (await dataset('respuesta-razonada')).data.filter((r) => r.tipo === 'proposal' && r.numero === 9);
    expect(rows).toEqual([
      expect.objectContaining({
        numero: 9,
        resultado: 'accepted',
        motivo: 'meets_criteria',
        acuerdo: 'STL-2021-ORD-02-01',
        decidio: 'Secretariado Técnico Local',
        apoyos: null,
        problema: 2,
        compromisos: '2',
      }),
    ]);
    const entries = await database.db
      .select()
      .from(changeLog)
      .where(eq(changeLog.recordType, 'proposal'))
      .orderBy(changeLog.seq);
    expect(entries.filter((entry) => entry.recordId === row!.id).map((entry) => entry.action)).toEqual([
      'create',
      'update',
    ]);
    expect(JSON.stringify(entries)).not.toContain(facilitator.user.email);
    expect(await verifyChangeLog(database.db)).toMatchObject({ ok: true });
  });

  it('a participant proposes a solution while co-creation is open; the author and the followers hear of its decision', async () => {
    const { app, database, as, fourthPhases, facilitator } = await setUp();
    await fourthPhases('later');
    const ana = as(await signInAs(database));
    await ana.post(`${FOURTH}/problemas`, {
      title: 'Sin rampas para sillas de ruedas en el mercado',
      description: 'El mercado municipal no tiene rampas ni baños accesibles para personas con discapacidad.',
      theme: 'public_spaces',
      municipalities: '10007',
    });
    await facilitator.post(`${FOURTH}/problemas/1/decision`, {
      outcome: 'admitted',
      reasonCode: 'meets_criteria',
      explanation: 'Cumple los criterios y el Ayuntamiento puede atenderlo.',
    });
    const beto = as(await signInAs(database, { email: 'beto.propone@example.mx' }));
    const solution = {
      problemNumber: '1',
      title: 'Rampas y baño accesible diseñados con las personas usuarias',
      description:
        'Que el Ayuntamiento diseñe con colectivos de personas con discapacidad las rampas y un baño accesible.',
    };
    const early = await beto.get(`${FOURTH}/propuestas/nueva`);
    expect(early.body).toContain('La co-creación abre el 10 de enero de 2027');
    expect(early.body).not.toContain('name="title"');
    expect((await beto.post(`${FOURTH}/propuestas`, solution)).statusCode).toBe(409);
    expect(await database.db.select().from(proposals).where(eq(proposals.channel, 'online'))).toEqual([]);

    await fourthPhases('open');
    const fromProblem = await beto.get(`${FOURTH}/problemas/1`);
    expect(fromProblem.body).toContain(`href="${FOURTH}/propuestas/nueva?problema=1"`);
    const form = await beto.get(`${FOURTH}/propuestas/nueva?problema=1`);
    expect(form.body).toMatch(/<option value="1" selected>Problema 1: Sin rampas/);
    const short = await beto.post(`${FOURTH}/propuestas`, { ...solution, description: 'Rampas.' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Describe la propuesta con al menos 20 caracteres.');
    const posted = await beto.post(`${FOURTH}/propuestas`, solution);
    expect(posted.headers.location).toBe(`${FOURTH}/propuestas/1?aviso=enviada`);
    const page = await app.inject({ url: `${FOURTH}/propuestas/1` });
    expect(page.body).toContain('Una persona participante, en este portal');
    expect(page.body).not.toContain('beto.propone@example.mx');
    const list = await app.inject({ url: `${FOURTH}/propuestas` });
    expect(list.body).toContain('1 propuesta encontrada.');
    expect(list.body).toContain(`Propuesta 1: ${solution.title}`);

    const [proposal] = await database.db.select().from(proposals).where(eq(proposals.channel, 'online'));
    const carla = as(await signInAs(database, { email: 'carla.sigue@example.mx' }));
    expect((await carla.post(`/participacion/proposal/${proposal!.id}/seguir`, {})).statusCode).toBe(303);
    const rejected = await facilitator.post(`${FOURTH}/propuestas/1/decision`, {
      outcome: 'rejected',
      reasonCode: 'outside_competence',
      explanation:
        'El mercado es de una administración que no participa en el ejercicio; se turnó a quien lo administra.',
    });
    expect(rejected.statusCode).toBe(303);
    const [mail] = await database.db.select().from(emails).where(eq(emails.toAddress, 'beto.propone@example.mx'));
    expect(mail!.subject).toBe('Decisión sobre tu propuesta 1');
    expect(mail!.text).toContain('No aceptada');
    expect(mail!.text).toContain('Fuera de la competencia de las autoridades participantes');
    await notifyFollowers(database.db, {
      baseUrl: 'https://portal.example.mx',
      siteName: 'Cocrea',
      timeZone: 'America/Monterrey',
      records: registry.records,
    });
    const [notice] = await database.db
      .select()
      .from(emails)
      .where(and(eq(emails.toAddress, 'carla.sigue@example.mx'), eq(emails.template, 'follow_update')));
    expect(notice!.text).toContain(solution.title);
    expect(notice!.text).toContain(`https://portal.example.mx${FOURTH}/propuestas/1`);

    const english = await app.inject({ url: `${FOURTH}/propuestas/1?lang=en` });
    expect(english.body).toContain(`Proposal 1: ${solution.title}`);
    expect(english.body).toContain('Not accepted');
  });

  it('moderators hide a proposal with a public reason: its address says so, and its text leaves the list and the data', async () => {
    const { app, as, database, dataset, facilitator } = await setUp();
    await facilitator.post(`${THIRD}/propuestas`, fromTable);
    const participant = as(await signInAs(database));
    expect(
      (await participant.post(`${THIRD}/propuestas/9/ocultar`, { reason: 'No me gusta esta propuesta.' })).statusCode,
    ).toBe(403);
    const hidden = await facilitator.post(`${THIRD}/propuestas/9/ocultar`, {
      reason: 'Incluía el teléfono particular de una persona.',
    });
    expect(hidden.statusCode).toBe(303);
    const page = await app.inject({ url: `${THIRD}/propuestas/9` });
    expect(page.body).toContain('Propuesta 9 (oculta)');
    expect(page.body).toContain('Incluía el teléfono particular de una persona.');
    expect(page.body).not.toContain(fromTable.description);
    expect((await app.inject({ url: `${THIRD}/propuestas` })).body).toContain('8 propuestas encontradas.');
    expect((await dataset('propuestas')).data.find((r) => r.numero === 9)).toMatchObject({
      titulo: null,
      descripcion: null,
      oculto: true,
    });
    expect(JSON.stringify((await dataset('historial')).data)).not.toContain(fromTable.description);
    expect((await facilitator.post(`${THIRD}/propuestas/9/editar`, fromTable)).statusCode).toBe(409);
  });
});
