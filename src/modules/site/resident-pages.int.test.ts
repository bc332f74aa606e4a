import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../testing/constants.js';
import { createTestApp } from '../../testing/test-app.js';
import { exercises } from '../exercises/schema.js';
import { commitmentMunicipalities, commitments } from '../plan/read-models.js';
import { secretariats, secretariatSessions } from '../secretariat/read-models.js';

const get = (app: Awaited<ReturnType<typeof createTestApp>>['app'], url: string) =>
  app.inject({ url, headers: { 'accept-language': 'es-MX' } });
/** Rendered from the database, never from the render cache (web/fresh-reads.ts). */
const getFresh = (app: Awaited<ReturnType<typeof createTestApp>>['app'], url: string) =>
  app.inject({ url, headers: { 'accept-language': 'es-MX', cookie: 'fresh=1' } });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('pages for residents', () => {
  it('“¿Cómo participo?” explains each stage and links to the current exercise', async () => {
    const { app } = await createTestApp();
    const page = await get(app, '/como-participo');
    expect(page.statusCode).toBe(200);
    const body = text(page.body);
    for (const stage of ['La convocatoria', 'Diagnóstico', 'Co-creación', 'Implementación', 'Evaluación'])
      expect(body).toContain(stage);
    expect(page.body).toContain('href="/ejercicios/cuarto-pal-demostracion/convocatoria"');
    expect(page.body).toContain('href="/municipios"');
    const english = await app.inject({ url: '/como-participo?lang=en' });
    expect(text(english.body)).toContain('How can I take part?');
    // The home page leads there, and to the municipalities.
    const home = await get(app, '/');
    expect(home.body).toContain('href="/como-participo"');
    expect(home.body).toContain('href="/municipios"');
  });

  it('a municipality’s page lists its public commitments with their progress, reachable from the map and the list', async () => {
    const { app, database } = await createTestApp();
    const list = await get(app, '/municipios');
    expect(list.statusCode).toBe(200);
    // The map's municipalities are links, and so are the table's rows: 39 of each.
    expect(list.body.match(/href="\/municipios\/10\d{3}"/g)!.length).toBe(39 * 2);
    const durango = await get(app, '/municipios/10005');
    expect(durango.statusCode).toBe(200);
    const rows = await database.db
      .select({ number: commitments.number, title: commitments.title, status: commitments.status })
      .from(commitmentMunicipalities)
      .innerJoin(commitments, eq(commitments.id, commitmentMunicipalities.commitmentId))
      .where(eq(commitmentMunicipalities.cvegeo, '10005'));
    const visible = rows.filter((row) => !['draft', 'cocreation'].includes(row.status));
    expect(visible.length).toBeGreaterThan(0);
    for (const row of visible) expect(text(durango.body)).toContain(row.title);
    expect(text(durango.body)).toContain(`${visible.length} compromisos nombran a este municipio`);

    // A commitment still in draft never shows, even when it names the municipality.
    await database.db
      .update(commitments)
      .set({ status: 'draft', title: 'Compromiso en borrador que nadie debe ver' })
      .where(eq(commitments.title, visible[0]!.title));
    const after = await getFresh(app, '/municipios/10005');
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain('Compromiso en borrador que nadie debe ver');

    // Each commitment names someone to write to, and links its municipalities back here.
    for (const row of visible.slice(1)) {
      const page = await get(app, `/ejercicios/tercer-pal-2020-2021/plan/compromisos/${row.number}`);
      expect(page.body, `commitment ${row.number}`).toMatch(/href="mailto:[^"]+@|href="\/contacto">Este compromiso/);
      expect(page.body).toContain('href="/municipios/10005"');
    }

    expect((await get(app, '/municipios/99999')).statusCode).toBe(404);
    expect((await get(app, '/municipios/abc')).statusCode).toBe(404);
    expect((await get(app, "/municipios/10005'%20or%201=1")).statusCode).toBe(404);
  });

  it('the home page shows the next Secretariat session still to be held', async () => {
    const { app, database } = await createTestApp();
    expect(text((await get(app, '/')).body)).not.toContain('Próxima sesión del Secretariado');
    const [secretariat] = await database.db
      .select({ id: secretariats.id })
      .from(secretariats)
      .innerJoin(exercises, eq(exercises.id, secretariats.exerciseId))
      .where(and(eq(exercises.slug, 'tercer-pal-2020-2021')));
    await database.db.insert(secretariatSessions).values({
      secretariatId: secretariat!.id,
      kind: 'ordinary',
      number: 99,
      startsAt: new Date(TEST_NOW.getTime() + 3 * 24 * 3600 * 1000),
      place: 'Sala de plenos del IDAIP',
    });
    const home = await getFresh(app, '/');
    expect(text(home.body)).toContain('Próxima sesión del Secretariado');
    expect(home.body).toContain('href="/ejercicios/tercer-pal-2020-2021/secretariado/sesiones/ordinaria-99"');
    expect(text(home.body)).toContain('Sala de plenos del IDAIP');
  });
});
