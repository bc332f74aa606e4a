import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import type { Deprecation } from './kernel/dataset.js';
import type { ModuleManifest } from './kernel/manifest.js';
import { createRegistry } from './kernel/registry.js';
import {
  currentCatalogue,
  notYetInSnapshot,
  withdrawnWithoutNotice,
  type PublishedCatalogue,
} from './modules/opendata/permanence.js';
import { registry } from './registry.js';
import { createTestApp } from './testing/test-app.js';

/*
 * Permanence (issue 15, item 7): src/modules/opendata/published.json lists everything the portal has published. A
 * dataset, a column, an API route or a property of an API answer may only disappear with a deprecation entry (date,
 * reason, replacement) in its module's manifest, and that entry shows on /datos and in the OpenAPI document.
 */

const SNAPSHOT = 'src/modules/opendata/published.json';
const published = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as PublishedCatalogue;

type Json = Record<string, unknown>;

describe('what is published stays published', () => {
  it('everything in published.json is still published or has a deprecation entry, and everything published is listed', async () => {
    const { app } = await createTestApp({ lifetime: 'file' });
    const document = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    const current = currentCatalogue(registry.datasets, document);
    expect(
      withdrawnWithoutNotice(published, current, registry.deprecations),
      'withdrawn without a deprecation entry in its module manifest',
    ).toEqual([]);
    // A new column goes after the published ones: scripts that read columns by position keep working.
    for (const [id, fields] of Object.entries(published.datasets)) {
      const now = current.datasets[id];
      if (now && fields.every((field) => now.includes(field)))
        expect(now.slice(0, fields.length), `${id}: new columns only at the end`).toEqual(fields);
    }
    expect(
      notYetInSnapshot(published, current),
      `published now but missing from ${SNAPSHOT}: add them to the snapshot`,
    ).toEqual([]);
    await app.close();
  });

  it('a removed field, route or answer property fails the check unless its module declared a deprecation', () => {
    const current: PublishedCatalogue = structuredClone(published);
    current.datasets.compromisos = current.datasets.compromisos!.filter((field) => field !== 'tema');
    delete current.datasets.municipios;
    current.routes = current.routes.filter((route) => route !== 'GET /api/v1/plans/{id}');
    current.properties.Commitment = current.properties.Commitment!.filter((path) => !path.startsWith('milestones'));
    const gone = withdrawnWithoutNotice(published, current, []);
    expect(gone).toEqual(
      expect.arrayContaining([
        'field:compromisos/tema',
        'dataset:municipios',
        'field:municipios/cvegeo',
        'route:GET /api/v1/plans/{id}',
        'property:Commitment/milestones',
      ]),
    );
    const announced = (subject: Deprecation['subject']): Deprecation => ({
      subject,
      since: '2027-01-15',
      reason: 'openData.title',
    });
    expect(
      withdrawnWithoutNotice(published, current, [
        announced('field:compromisos/tema'),
        announced('dataset:municipios'),
        announced('route:GET /api/v1/plans/{id}'),
        announced('property:Commitment/milestones'),
      ]),
    ).toEqual([]);
  });

  it('a deprecation declared in a manifest shows on /datos, in the OpenAPI document and in the headers of the route', async () => {
    const reason = 'test.deprecation.reason' as Deprecation['reason'];
    const announcing: ModuleManifest = {
      name: 'announces-deprecations',
      messages: [
        {
          es: { [reason]: 'La columna se sustituye por una lista de temas.' },
          en: { [reason]: 'The column is replaced by a list of themes.' },
        },
      ],
      deprecations: [
        { subject: 'field:compromisos/tema', since: '2027-01-15', reason, replacement: 'field:compromisos/temas' },
        { subject: 'dataset:viejo-conjunto', since: '2026-01-15', sunset: '2026-07-15', reason },
        { subject: 'route:GET /api/v1/plans/{id}', since: '2027-01-15', sunset: '2027-07-15', reason },
        {
          subject: 'property:Commitment/theme',
          since: '2027-01-15',
          reason,
          replacement: 'property:Commitment/themes',
        },
      ],
    };
    const { app } = await createTestApp({ registry: createRegistry([...registry.modules, announcing]) });
    const page = (await app.inject({ url: '/datos' })).body;
    expect(page).toContain('Obsoleto desde el 2027-01-15: La columna se sustituye por una lista de temas.');
    expect(page).toContain('En su lugar usa field:compromisos/temas.');
    expect(page).toContain('Conjuntos de datos retirados');
    expect(page).toContain('<code>viejo-conjunto</code>');
    const english = (await app.inject({ url: '/datos', headers: { 'accept-language': 'en' } })).body;
    expect(english).toContain('Deprecated since 2027-01-15: The column is replaced by a list of themes.');
    const descriptor = (await app.inject({ url: '/datos/datapackage.json' })).json<{
      resources: { name: string; schema: { fields: Json[] } }[];
    }>();
    const theme = descriptor.resources
      .find((r) => r.name === 'compromisos')!
      .schema.fields.find((f) => f.name === 'tema');
    expect(String(theme!.description)).toContain('Obsoleto desde el 2027-01-15');

    const document = (await app.inject({ url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get: Json }>;
      components: { schemas: Record<string, { properties: Record<string, Json> }> };
    }>();
    expect(document.paths['/api/v1/plans/{id}']!.get).toMatchObject({
      deprecated: true,
      description: expect.stringContaining('Deprecated since 2027-01-15'),
    });
    expect(document.paths['/api/v1/plans']!.get.deprecated).toBeUndefined();
    expect((await new Validator().validate(document)).valid, 'still a valid OpenAPI 3.1 document').toBe(true);
    expect(document.components.schemas.Commitment!.properties.theme).toMatchObject({
      deprecated: true,
      description: expect.stringContaining('Use property:Commitment/themes instead.'),
    });
    const [plan] = (await app.inject({ url: '/api/v1/plans?limit=1' })).json<{ data: { id: string }[] }>().data;
    const answer = await app.inject({ url: `/api/v1/plans/${plan!.id}` });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers.deprecation).toBe(`@${Date.parse('2027-01-15T00:00:00Z') / 1000}`);
    expect(answer.headers.sunset).toBe('Thu, 15 Jul 2027 00:00:00 GMT');
    expect((await app.inject({ url: '/api/v1/plans?limit=1' })).headers.deprecation).toBeUndefined();
    await app.close();
  });
});
