import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { Dataset } from '../../kernel/dataset.js';
import { registry } from '../../registry.js';
import { createTestApp } from '../../testing/test-app.js';
import { commitments, milestones } from '../plan/schema.js';
import { institutions } from '../directory/schema.js';
import { updateInstitution } from '../directory/update-institution.js';
import { portalActor } from '../../testing/actors.js';
import { eventually } from '../../testing/eventually.js';
import profile from './profiles/tabular-data-package.json' with { type: 'json' };

type Json = Record<string, unknown>;
type Row = Record<string, string>;

/** Parses CSV with Python's csv module (a real RFC 4180 reader, not ours): the header and the rows as objects. */
function parseCsv(csv: string): { header: string[]; rows: Row[] } {
  const script =
    'import csv,json,sys\nr=list(csv.reader(sys.stdin.buffer.read().decode("utf-8-sig").splitlines(keepends=True)))\n' +
    'print(json.dumps({"header":r[0],"rows":[dict(zip(r[0],x)) for x in r[1:]]}))';
  return JSON.parse(execFileSync('python3', ['-c', script], { input: csv, maxBuffer: 256 * 1024 * 1024 }).toString());
}

/** The names and bytes of every entry of a ZIP, read by Python's zipfile (after testing every entry's CRC). */
function unzip(zip: Buffer): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'cocrea-zip-'));
  try {
    writeFileSync(join(dir, 'all.zip'), zip);
    const script =
      'import zipfile,json,sys\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
      'print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))';
    return JSON.parse(
      execFileSync('python3', ['-c', script, join(dir, 'all.zip')], { maxBuffer: 256 * 1024 * 1024 }).toString(),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function validateDataPackage(descriptor: unknown) {
  const schema = { ...(profile as Json) };
  delete schema.$schema; // draft-04: Ajv reads it as the draft it validates anyway
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  const valid = validate(descriptor);
  return { valid, errors: validate.errors ?? [] };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** The CSV rules of the open-data guide, for one value of a column of the declared type. */
function breaksRule(field: Dataset['fields'][number], value: string): string | undefined {
  if (value === '') return field.required ? 'empty but required' : undefined;
  if (field.pattern && !new RegExp(field.pattern).test(value)) return `does not match ${field.pattern}`;
  switch (field.type) {
    case 'date':
      return ISO_DATE.test(value) ? undefined : 'not an ISO 8601 date';
    case 'datetime':
      return ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'not ISO 8601 with offset';
    case 'integer':
      return /^-?\d+$/.test(value) ? undefined : 'not an integer';
    case 'number':
      return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) ? undefined : 'not a number';
    case 'boolean':
      return ['true', 'false'].includes(value) ? undefined : 'not true/false';
    case 'json':
    case 'array':
      try {
        const parsed: unknown = JSON.parse(value);
        return Array.isArray(parsed) === (field.type === 'array') ? undefined : `not a JSON ${field.type}`;
      } catch {
        return 'not JSON';
      }
    default:
      return undefined;
  }
}

describe('the open-data metadata and files', () => {
  let app: FastifyInstance;
  let database: Database;
  const get = (url: string) => app.inject({ url });
  beforeAll(async () => {
    ({ app, database } = await createTestApp({ lifetime: 'file', env: { RENDER_CACHE_SECONDS: '0' } }));
    // Texts that would break a careless CSV: line breaks, commas, quotes, a formula; kept whole in every file.
    const [commitment] = await database.db.select({ id: commitments.id }).from(commitments).limit(1);
    await database.db
      .update(commitments)
      .set({ title: 'Línea uno\r\nlínea dos, con "comillas"', statusNote: '=1+1\nsigue' })
      .where(eq(commitments.id, commitment!.id));
    await database.db.update(milestones).set({ deliverable: 'Informe; anexo, "final"\n2ª parte' });
  });
  afterAll(() => app.close());

  it('datapackage.json is a valid tabular Data Package: one resource per dataset, its Table Schema, keys and licence', async () => {
    const response = await get('/datos/datapackage.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const descriptor = response.json<Json & { resources: (Json & { schema: Json })[] }>();
    const result = validateDataPackage(descriptor);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(descriptor.licenses).toEqual([
      { name: 'libre-uso-mx', title: 'Términos de Libre Uso MX', path: 'https://datos.gob.mx/libreusomx' },
    ]);
    expect(descriptor.resources.map((resource) => resource.name)).toEqual(registry.datasets.map((d) => d.id));
    const names = new Set(registry.datasets.map((d) => d.id));
    for (const dataset of registry.datasets) {
      const resource = descriptor.resources.find((r) => r.name === dataset.id)!;
      expect(resource.path).toMatch(new RegExp(`/datos/${dataset.id}\\.csv$`));
      const schema = resource.schema as { fields: Json[]; primaryKey?: string[]; foreignKeys?: Json[] };
      expect(schema.fields.map((f) => f.name)).toEqual(dataset.fields.map((f) => f.name));
      for (const key of dataset.primaryKey ?? []) expect(schema.fields.map((f) => f.name)).toContain(key);
      for (const key of dataset.foreignKeys ?? []) {
        expect(names.has(key.reference.dataset), `${dataset.id} → ${key.reference.dataset}`).toBe(true);
        const target = registry.datasets.find((d) => d.id === key.reference.dataset)!;
        for (const field of key.reference.fields) expect(target.fields.map((f) => f.name)).toContain(field);
      }
    }
    const commitmentsSchema = descriptor.resources.find((r) => r.name === 'compromisos')!.schema;
    expect(commitmentsSchema).toMatchObject({
      primaryKey: ['id'],
      foreignKeys: [{ fields: ['ejercicio'], reference: { resource: 'planes-de-accion', fields: ['ejercicio'] } }],
    });
    const municipalities = descriptor.resources.find((r) => r.name === 'municipios')!.schema as { fields: Json[] };
    expect(municipalities.fields.find((f) => f.name === 'cvegeo')).toMatchObject({
      type: 'string',
      constraints: { required: true, pattern: '^[0-9]{5}$' },
    });
    // A descriptor that breaks the profile is refused: the validation is real.
    expect(validateDataPackage({ ...descriptor, resources: [{ name: 'Mal Nombre', path: 'x.csv' }] }).valid).toBe(
      false,
    );
  });

  it('every key holds in the data: primary keys are unique and never empty, foreign keys point to existing rows', async () => {
    const rowsOf = new Map<string, Row[]>();
    for (const dataset of registry.datasets)
      rowsOf.set(dataset.id, parseCsv((await get(`/datos/${dataset.id}.csv`)).body).rows);
    for (const dataset of registry.datasets) {
      const rows = rowsOf.get(dataset.id)!;
      if (dataset.primaryKey) {
        const keys = rows.map((row) => JSON.stringify(dataset.primaryKey!.map((f) => row[f])));
        expect(new Set(keys).size, `${dataset.id} primary key unique`).toBe(keys.length);
        for (const row of rows) for (const f of dataset.primaryKey) expect(row[f], `${dataset.id}.${f}`).not.toBe('');
      }
      for (const key of dataset.foreignKeys ?? []) {
        const targets = new Set(
          rowsOf.get(key.reference.dataset)!.map((row) => JSON.stringify(key.reference.fields.map((f) => row[f]))),
        );
        for (const row of rows) {
          const value = key.fields.map((f) => row[f]);
          if (value.every((part) => part === '')) continue;
          expect(targets.has(JSON.stringify(value)), `${dataset.id} ${value.join(',')}`).toBe(true);
        }
      }
    }
    expect(rowsOf.get('compromisos')!.length).toBeGreaterThan(0);
    expect(rowsOf.get('hitos')!.length).toBeGreaterThan(0);
  });

  it('data.json is a DCAT-US v1.1 catalogue: each dataset with its distributions, licence, dates, publisher and keywords', async () => {
    const response = await get('/datos/data.json');
    expect(response.statusCode).toBe(200);
    const catalogue = response.json<Json & { dataset: (Json & { distribution: Json[] })[] }>();
    expect(catalogue).toMatchObject({
      '@type': 'dcat:Catalog',
      conformsTo: 'https://project-open-data.cio.gov/v1.1/schema',
    });
    expect(catalogue.dataset).toHaveLength(registry.datasets.length);
    for (const entry of catalogue.dataset) {
      for (const required of [
        'title',
        'description',
        'keyword',
        'modified',
        'publisher',
        'contactPoint',
        'identifier',
        'accessLevel',
        'license',
        'distribution',
      ])
        expect(entry, `${String(entry.title)} ${required}`).toHaveProperty(required);
      expect(String(entry.identifier)).toMatch(/^[\x21-\x7e]+$/);
      expect(entry.accessLevel).toBe('public');
      expect(entry.license).toBe('https://datos.gob.mx/libreusomx');
      expect(String(entry.modified)).toMatch(ISO_DATETIME);
      expect((entry.keyword as string[]).length).toBeGreaterThan(0);
      expect(entry.publisher).toMatchObject({ name: expect.any(String) });
      expect(String((entry.contactPoint as Json).hasEmail)).toMatch(/^mailto:[^@\s]+@[^@\s]+$/);
      expect(entry.distribution.map((d) => d.mediaType)).toEqual(['text/csv', 'application/json']);
      for (const distribution of entry.distribution) {
        const url = new URL(String(distribution.downloadURL));
        expect((await get(url.pathname)).statusCode, url.pathname).toBe(200);
      }
      expect((await get(new URL(String(entry.describedBy)).pathname)).statusCode).toBe(200);
    }
  });

  it('each dataset has a bilingual dictionary in CSV and JSON, linked from /datos with the bulk ZIP and the metadata', async () => {
    const page = (await get('/datos')).body;
    for (const href of ['/datos/datos-abiertos.zip', '/datos/datapackage.json', '/datos/data.json'])
      expect(page).toContain(`href="${href}"`);
    for (const dataset of registry.datasets) {
      expect(page).toContain(`href="/datos/${dataset.id}/diccionario.csv"`);
      expect(page).toContain(`href="/datos/${dataset.id}/diccionario.json"`);
      const csv = await get(`/datos/${dataset.id}/diccionario.csv`);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const { header, rows } = parseCsv(csv.body);
      expect(header).toEqual(expect.arrayContaining(['campo', 'tipo', 'descripcion', 'description_en']));
      expect(rows.map((row) => row.campo)).toEqual(dataset.fields.map((f) => f.name));
      for (const row of rows) {
        expect(row.descripcion, `${dataset.id}.${row.campo}`).not.toBe('');
        expect(row.description_en, `${dataset.id}.${row.campo}`).not.toBe('');
      }
      const json = (await get(`/datos/${dataset.id}/diccionario.json`)).json<{
        fields: Json[];
        primaryKey: string[];
      }>();
      expect(json.fields.map((f) => f.campo)).toEqual(dataset.fields.map((f) => f.name));
      expect(json.primaryKey).toEqual(dataset.primaryKey ?? []);
    }
    expect((await get('/datos/no-existe/diccionario.csv')).statusCode).toBe(404);
  });

  it('the ZIP holds every dataset (CSV and JSON, the same bytes as alone), the dictionaries and a valid datapackage.json', async () => {
    const response = await get('/datos/datos-abiertos.zip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzip(response.rawPayload);
    const descriptor = JSON.parse(files['datapackage.json']!) as { resources: { name: string; path: string }[] };
    expect(validateDataPackage(descriptor).errors).toEqual([]);
    expect(JSON.parse(files['data.json']!)).toMatchObject({ '@type': 'dcat:Catalog' });
    for (const dataset of registry.datasets) {
      const resource = descriptor.resources.find((r) => r.name === dataset.id)!;
      expect(files[resource.path], resource.path).toBe((await get(`/datos/${dataset.id}.csv`)).body);
      expect(JSON.parse(files[`datos/${dataset.id}.json`]!)).toEqual((await get(`/datos/${dataset.id}.json`)).json());
      expect(files[`diccionarios/${dataset.id}.csv`]).toBe((await get(`/datos/${dataset.id}/diccionario.csv`)).body);
      expect(files[`diccionarios/${dataset.id}.json`]).toBeDefined();
    }
    expect(Object.keys(files)).toHaveLength(2 + 4 * registry.datasets.length);
  });

  it('every dataset CSV keeps the rules: UTF-8 with BOM, dictionary headers, one row per record, ISO dates, INEGI codes as text', async () => {
    for (const dataset of registry.datasets) {
      const response = await get(`/datos/${dataset.id}.csv`);
      expect(response.headers['content-type'], dataset.id).toBe('text/csv; charset=utf-8');
      const bytes = response.rawPayload;
      expect([...bytes.subarray(0, 3)], `${dataset.id} starts with the UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).toBe(response.body);
      const { header, rows } = parseCsv(response.body);
      expect(header, dataset.id).toEqual(dataset.fields.map((f) => f.name));
      // As many records as the JSON version has: no total row, and no value broke a row in two.
      const json = (await get(`/datos/${dataset.id}.json`)).json<{ count: number; data: Json[] }>();
      expect(rows.length, dataset.id).toBe(json.count);
      for (const row of rows) {
        expect(
          Object.values(row).some((cell) => /^total(es)?$/i.test(cell.trim())),
          dataset.id,
        ).toBe(false);
        for (const field of dataset.fields) {
          const problem = breaksRule(field, row[field.name]!);
          expect(problem, `${dataset.id}.${field.name} = ${row[field.name]}`).toBeUndefined();
        }
      }
    }
    const municipalities = (await get('/datos/municipios.csv')).body;
    expect(municipalities).toMatch(/\r\n10001,10,[^,\r\n]+,\d+,001\r\n/);
    expect((await get('/datos/municipios.json')).json<{ data: Json[] }>().data[0]).toMatchObject({
      cvegeo: expect.stringMatching(/^\d{5}$/),
      clave_municipio: expect.stringMatching(/^\d{3}$/),
    });
    const commitmentRows = parseCsv((await get('/datos/compromisos.csv')).body).rows;
    expect(commitmentRows.map((row) => row.titulo)).toContain('Línea uno\r\nlínea dos, con "comillas"');
    expect(commitmentRows.map((row) => row.nota_estado)).toContain("'=1+1\nsigue");
    expect(parseCsv((await get('/datos/hitos.csv')).body).rows[0]!.entregable).toBe(
      'Informe; anexo, "final"\n2ª parte',
    );
  });

  it('keeps the metadata in the render cache until a public write, which shows at once', async () => {
    const cached = await createTestApp();
    try {
      for (const url of ['/datos/datapackage.json', '/datos/data.json', '/datos/compromisos/diccionario.json']) {
        const first = await cached.app.inject({ url });
        const again = await cached.app.inject({ url });
        expect(again.headers['x-render-cache'], url).toBe('hit');
        expect(again.body, url).toBe(first.body);
        expect(again.headers['access-control-allow-origin'], url).toBe('*');
      }
      const before = (await cached.app.inject({ url: '/datos/data.json' })).json<{ dataset: { modified: string }[] }>();
      const [institution] = await cached.database.db.select().from(institutions).limit(1);
      await updateInstitution(
        cached.database.db,
        institution!.id,
        { name: `${institution!.name} (renombrada)`, kind: institution!.kind, isGovernment: institution!.isGovernment },
        portalActor,
      );
      const after = await eventually(
        () => cached.app.inject({ url: '/datos/data.json' }),
        (response) =>
          response.json<{ dataset: { modified: string }[] }>().dataset[0]!.modified !== before.dataset[0]!.modified,
      );
      expect(after.headers['x-render-cache']).toBe('miss');
    } finally {
      await cached.app.close();
    }
  });
});
