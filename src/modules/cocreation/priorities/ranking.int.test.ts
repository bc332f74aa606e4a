import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { verifyChangeLog } from '../../audit/verify-change-log.js';
import { exercisePhases, exercises } from '../../exercises/schema.js';
import { emails } from '../../notifications/schema.js';
import { recordTestAgreement } from '../../../testing/secretariat-agreement.js';

const SLUG = 'cuarto-pal-demostracion';
const BASE = `/ejercicios/${SLUG}`;
const RANKING = `${BASE}/priorizacion`;

async function setUp() {
  const { app, database } = await createTestApp();
  const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, SLUG));
  await database.db
    .update(exercisePhases)
    .set({ startsOn: '2026-11-01', endsOn: '2026-12-15' })
    .where(and(eq(exercisePhases.exerciseId, exercise!.id), eq(exercisePhases.phase, 'diagnosis')));
  const as = async (options: Parameters<typeof signInAs>[1] = {}) => {
    const session = await signInAs(database, options);
    return (url: string, fields: Record<string, string | string[]> = {}) =>
      app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } });
  };
  const ana = await as({ email: 'ana.autora@example.mx' });
  const facilitator = await as({ roles: [{ role: 'facilitator' }] });
  const titles = [
    'Basura acumulada en los lotes baldíos de la colonia Centro',
    'Sin rampas para sillas de ruedas en el mercado municipal',
    'Parque sin alumbrado en la colonia Las Flores del poniente',
  ];
  for (const [index, title] of titles.entries()) {
    await ana(`${BASE}/problemas`, {
      title,
      description: `Descripción suficientemente larga del problema número ${index + 1} para la prueba.`,
      theme: 'public_spaces',
      municipalities: '10005',
      confirmado: 'si',
    });
    await facilitator(`${BASE}/problemas/${index + 1}/decision`, {
      outcome: 'admitted',
      reasonCode: 'meets_criteria',
      explanation: 'Cumple los criterios del diagnóstico y se puede atender.',
    });
  }
  for (let i = 0; i < 2; i += 1) await (await as())(`${BASE}/problemas/2/apoyo`);
  const agreement = await recordTestAgreement(database.db, exercise!.id, { heldAt: new Date('2026-11-20T17:00:00Z') });
  return { app, database, as, facilitator, titles, agreement };
}

// Many pages in a row, each rendered in full: slow on a busy machine.
describe('prioritisation', { timeout: 60_000 }, () => {
  it('the Secretariat publishes weighted criteria before scoring, the ranking shows scores, totals and supports, and the selection is tied to an agreement', async () => {
    const { app, database, as, facilitator, titles, agreement } = await setUp();
    expect((await app.inject({ url: RANKING })).body).toContain(
      'El Secretariado todavía no publica sus criterios de priorización.',
    );
    const participant = await as();
    const criterion = {
      name: 'Gravedad',
      description: 'Cuánto daño hace el problema y a cuántas personas.',
      weight: '50',
    };
    expect((await participant(`${RANKING}/criterios`, criterion)).statusCode).toBe(403);
    expect((await participant(`${RANKING}/publicar`)).statusCode).toBe(403);

    const early = await facilitator(`${RANKING}/puntajes/1`, { 'score-1': '3' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('Primero se publican los criterios');
    expect((await facilitator(`${RANKING}/publicar`)).body).toContain('Agrega al menos un criterio');
    const heavy = await facilitator(`${RANKING}/criterios`, { ...criterion, weight: '500' });
    expect(heavy.statusCode).toBe(400);
    expect(heavy.body).toContain('Escribe un peso entero del 1 al 100.');
    for (const [name, weight] of [
      ['Gravedad', '50'],
      ['Viabilidad', '30'],
      ['Apertura', '20'],
    ] as const)
      expect(
        (
          await facilitator(`${RANKING}/criterios`, {
            name,
            weight,
            description: `Qué tanto pesa la ${name.toLowerCase()}.`,
          })
        ).statusCode,
      ).toBe(303);
    // A draft stays off the public page.
    expect((await app.inject({ url: RANKING })).body).not.toContain('Viabilidad');
    expect((await facilitator(`${RANKING}/publicar`)).statusCode).toBe(303);
    const late = await facilitator(`${RANKING}/criterios`, criterion);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Los criterios ya están publicados');

    expect((await facilitator(`${RANKING}/puntajes/1`, { 'score-1': '9' })).body).toContain(
      'Cada puntaje es un número entero del 0 al 5.',
    );
    for (const [number, scores] of [
      [1, ['5', '3', '1']],
      [2, ['4', '4', '4']],
      [3, ['2', '', '']],
    ] as const)
      expect(
        (
          await facilitator(`${RANKING}/puntajes/${number}`, {
            'score-1': scores[0],
            'score-2': scores[1],
            'score-3': scores[2],
          })
        ).statusCode,
      ).toBe(303);
    const ranking = (await app.inject({ url: RANKING })).body;
    expect(ranking).toMatch(/1\. Gravedad[\s\S]*<td class="numeric">50<\/td><td class="numeric">50 %<\/td>/);
    expect(ranking).toContain('la suma de peso × puntaje, dividida entre la suma de los pesos');
    // Highest total first: problem 2 (4), problem 1 (5×50 + 3×30 + 1×20 = 360 / 100 = 3.6), problem 3 not fully scored.
    expect(ranking).toMatch(
      new RegExp(
        `Problema 2: ${titles[1]}[\\s\\S]*?<td class="numeric">2</td>[\\s\\S]*?<strong>4</strong>[\\s\\S]*Problema 1: ${titles[0]}[\\s\\S]*?<strong>3.6</strong>[\\s\\S]*Problema 3:[\\s\\S]*?Sin calificar`,
      ),
    );

    const noAgreement = await facilitator(`${RANKING}/seleccion`, {
      problemNumbers: ['2'],
      agreementCode: '',
      explanation: 'Es el problema con el total más alto y con más apoyos.',
    });
    expect(noAgreement.statusCode).toBe(400);
    expect(noAgreement.body).toContain('Escribe la clave del acuerdo del Secretariado.');
    const unknown = await facilitator(`${RANKING}/seleccion`, {
      problemNumbers: ['2'],
      agreementCode: 'STL-1999-ORD-01-01',
      explanation: 'Es el problema con el total más alto y con más apoyos.',
    });
    expect(unknown.body).toContain('El Secretariado de este ejercicio no tiene un acuerdo con esa clave.');
    // The third exercise's prioritisation agreement is not this exercise's Secretariat's.
    const othersAgreement = await facilitator(`${RANKING}/seleccion`, {
      problemNumbers: ['2'],
      agreementCode: 'STL-2021-ORD-02-01',
      explanation: 'Es el problema con el total más alto y con más apoyos.',
    });
    expect(othersAgreement.statusCode).toBe(400);
    expect(othersAgreement.body).toContain('El Secretariado de este ejercicio no tiene un acuerdo con esa clave.');
    const selected = await facilitator(`${RANKING}/seleccion`, {
      problemNumbers: ['2', '1'],
      agreementCode: agreement,
      explanation: 'Son los dos problemas con el total más alto; pasan a las mesas de co-creación.',
    });
    expect(selected.statusCode).toBe(303);
    const after = (await app.inject({ url: RANKING })).body;
    expect(after).toContain('hizo la selección');
    expect(after).toContain(`href="${BASE}/secretariado/acuerdos/${agreement}"`);
    // The link leads to the agreement itself.
    expect((await app.inject({ url: `${BASE}/secretariado/acuerdos/${agreement}` })).statusCode).toBe(200);
    expect(after).toMatch(/Problema 2:[\s\S]*?Priorizado[\s\S]*Problema 3:[\s\S]*?Admitido/);
    const problemPage = (await app.inject({ url: `${BASE}/problemas/2` })).body;
    expect(problemPage).toContain('Priorizado por el Secretariado');
    expect(problemPage).toContain(agreement);
    const mails = await database.db
      .select()
      .from(emails)
      .where(and(eq(emails.toAddress, 'ana.autora@example.mx'), like(emails.text, '%Priorizado por el Secretariado%')));
    expect(mails).toHaveLength(2);

    expect(
      (
        await facilitator(`${RANKING}/seleccion`, {
          problemNumbers: ['3'],
          agreementCode: agreement,
          explanation: 'Otra selección que ya no procede.',
        })
      ).statusCode,
    ).toBe(409);
    expect((await facilitator(`${RANKING}/puntajes/3`, { 'score-2': '1' })).statusCode).toBe(409);
    const response = JSON.parse((await app.inject({ url: '/datos/respuesta-razonada.json' })).body) as {
      data: Record<string, unknown>[];
    };
    expect(response.data.find((r) => r.ejercicio === SLUG && r.numero === 2)).toMatchObject({
      estado: 'prioritized',
      resultado: 'prioritized',
      acuerdo: agreement,
    });
    expect((await app.inject({ url: `${RANKING}?lang=en` })).body).toContain('Prioritisation of problems');
    expect(await verifyChangeLog(database.db)).toMatchObject({ ok: true });
  });
});
