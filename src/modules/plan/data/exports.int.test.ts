import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticPlan } from '../../../demo/synthetic-plan.js';
import { createTestApp } from '../../../testing/test-app.js';
import { TEST_NOW } from '../../../testing/constants.js';
import type { Lifetime } from '../../../testing/test-db.js';
import { translator } from '../../../web/i18n/i18n.js';
import { registry } from '../../../registry.js';
import { EXPORT_PAGE_SIZE } from './export-plan-data.js';

const findDataset = (id: string) => registry.datasets.find((dataset) => dataset.id === id);

const size = { commitments: 3, milestonesPerCommitment: 2, activitiesPerMilestone: 4 };

async function appWithPlan(planSize = size, lifetime: Lifetime = 'test') {
  const setup = await createTestApp({ lifetime });
  await seedSyntheticPlan(setup.database.db, {
    slug: 'plan-de-prueba',
    size: planSize,
    today: TEST_NOW.toISOString().slice(0, 10),
  });
  return setup;
}

/** Parses RFC 4180 CSV (quoted fields with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return records;
}

const planDatasetIds = ['planes-de-accion', 'compromisos', 'hitos', 'actividades', 'evidencias'];

describe('open data of the plan', () => {
  // The tests that only read share one app on the default plan; the large export builds its own.
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await appWithPlan(size, 'file'));
  });
  afterAll(() => app.close());

  it('lists each plan dataset in the catalogue with a data dictionary that names every column it downloads', async () => {
    const page = await app.inject({ url: '/datos' });
    expect(page.statusCode).toBe(200);
    for (const id of planDatasetIds) {
      expect(page.body).toContain(`href="/datos/${id}.csv"`);
      expect(page.body).toContain(`href="/datos/${id}.json"`);
      const dataset = findDataset(id)!;
      const json = (await app.inject({ url: `/datos/${id}.json` })).json() as { data: Record<string, unknown>[] };
      expect(json.data.length).toBeGreaterThan(0);
      expect(Object.keys(json.data[0]!).sort()).toEqual(dataset.fields.map((f) => f.name).sort());
      for (const field of dataset.fields) {
        expect(page.body).toContain(`<code>${field.name}</code>`);
        for (const locale of ['es-MX', 'en'] as const)
          expect(translator(locale)(field.description)).not.toMatch(/^planData\./);
      }
    }
  });

  it('downloads one CSV row and one JSON record per commitment, milestone and activity, with a header row and ISO dates', async () => {
    const expected = { compromisos: 3, hitos: 6, actividades: 24 } as const;
    for (const [id, count] of Object.entries(expected)) {
      const csv = await app.inject({ url: `/datos/${id}.csv` });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="${id}.csv"`);
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
      const [header, ...all] = parseCsv(csv.body.slice(1));
      expect(header).toEqual(findDataset(id)!.fields.map((f) => f.name));
      expect(all.every((row) => row.length === header!.length)).toBe(true);
      // The demo's own plans are there too; count the rows of the synthetic one.
      const rows = all.filter((row) => row[header!.indexOf('ejercicio')] === 'plan-de-prueba');
      expect(rows).toHaveLength(count);

      const json = (await app.inject({ url: `/datos/${id}.json` })).json() as {
        dataset: string;
        count: number;
        data: Record<string, unknown>[];
      };
      expect(json.dataset).toBe(id);
      expect(json.count).toBe(json.data.length);
      expect(json.count).toBe(all.length);
      expect(json.data.filter((row) => row.ejercicio === 'plan-de-prueba')).toHaveLength(count);
    }
    const commitments = (await app.inject({ url: '/datos/compromisos.json' })).json() as {
      data: Record<string, unknown>[];
    };
    const first = commitments.data.find((row) => row.ejercicio === 'plan-de-prueba')!;
    expect(first.numero).toBe(1);
    expect(first.ejercicio).toBe('plan-de-prueba');
    expect(first.inicio).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.creado).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(first.municipios_cvegeo).toMatch(/^10\d{3}$/);
    expect(typeof first.avance).toBe('number');
    expect(first.valores_gobierno_abierto).toMatchObject({ access_to_information: { relevant: true } });
  });

  it('never publishes personal data: contact people, e-mails, phones, responsible persons', async () => {
    for (const id of planDatasetIds) {
      for (const format of ['csv', 'json']) {
        const body = (await app.inject({ url: `/datos/${id}.${format}` })).body;
        expect(body).not.toMatch(/[^\s@",;]+@[^\s@",;]+\.[a-z]{2,}/);
        expect(body).not.toContain('Persona Enlace');
        expect(body).not.toContain('Persona Responsable');
        expect(body).not.toContain('618 000 0000');
      }
    }
  });

  it('streams a large export page by page without losing or repeating a row', async () => {
    const { app: large } = await appWithPlan({
      commitments: 3,
      milestonesPerCommitment: 5,
      activitiesPerMilestone: 90,
    });
    const json = (await large.inject({ url: '/datos/actividades.json' })).json() as {
      count: number;
      data: { id: string; ejercicio: string; compromiso_numero: number }[];
    };
    expect(json.count).toBeGreaterThan(EXPORT_PAGE_SIZE);
    expect(json.data).toHaveLength(json.count);
    expect(new Set(json.data.map((row) => row.id)).size).toBe(json.count);
    const synthetic = json.data.filter((row) => row.ejercicio === 'plan-de-prueba');
    expect(synthetic).toHaveLength(1350);
    const numbers = synthetic.map((row) => row.compromiso_numero);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const csv = await large.inject({ url: '/datos/actividades.csv' });
    expect(parseCsv(csv.body.slice(1))).toHaveLength(json.count + 1);
  });
});
