import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { completionLevels, declaredStatuses, openedGovernmentLevels } from './scales.js';
import { getPlanResults } from './get-plan-results.js';
import type { Database } from '../../db/client.js';

let app: FastifyInstance;
let database: Database;
beforeAll(async () => {
  ({ app, database } = await createTestApp({ lifetime: 'file' }));
});
afterAll(() => app.close());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const second = '/ejercicios/segundo-pal-2017-2019/plan';
const third = '/ejercicios/tercer-pal-2020-2021/plan';

describe('the public results of a plan, side by side', () => {
  it('shows, for the concluded plan, what was declared, the computed progress and the assessment, with disagreements and the rule', async () => {
    const response = await app.inject({ url: `${second}/resultados` });
    expect(response.statusCode).toBe(200);
    const page = text(response.body);
    expect(page).toContain('Resultados: lo declarado y lo evaluado');
    expect(page).toContain('Método IRM anterior');
    expect(page).toContain('Cuándo marcamos un desacuerdo');
    expect(page).toContain('Informe final');
    expect(page).toContain('No revisable');
    expect(page).toContain('Desacuerdo');
    expect(page).toContain('Significativamente');
  });

  it('has counts per level that add up to the commitments shown, with or without a filter', async () => {
    const all = await getPlanResults(database.db, 'segundo-pal-2017-2019');
    expect(all.rows.length).toBe(8);
    for (const scale of [all.counts.declared, all.counts.completion, all.counts.openedGovernment]) {
      expect(scale.levels.reduce((sum, l) => sum + l.count, 0) + scale.none).toBe(all.counts.total);
    }
    expect(all.counts.declared.levels.map((l) => l.level)).toEqual([...declaredStatuses]);
    expect(all.counts.completion.levels.map((l) => l.level)).toEqual([...completionLevels]);
    expect(all.counts.openedGovernment.levels.map((l) => l.level)).toEqual([...openedGovernmentLevels]);
    expect(all.counts.notVerifiable).toBe(1);
    expect(all.counts.disagreements).toBeGreaterThan(0);

    const congress = all.options.institutions.find((i) => i.name === 'Congreso del Estado de Durango')!;
    const filtered = await getPlanResults(database.db, 'segundo-pal-2017-2019', { institutionId: congress.id });
    expect(filtered.rows.map((r) => r.lead.name)).toEqual([
      'Congreso del Estado de Durango',
      'Congreso del Estado de Durango',
      'Congreso del Estado de Durango',
    ]);
    expect(
      filtered.counts.completion.levels.reduce((sum, l) => sum + l.count, 0) + filtered.counts.completion.none,
    ).toBe(3);

    const page = text((await app.inject({ url: `${second}/resultados?institucion=${congress.id}` })).body);
    expect(page).toContain('Se muestran 3 compromisos.');
    expect(page).toContain('Quitar filtros');
  });

  it('filters by municipality on the third plan, whose first-period reports are in', async () => {
    const all = await getPlanResults(database.db, 'tercer-pal-2020-2021');
    expect(all.rows.every((r) => r.declared?.period === 'first')).toBe(true);
    const place = all.options.municipalities[0]!;
    const response = await app.inject({ url: `${third}/resultados?municipio=${place.cvegeo}` });
    expect(response.statusCode).toBe(200);
    const filtered = await getPlanResults(database.db, 'tercer-pal-2020-2021', { cvegeo: place.cvegeo });
    expect(filtered.rows.length).toBeGreaterThan(0);
    expect(filtered.rows.every((r) => r.municipalities.includes(place.name))).toBe(true);
    expect(text(response.body)).toContain(`Se muestran ${filtered.rows.length} compromisos.`);
    const whole = text((await app.inject({ url: `${third}/resultados` })).body);
    expect(whole).toContain('Declarado completo con avance calculado menor a 100 %.');
  });

  it('shows a commitment’s evaluation: the report, the values with justifications, the starred formula, the evidence and the assessor by public name', async () => {
    const page = text((await app.inject({ url: `${second}/compromisos/1/evaluacion` })).body);
    expect(page).toContain('Informe final');
    expect(page).toContain('Acceso a la información');
    expect(page).toContain('Impacto potencial');
    expect(page).toContain('Estelar = verificable');
    expect(page).toContain('https://example.org/evaluacion/pal-2017-2019/compromiso-1');
    expect(page).toContain('Equipo de monitoreo local (Observatorio Ciudadano de Durango)');
    const notVerifiable = text((await app.inject({ url: `${second}/compromisos/8/evaluacion` })).body);
    expect(notVerifiable).toContain('No revisable');
    expect(notVerifiable).not.toContain('Impacto potencial');
    expect(notVerifiable).toContain('No es un compromiso estelar.');
  });

  it('speaks English too', async () => {
    const page = text((await app.inject({ url: `${second}/resultados?lang=en` })).body);
    expect(page).toContain('Results: declared and assessed');
    expect(page).toContain('Not reviewable');
  });

  it('links the results from the plan page', async () => {
    const body = (await app.inject({ url: second })).body;
    expect(body.includes(`href="${second}/resultados"`)).toBe(true);
  });
});
