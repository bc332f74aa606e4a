import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../testing/constants.js';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { exercisePhases, exercises } from '../../exercises/schema.js';
import { emails } from '../../notifications/schema.js';
import { workshopRegistrations } from '../schema.js';

const SLUG = 'cuarto-pal-demostracion';
const BASE = `/ejercicios/${SLUG}`;
const TABLE = `${BASE}/mesas/1`;

async function setUp() {
  let clock = TEST_NOW;
  const { app, database } = await createTestApp({ now: () => clock });
  const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, SLUG));
  await database.db
    .update(exercisePhases)
    .set({ startsOn: '2026-11-01', endsOn: '2026-12-15' })
    .where(and(eq(exercisePhases.exerciseId, exercise!.id), eq(exercisePhases.phase, 'diagnosis')));
  const as = async (options: Parameters<typeof signInAs>[1] = {}) => {
    const session = await signInAs(database, options);
    return {
      user: session.user,
      get: (url: string) => app.inject({ url, cookies: session.cookies }),
      post: (url: string, fields: Record<string, string | string[]> = {}) =>
        app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } }),
    };
  };
  const facilitator = await as({ roles: [{ role: 'facilitator' }] });
  const ana = await as();
  await ana.post(`${BASE}/problemas`, {
    title: 'Sin rampas para sillas de ruedas en el mercado',
    description: 'El mercado municipal no tiene rampas ni baños accesibles para personas con discapacidad.',
    theme: 'public_spaces',
    municipalities: '10007',
  });
  await facilitator.post(`${BASE}/problemas/1/decision`, {
    outcome: 'admitted',
    reasonCode: 'meets_criteria',
    explanation: 'Cumple los criterios del diagnóstico y se puede atender.',
  });
  const table = {
    title: 'Accesibilidad en los mercados',
    problemNumbers: '1',
    startsDate: '2026-12-01',
    startsTime: '17:00',
    durationMinutes: '120',
    place: 'Mercado Gómez Palacio, sala de juntas',
    onlineUrl: '',
    facilitator: 'Equipo de facilitación del órgano garante',
    capacity: '2',
    materials: 'Planos del mercado y normas de accesibilidad.',
  };
  return { app, database, as, facilitator, table, advanceTo: (instant: string) => (clock = new Date(instant)) };
}

const placesOf = async (get: () => Promise<{ body: string }>) =>
  (await get()).body.match(/(\d+) de (\d+) lugares ocupados\.( \d+ en lista de espera\.)?/)?.[0];

// Many pages in a row, each rendered in full: slow on a busy machine.
describe('co-creation tables', { timeout: 60_000 }, () => {
  it('staff schedule a table; people register with their needs, past capacity they wait in order and move up when someone cancels', async () => {
    const { app, as, facilitator, table, database } = await setUp();
    const participant = await as();
    expect((await participant.get(`${BASE}/mesas/nueva`)).statusCode).toBe(403);
    expect((await participant.post(`${BASE}/mesas`, table)).statusCode).toBe(403);
    const invalid = await facilitator.post(`${BASE}/mesas`, { ...table, place: '', startsTime: '5pm', capacity: '0' });
    expect(invalid.statusCode).toBe(400);
    for (const message of [
      'Escribe la hora como 17:30.',
      'Escribe un lugar, un enlace o ambos.',
      'Escribe un cupo de 1 a 1,000 personas.',
    ])
      expect(invalid.body).toContain(message);
    const scheduled = await facilitator.post(`${BASE}/mesas`, table);
    expect(scheduled.statusCode).toBe(303);
    expect(scheduled.headers.location).toBe(`${TABLE}?aviso=programada`);

    const page = await app.inject({ url: TABLE });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mesa 1: Accesibilidad en los mercados');
    expect(page.body).toContain('Planos del mercado y normas de accesibilidad.');
    expect(page.body).toContain('0 de 2 lugares ocupados.');
    expect((await app.inject({ url: `${BASE}/mesas` })).body).toContain('Mesa 1: Accesibilidad en los mercados');
    const ics = await app.inject({ url: `${TABLE}/calendario.ics` });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20261201T230000Z');
    expect(ics.body).toContain('SUMMARY:Mesa 1: Accesibilidad en los mercados');

    const people = [
      await as({ email: 'uno@example.mx' }),
      await as({ email: 'dos@example.mx' }),
      await as({ email: 'tres@example.mx', name: 'Tere Tres' }),
      await as({ email: 'cuatro@example.mx' }),
    ];
    for (const person of people.slice(0, 2)) expect((await person.post(`${TABLE}/inscripcion`)).statusCode).toBe(303);
    expect((await people[1]!.post(`${TABLE}/inscripcion`)).statusCode).toBe(303);
    expect(
      (
        await people[2]!.post(`${TABLE}/inscripcion`, {
          accessibilityNeeds: 'Llego en silla de ruedas.',
          interpreterLanguage: 'Lengua de señas mexicana',
        })
      ).statusCode,
    ).toBe(303);
    await people[3]!.post(`${TABLE}/inscripcion`);
    expect(await placesOf(() => app.inject({ url: TABLE }))).toBe('2 de 2 lugares ocupados. 2 en lista de espera.');
    expect((await people[2]!.get(TABLE)).body).toContain('Estás en la lista de espera, en el lugar 1.');
    expect((await people[3]!.get(TABLE)).body).toContain('Estás en la lista de espera, en el lugar 2.');
    const waitMail = await database.db.select().from(emails).where(eq(emails.toAddress, 'tres@example.mx'));
    expect(waitMail[0]!.subject).toBe('Estás en la lista de espera de la mesa 1');
    // Names and needs are for the facilitators only.
    expect(page.body).not.toContain('Tere Tres');
    expect((await app.inject({ url: TABLE })).body).not.toContain('Llego en silla de ruedas.');
    const staffPage = (await facilitator.get(TABLE)).body;
    expect(staffPage).toContain('Tere Tres');
    expect(staffPage).toContain('Llego en silla de ruedas. · intérprete de Lengua de señas mexicana');

    expect((await people[0]!.post(`${TABLE}/inscripcion/cancelar`)).statusCode).toBe(303);
    expect((await people[2]!.get(TABLE)).body).toContain('Tienes un lugar en esta mesa.');
    expect((await people[3]!.get(TABLE)).body).toContain('Estás en la lista de espera, en el lugar 1.');
    const promoted = await database.db
      .select()
      .from(emails)
      .where(and(eq(emails.toAddress, 'tres@example.mx'), like(emails.subject, 'Ya tienes lugar%')));
    expect(promoted).toHaveLength(1);
    expect(promoted[0]!.text).toContain('/mesas/1/calendario.ics');
    expect(await placesOf(() => app.inject({ url: TABLE }))).toBe('2 de 2 lugares ocupados. 1 en lista de espera.');
    const dataset = JSON.parse((await app.inject({ url: '/datos/mesas.json' })).body) as {
      data: Record<string, unknown>[];
    };
    expect(dataset.data.find((row) => row.ejercicio === SLUG)).toMatchObject({
      numero: 1,
      cupo: 2,
      con_lugar: 2,
      en_espera: 1,
      problemas: '1',
      estado: 'scheduled',
    });
    expect(JSON.stringify(dataset)).not.toContain('Tere Tres');
    expect(JSON.stringify(dataset)).not.toContain('silla de ruedas');
  });

  it('staff record attendance and close the held table with its report, organisations and proposals; registration closes when it starts', async () => {
    const { app, as, facilitator, table, database, advanceTo } = await setUp();
    await facilitator.post(`${BASE}/mesas`, table);
    const people = [await as(), await as()];
    for (const person of people) await person.post(`${TABLE}/inscripcion`);
    const closing = {
      closingReport: 'Se revisaron los planos del mercado y se acordó proponer rampas y un baño accesible.',
      attendingOrganisations: 'Colectivo Ruedas Libres\nComerciantes del mercado',
      proposalNumbers: ['1'],
    };
    const early = await facilitator.post(`${TABLE}/cierre`, { ...closing, proposalNumbers: [] });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('La mesa todavía no se realiza');

    advanceTo('2026-12-01T23:30:00Z');
    const late = await as();
    expect((await late.post(`${TABLE}/inscripcion`)).statusCode).toBe(409);
    const registrations = await database.db.select().from(workshopRegistrations);
    const attended = await facilitator.post(`${TABLE}/asistencia`, { attended: [registrations[0]!.id] });
    expect(attended.statusCode).toBe(303);
    await facilitator.post(`${BASE}/propuestas`, {
      problemNumber: '1',
      title: 'Rampas y baño accesible en el mercado',
      description: 'Construir rampas en las dos entradas y un baño accesible, diseñados con las personas usuarias.',
    });
    const missing = await facilitator.post(`${TABLE}/cierre`, { closingReport: 'Corto', attendingOrganisations: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Escribe la relatoría de cierre, con al menos 20 caracteres.');
    expect(missing.body).toContain('Escribe al menos una organización que asistió.');
    expect((await facilitator.post(`${TABLE}/cierre`, closing)).statusCode).toBe(303);

    const page = (await app.inject({ url: TABLE })).body;
    expect(page).toContain('Cerrada');
    expect(page).toContain(closing.closingReport);
    expect(page).toMatch(/Organizaciones que asistieron[\s\S]*Colectivo Ruedas Libres[\s\S]*Comerciantes del mercado/);
    expect(page).toContain('Propuesta 1: Rampas y baño accesible en el mercado');
    expect(page).toContain('2 de 2 lugares ocupados. Asistieron 1.');
    const proposal = (await app.inject({ url: `${BASE}/propuestas/1` })).body;
    expect(proposal).toContain('La mesa de co-creación 1: Accesibilidad en los mercados');
    expect((await facilitator.post(`${TABLE}/asistencia`, { attended: [] })).statusCode).toBe(409);
    const dataset = JSON.parse((await app.inject({ url: '/datos/mesas.json' })).body) as {
      data: Record<string, unknown>[];
    };
    expect(dataset.data.find((row) => row.ejercicio === SLUG)).toMatchObject({
      estado: 'closed',
      asistentes: 1,
      organizaciones: 'Colectivo Ruedas Libres;Comerciantes del mercado',
      propuestas: '1',
    });
    const proposals = JSON.parse((await app.inject({ url: '/datos/propuestas.json' })).body) as {
      data: Record<string, unknown>[];
    };
    expect(proposals.data.find((row) => row.ejercicio === SLUG)).toMatchObject({ mesa: 1 });
  });
});
