import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { exercisePhases, exercises } from '../exercises/schema.js';
import { emails } from '../notifications/schema.js';
import { problems } from './schema.js';

const SLUG = 'cuarto-pal-demostracion';
const BASE = `/ejercicios/${SLUG}/problemas`;

const garbage = {
  title: 'Basura acumulada en los lotes baldíos de la colonia Centro',
  description:
    'Los lotes baldíos de la colonia Centro se llenan de basura y nadie la recoge; hay ratas y malos olores todo el año.',
  theme: 'environment',
  municipalities: '10005',
};

async function setUp() {
  const { app, database } = await createTestApp();
  const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, SLUG));
  await database.db
    .update(exercisePhases)
    .set({ startsOn: '2026-11-01', endsOn: '2026-12-15' })
    .where(and(eq(exercisePhases.exerciseId, exercise!.id), eq(exercisePhases.phase, 'diagnosis')));
  const as = async (options: Parameters<typeof signInAs>[1] = {}) => {
    const session = await signInAs(database, options);
    return {
      user: session.user,
      post: (url: string, fields: Record<string, string | string[]> = {}) =>
        app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...fields } }),
    };
  };
  const dataset = async (id: string) =>
    (JSON.parse((await app.inject({ url: `/datos/${id}.json` })).body) as { data: Record<string, unknown>[] }).data;
  /** A problem's supports as the page, the list, the dataset and the supports per day show them. */
  const counts = async (number: number) => {
    const page = (await app.inject({ url: `${BASE}/${number}` })).body.match(/<strong>(\d+) apoyos?<\/strong>/)?.[1];
    const list = (await app.inject({ url: `${BASE}?orden=fecha` })).body.match(
      new RegExp(`Problema ${number}:[\\s\\S]*?<strong>(\\d+) apoyos?</strong>`),
    )?.[1];
    const row = (await dataset('problemas')).find((r) => r.ejercicio === SLUG && r.numero === number);
    const perDay = (await dataset('apoyos-a-problemas'))
      .filter((r) => r.ejercicio === SLUG && r.numero === number)
      .reduce((sum, r) => sum + Number(r.apoyos), 0);
    return { page: Number(page), list: Number(list), dataset: row?.apoyos, perDay };
  };
  const same = (n: number) => ({ page: n, list: n, dataset: n, perDay: n });
  return { app, database, as, dataset, counts, same };
}

// Many pages in a row, each rendered in full: slow on a busy machine.
describe('merging duplicates', { timeout: 60_000 }, () => {
  it('counts the distinct supporters of both, tells the merged problem’s supporters, and can be undone with both counts restored', async () => {
    const { app, database, as, dataset, counts, same } = await setUp();
    const ana = await as();
    const beto = await as();
    await ana.post(BASE, garbage);
    await beto.post(BASE, {
      ...garbage,
      title: 'Basura en los lotes baldíos de la colonia Centro',
      description: 'En los lotes baldíos de la colonia Centro se tira basura y nadie la recoge.',
      confirmado: 'si',
    });
    await ana.post(BASE, {
      title: 'Sin rampas para sillas de ruedas en el mercado',
      description: 'El mercado municipal no tiene rampas ni baños accesibles para personas con discapacidad.',
      theme: 'public_spaces',
      municipalities: '10007',
    });
    const only1 = await as({ email: 'solo.uno@example.mx' });
    const both = await as({ email: 'ambos@example.mx' });
    const only2 = await as({ email: 'solo.dos@example.mx' });
    for (const person of [only1, both]) await person.post(`${BASE}/1/apoyo`);
    for (const person of [both, only2]) await person.post(`${BASE}/2/apoyo`);
    expect(await counts(1)).toEqual(same(2));
    expect(await counts(2)).toEqual(same(2));

    const facilitator = await as({ roles: [{ role: 'facilitator' }] });
    const merge = {
      outcome: 'merged',
      reasonCode: 'duplicated',
      mergedIntoNumber: '1',
      explanation: 'Describe la misma basura en los mismos lotes que el problema 1.',
    };
    const noReason = await facilitator.post(`${BASE}/2/decision`, { ...merge, reasonCode: '', explanation: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Elige el motivo.');
    expect((await facilitator.post(`${BASE}/2/decision`, merge)).statusCode).toBe(303);

    // Problem 1 counts the distinct supporters of both: "ambos" once. Problem 2 keeps its own, and says where it went.
    expect(await counts(1)).toEqual(same(3));
    const merged = (await app.inject({ url: `${BASE}/2` })).body;
    expect(merged).toContain('Este problema se fusionó con otro');
    expect(merged).toContain(`href="${BASE}/1"`);
    expect(merged).toContain('<strong>2 apoyos</strong>');
    expect((await app.inject({ url: `${BASE}/1` })).body).toMatch(
      /Problemas fusionados con este[\s\S]*Problema 2: Basura en los lotes baldíos/,
    );
    const told = await database.db.select().from(emails).where(like(emails.subject, '%que apoyaste se fusionó%'));
    expect(told.map((mail) => mail.toAddress).sort()).toEqual(['ambos@example.mx', 'solo.dos@example.mx']);
    expect(told[0]!.text).toContain('Tu apoyo ahora cuenta para el problema 1');
    const responseRow = (await dataset('respuesta-razonada')).find((r) => r.ejercicio === SLUG && r.numero === 1);
    expect(responseRow?.apoyos).toBe(3);

    // A problem that others were merged into is not merged in turn; a problem merged is not merged twice.
    const chained = await facilitator.post(`${BASE}/1/decision`, { ...merge, mergedIntoNumber: '3' });
    expect(chained.statusCode).toBe(400);
    expect(chained.body).toContain('Otros problemas se fusionaron con este');

    const participant = await as();
    expect((await participant.post(`${BASE}/2/deshacer-fusion`, { reason: 'Porque sí, de verdad.' })).statusCode).toBe(
      403,
    );
    expect((await facilitator.post(`${BASE}/2/deshacer-fusion`, { reason: 'No' })).statusCode).toBe(400);
    const undone = await facilitator.post(`${BASE}/2/deshacer-fusion`, {
      reason: 'El problema 2 habla de otros lotes, al norte de la colonia: son dos problemas.',
    });
    expect(undone.statusCode).toBe(303);
    expect(await counts(1)).toEqual(same(2));
    expect(await counts(2)).toEqual(same(2));
    const [restored] = await database.db
      .select()
      .from(problems)
      .innerJoin(exercises, eq(exercises.id, problems.exerciseId))
      .where(and(eq(exercises.slug, SLUG), eq(problems.number, 2)));
    expect(restored!.problems).toMatchObject({ status: 'proposed', mergedIntoId: null });
    const page = (await app.inject({ url: `${BASE}/2` })).body;
    expect(page).not.toContain('Este problema se fusionó con otro');
    expect(page).toContain('En revisión: todavía no hay una decisión sobre este problema.');
    expect(page).toContain('El problema 2 habla de otros lotes');
    expect((await dataset('respuesta-razonada')).find((r) => r.ejercicio === SLUG && r.numero === 2)).toMatchObject({
      resultado: null,
      estado: 'proposed',
    });
    const untold = await database.db.select().from(emails).where(like(emails.subject, '%Se deshizo la fusión%'));
    expect(untold).toHaveLength(3);
    expect(
      (await facilitator.post(`${BASE}/2/deshacer-fusion`, { reason: 'Otra vez, por si acaso.' })).statusCode,
    ).toBe(409);
  });
});
