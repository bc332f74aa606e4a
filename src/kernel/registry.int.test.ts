import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { parseConfig } from '../config.js';
import { registry } from '../registry.js';
import { TEST_NOW } from '../testing/constants.js';
import { SAMPLE_NOTE_ID, sampleModule } from '../testing/sample-module/module.js';
import { signInAs } from '../testing/sign-in.js';
import { createTestDatabase } from '../testing/test-db.js';
import { access } from './access.js';
import type { ModuleManifest } from './manifest.js';
import { createRegistry } from './registry.js';

const appWith = async (modules: readonly ModuleManifest[]) => {
  const database = await createTestDatabase({ withDemo: true });
  const app = await buildApp({
    config: parseConfig({ LOG_LEVEL: 'silent' }),
    database,
    now: () => TEST_NOW,
    registry: createRegistry(modules),
  });
  await app.ready();
  return { app, database };
};

describe('the module registry', () => {
  it('serves a new module written only in its folder and added to the registry: its page, its access, its dataset, its comment targets and its labels', async () => {
    const { app, database } = await appWith([...registry.modules, sampleModule]);

    const page = await app.inject({ url: '/muestra' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Este módulo vive en su carpeta y en una línea del registro.');
    expect((await app.inject({ url: '/muestra?lang=en' })).body).toContain(
      'This module lives in its folder and one line of the registry.',
    );

    // Its protected page is refused by the same declared-access check as every other route.
    expect((await app.inject({ url: '/muestra/privada' })).statusCode).toBe(303);
    const participant = await signInAs(database);
    expect((await app.inject({ url: '/muestra/privada', cookies: participant.cookies })).statusCode).toBe(403);
    const evaluator = await signInAs(database, { roles: [{ role: 'evaluator' }] });
    expect((await app.inject({ url: '/muestra/privada', cookies: evaluator.cookies })).statusCode).toBe(200);
    expect(app.declaredRoutes).toContainEqual({
      method: 'GET',
      url: '/muestra/privada',
      access: { roles: ['evaluator'] },
    });

    // The open-data catalogue lists its dataset and serves it.
    const catalogue = await app.inject({ url: '/datos' });
    expect(catalogue.body).toContain('Notas de muestra');
    const csv = await app.inject({ url: '/datos/notas-de-muestra.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Una nota');

    // Participation takes its records as comment targets without knowing the module.
    const form = await app.inject({
      url: `/participacion/sample_note/${SAMPLE_NOTE_ID}/comentar`,
      cookies: participant.cookies,
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Comentar: Nota de muestra');
    expect(
      (
        await app.inject({
          url: `/participacion/sample_note/00000000-0000-0000-0000-000000000000/comentar`,
          cookies: participant.cookies,
        })
      ).statusCode,
    ).toBe(404);

    // The history names its statuses in words.
    expect(
      createRegistry([...registry.modules, sampleModule]).records.valueLabel('sample_note', 'status', 'open'),
    ).toBe('sample.status.open');
  }, 120_000);

  it('does not serve the sample module from the portal itself', async () => {
    const { app } = await appWith(registry.modules);
    expect((await app.inject({ url: '/muestra' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/datos' })).body).not.toContain('Notas de muestra');
  });

  it('refuses to start when a route does not declare who may use it', async () => {
    const careless: ModuleManifest = {
      name: 'careless',
      routes: (app) => {
        app.get('/descuidada', async () => 'hola');
      },
    };
    await expect(appWith([...registry.modules, careless])).rejects.toThrow('Route GET /descuidada declares no access');
  });

  it('refuses two modules that claim the same record type, dataset or name', () => {
    const twin: ModuleManifest = { name: 'twin', records: { commitment: { publicFields: [] } } };
    expect(() => createRegistry([...registry.modules, twin])).toThrow(
      'Record type "commitment" is declared by both plan and twin',
    );
    expect(() => createRegistry([...registry.modules, { name: 'plan' }])).toThrow('Module "plan" is registered twice');
    const dataset = { ...sampleModule.datasets![0]!, id: 'municipios' };
    expect(() => createRegistry([...registry.modules, { name: 'copy', datasets: [dataset] }])).toThrow(
      'Dataset "municipios" is declared by both directory and copy',
    );
  });

  it('gives every route of the portal a declared access', async () => {
    const { app } = await appWith(registry.modules);
    expect(
      app.declaredRoutes.every(
        (route) => route.access === 'public' || route.access === 'signed-in' || route.access.roles.length > 0,
      ),
    ).toBe(true);
    expect(access.roles('admin')).toEqual({ config: { access: { roles: ['admin'] } } });
  });
});
