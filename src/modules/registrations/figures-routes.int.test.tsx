import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { TEST_NOW } from '../../testing/constants.js';
import { createTestApp } from '../../testing/test-app.js';
import type { Lifetime } from '../../testing/test-db.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { getExercise } from '../exercises/get-exercise.js';
import { privacyNotices } from '../privacy/schema.js';
import { countRegistrations } from './count-registrations.js';
import { registrations, type RegistrationStatus, type Sector } from './schema.js';

const PAGE = '/ejercicios/cuarto-pal-demostracion/convocatoria/cifras';

/** The real app on a fresh demo database. */
async function figuresApp(lifetime: Lifetime = 'test'): Promise<{ app: FastifyInstance; db: Db }> {
  const { app, database } = await createTestApp({ lifetime });
  return { app, db: database.db };
}

async function callOf(db: Db, slug: string) {
  const { exercise } = await getExercise(db, slug);
  return (await getExerciseCall(db, exercise.id))!;
}

let serial = 0;
async function register(
  db: Db,
  callId: string,
  rows: { sector: Sector; cvegeo: string; status: RegistrationStatus; times?: number }[],
) {
  const [notice] = await db.select({ id: privacyNotices.id }).from(privacyNotices).limit(1);
  for (const row of rows) {
    for (let i = 0; i < (row.times ?? 1); i++) {
      serial++;
      await db.insert(registrations).values({
        callId,
        reference: `SUM-TEST-${String(serial).padStart(5, '0')}`,
        fullName: `Persona Secreta ${serial}`,
        email: `persona.secreta.${serial}@example.mx`,
        phone: '618 000 0000',
        municipalityCvegeo: row.cvegeo,
        sector: row.sector,
        organization: 'Organización Confidencial',
        motivation: 'Quiero participar en el ejercicio de gobierno abierto de mi estado.',
        acceptsHonorary: true,
        privacyNoticeId: notice!.id,
        locale: 'es-MX',
        status: row.status,
      });
    }
  }
}

/** The demo's open call: 6 counted registrations among 11 (pending, rejected and withdrawn ones do not count). */
async function seedFigures(db: Db) {
  const open = await callOf(db, 'cuarto-pal-demostracion');
  await register(db, open.id, [
    { sector: 'civil_society_org', cvegeo: '10005', status: 'confirmed', times: 2 },
    { sector: 'civil_society_org', cvegeo: '10005', status: 'accepted' },
    { sector: 'academia', cvegeo: '10007', status: 'confirmed', times: 2 },
    { sector: 'individual', cvegeo: '10012', status: 'accepted' },
    { sector: 'private_sector', cvegeo: '10001', status: 'pending_confirmation', times: 2 },
    { sector: 'public_body', cvegeo: '10005', status: 'rejected' },
    { sector: 'academia', cvegeo: '10039', status: 'withdrawn' },
  ]);
  // Another call's registrations never count in this one.
  const closed = await callOf(db, 'tercer-pal-2020-2021');
  await register(db, closed.id, [{ sector: 'private_sector', cvegeo: '10033', status: 'confirmed', times: 4 }]);
  return { open, closed };
}

// Every test but the one without registrations only reads: they share one app with the same registrations.
let seeded: { app: FastifyInstance; db: Db } & Awaited<ReturnType<typeof seedFigures>>;
beforeAll(async () => {
  const setup = await figuresApp('file');
  seeded = { ...setup, ...(await seedFigures(setup.db)) };
});
afterAll(() => seeded.app.close());

const rowsOf = (html: string, caption: string) => {
  const table = new RegExp(`<caption>${caption}</caption>[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return [
    ...table.matchAll(
      /<tr><td>(?:<span[^>]*>)?([^<]+)(?:<\/span>)?[\s\S]*?<\/td>((?:<td class="numeric">[^<]*<\/td>)+)<\/tr>/g,
    ),
  ].map((m) => [m[1], ...[...m[2]!.matchAll(/<td class="numeric">([^<]*)<\/td>/g)].map((c) => c[1])]);
};

describe('counting the registrations of a call', () => {
  it('counts confirmed and accepted ones only, by sector and by municipality (every one, 0 included), largest first', async () => {
    const { db, open, closed } = seeded;
    const figures = await countRegistrations(db, open.id);
    expect(figures.total).toBe(6);
    expect(figures.bySector).toEqual([
      { sector: 'civil_society_org', count: 3 },
      { sector: 'academia', count: 2 },
      { sector: 'individual', count: 1 },
      { sector: 'private_sector', count: 0 },
      { sector: 'professional_college', count: 0 },
      { sector: 'autonomous_body', count: 0 },
      { sector: 'public_body', count: 0 },
    ]);
    expect(figures.byMunicipality).toHaveLength(39);
    expect(figures.byMunicipality.slice(0, 5)).toEqual([
      { cvegeo: '10005', name: 'Durango', count: 3 },
      { cvegeo: '10007', name: 'Gómez Palacio', count: 2 },
      { cvegeo: '10012', name: 'Lerdo', count: 1 },
      { cvegeo: '10001', name: 'Canatlán', count: 0 },
      { cvegeo: '10002', name: 'Canelas', count: 0 },
    ]);
    // Zeros by name, accents read as their letter (Otáez before Pánuco, Súchil before Tamazula).
    const zeros = figures.byMunicipality.slice(3).map((m) => m.name);
    expect(zeros).toEqual([...zeros].sort((a, b) => a.localeCompare(b, 'es-MX')));
    expect((await countRegistrations(db, closed.id)).byMunicipality[0]).toEqual({
      cvegeo: '10033',
      name: 'Súchil',
      count: 4,
    });
    expect((await countRegistrations(db, closed.id, { stateCode: '11' })).byMunicipality).toEqual([]);
  });
});

describe('the public figures page of a call', () => {
  it('shows the total, the sectors with their share, and the municipalities on a map and in a table, to anyone', async () => {
    const { app } = seeded;
    const response = await app.inject({ url: PAGE });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<title>Cifras de la convocatoria · ');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toMatch(
      /<li><a href="\/">Inicio<\/a><\/li><li><a href="\/ejercicios\/cuarto-pal-demostracion">[^<]+<\/a><\/li><li><a href="\/ejercicios\/cuarto-pal-demostracion\/convocatoria">Convocatoria<\/a><\/li><li aria-current="page">Cifras<\/li>/,
    );
    expect(html).toContain(
      '<strong class="figures-total__number">6</strong> <span class="figures-total__label">personas inscritas</span>',
    );
    expect(html).toContain(
      `Cifras al <time datetime="${TEST_NOW.toISOString()}">23 de noviembre de 2026 a las 12:00 GMT-6</time>.`,
    );
    expect(html).toContain('Contamos solo las inscripciones confirmadas');
    expect(html).toContain('Esta página no muestra datos personales');
    expect(rowsOf(html, 'Personas inscritas por sector')).toEqual([
      ['Organización de la sociedad civil', '3', '50\u00a0%'],
      ['Academia o investigación', '2', '33.3\u00a0%'],
      ['Persona a título individual', '1', '16.7\u00a0%'],
      ['Sector privado o empresa', '0', '0\u00a0%'],
      ['Colegio de profesionistas', '0', '0\u00a0%'],
      ['Órgano autónomo', '0', '0\u00a0%'],
      ['Institución pública', '0', '0\u00a0%'],
    ]);
    expect(html).toContain('<rect class="figures-bar__value" width="50" height="10">');
    const municipalities = rowsOf(html, 'Personas inscritas por municipio');
    expect(municipalities).toHaveLength(39);
    expect(municipalities.slice(0, 4)).toEqual([
      ['Durango', '3'],
      ['Gómez Palacio', '2'],
      ['Lerdo', '1'],
      ['Canatlán', '0'],
    ]);
    expect(html).toContain('Hay personas inscritas en 3 de los 39 municipios.');
    expect(html).toContain('role="img" aria-labelledby="figures-map-title"');
    expect(html).toMatch(
      /class="municipality-map__area map-step-4" d="[^"]+" data-cvegeo="10005"><title>Durango: 3 personas<\/title>/,
    );
    expect(html).toMatch(
      /class="municipality-map__area map-step-2" d="[^"]+" data-cvegeo="10012"><title>Lerdo: 1 persona<\/title>/,
    );
    expect(html).toMatch(
      /class="municipality-map__area map-step-0" d="[^"]+" data-cvegeo="10001"><title>Canatlán: 0 personas<\/title>/,
    );
    expect(html).toContain('Límites municipales: INEGI. Marco Geoestadístico 2024.');
  });

  it('shows no personal data and no inline style', async () => {
    const { app } = seeded;
    const html = (await app.inject({ url: PAGE })).body;
    expect(html).not.toMatch(
      /Persona Secreta|persona\.secreta|@example\.mx|618 000|Organización Confidencial|SUM-TEST/,
    );
    expect(html).not.toMatch(/\sstyle=/);
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
  });

  it('speaks English, with the same figures', async () => {
    const { app } = seeded;
    const response = await app.inject({ url: `${PAGE}?lang=en` });
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<html lang="en"');
    expect(html).toContain(
      '<strong class="figures-total__number">6</strong> <span class="figures-total__label">people signed up</span>',
    );
    expect(rowsOf(html, 'People signed up, by sector')[0]).toEqual(['Civil-society organisation', '3', '50%']);
    expect(html).toContain('<title>Lerdo: 1 person</title>');
    expect(html).toContain('We count only confirmed registrations');
  });

  it('says when nobody has registered yet, and still lists every municipality', async () => {
    const { app } = await figuresApp(); // without registrations: its own app
    const html = (await app.inject({ url: PAGE })).body;
    expect(html).toContain(
      '<strong class="figures-total__number">0</strong> <span class="figures-total__label">personas inscritas</span>',
    );
    expect(html).toContain('Todavía no hay inscripciones confirmadas.');
    expect(html).not.toContain('Hay personas inscritas en');
    expect(rowsOf(html, 'Personas inscritas por municipio')).toHaveLength(39);
    expect(html.match(/map-step-0" d=/g)).toHaveLength(39);
  });

  it('works for a closed call, and answers 404 for an unknown exercise or an exercise without a call', async () => {
    const { app, db } = seeded;
    const closed = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/convocatoria/cifras' });
    expect(closed.statusCode).toBe(200);
    expect(closed.body).toContain('<strong class="figures-total__number">4</strong>');
    expect(closed.body).toContain('Cerrada');
    expect((await app.inject({ url: '/ejercicios/no-existe/convocatoria/cifras' })).statusCode).toBe(404);
    const { exercise } = await getExercise(db, 'segundo-pal-2017-2019');
    expect(await getExerciseCall(db, exercise.id)).toBeUndefined();
    expect((await app.inject({ url: '/ejercicios/segundo-pal-2017-2019/convocatoria/cifras' })).statusCode).toBe(404);
  });
});
