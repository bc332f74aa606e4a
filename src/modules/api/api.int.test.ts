import type { FastifyInstance } from 'fastify';
import { Validator } from '@seriousme/openapi-schema-validator';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { portalActor } from '../../testing/actors.js';
import { countQueries } from '../../testing/count-queries.js';
import { eventually } from '../../testing/eventually.js';
import { createTestApp } from '../../testing/test-app.js';
import { institutions } from '../directory/schema.js';
import { createExercise } from '../exercises/create-exercise.js';
import { actionPlans, activities, commitments, milestones } from '../plan/schema.js';
import { LICENCE_URL } from './routes.js';

type Json = Record<string, unknown>;

/** Tests that write straight into the tables (as no use case would) read without the render cache. */
const directWrites = { env: { RENDER_CACHE_SECONDS: '0' } };
type ListBody = { data: Json[]; links: { self: string; next: string | null } };

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

/** Every row of a collection, following links.next; `between` runs before each next page is asked for. */
async function walk(
  app: FastifyInstance,
  firstUrl: string,
  between: (page: number) => Promise<void> = async () => {},
): Promise<Json[]> {
  const rows: Json[] = [];
  let url: string | null = firstUrl;
  for (let page = 0; url !== null; page++) {
    const response = await get(app, url);
    expect(response.statusCode, url).toBe(200);
    const body = response.json<ListBody>();
    rows.push(...body.data);
    url = body.links.next === null ? null : new URL(body.links.next).pathname + new URL(body.links.next).search;
    if (url) await between(page);
  }
  return rows;
}

/** A public commitment of the demo (in implementation, in a public plan). */
async function publicCommitment(db: Db) {
  const [row] = await db
    .select({
      id: commitments.id,
      number: commitments.number,
      title: commitments.title,
      planId: commitments.planId,
      leadInstitutionId: commitments.leadInstitutionId,
    })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .where(and(eq(commitments.status, 'in_implementation'), ne(actionPlans.status, 'draft')))
    .orderBy(commitments.number)
    .limit(1);
  if (!row) throw new Error('the demo has no public commitment');
  return row;
}

describe('the public API, read only', () => {
  let app: FastifyInstance;
  let db: Db;
  beforeAll(async () => {
    ({
      app,
      database: { db },
    } = await createTestApp({ lifetime: 'file' }));
  });
  afterAll(() => app.close());

  it('answers any origin, names the licence, and never sets a cookie, not even for ?lang= or a stale session', async () => {
    const { id } = await publicCommitment(db);
    for (const [url, headers] of [
      [`/api/v1/commitments/${id}?lang=en`, {}],
      ['/api/v1/plans', { cookie: 'sid=stale-session-token; lang=en' }],
      ['/api/v1/commitments/not-an-id', { cookie: 'sid=stale-session-token' }],
    ] as const) {
      const response = await get(app, url, headers);
      expect(response.headers['access-control-allow-origin'], url).toBe('*');
      expect(response.headers.link, url).toBe(`<${LICENCE_URL}>; rel="license"`);
      expect(response.headers['set-cookie'], url).toBeUndefined();
    }
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/commitments',
      headers: { origin: 'https://periodico.example', 'access-control-request-headers': 'if-none-match' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/If-None-Match/);
  });

  it('refuses every method but GET and HEAD with a 405 naming them, without asking for a session or a form token', async () => {
    const { id } = await publicCommitment(db);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await app.inject({ method, url: `/api/v1/commitments/${id}`, payload: { title: 'cambiado' } });
      expect(response.statusCode, method).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const head = await app.inject({ method: 'HEAD', url: `/api/v1/commitments/${id}` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe((await get(app, `/api/v1/commitments/${id}`)).headers.etag);
  });

  it('answers errors as problem+json in the caller’s language: 400 for a bad limit, cursor or id, 404 for an unknown id or route', async () => {
    const cases = [
      ['/api/v1/commitments?limit=0', 400, /limit/],
      ['/api/v1/commitments?limit=501', 400, /limit/],
      ['/api/v1/commitments?limit=diez', 400, /limit/],
      ['/api/v1/commitments?cursor=no-es-un-cursor', 400, /cursor/],
      ['/api/v1/commitments/123', 400, /UUID/],
      ['/api/v1/municipalities/123', 400, /INEGI/],
      ['/api/v1/commitments/00000000-0000-4000-8000-000000000000', 404, /registro público/],
      ['/api/v1/compromisos', 404, /\/api/],
    ] as const;
    for (const [url, status, detail] of cases) {
      const response = await get(app, url);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      const problem = response.json<Json>();
      expect(problem, url).toMatchObject({
        status,
        type: expect.stringMatching(/\/api#(bad-parameter|not-found)$/),
        title: expect.any(String),
      });
      expect(problem.detail, url).toMatch(detail);
    }
    // A cursor of another collection, or of the right shape with an impossible instant, is refused too (not a 500).
    const changeCursor = new URL(
      (await get(app, '/api/v1/changes?limit=1')).json<ListBody>().links.next!,
    ).searchParams.get('cursor')!;
    const impossible = (instant: string) =>
      Buffer.from(JSON.stringify([instant, '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    for (const cursor of [
      changeCursor,
      impossible('2020-13-45T00:00:00.000000Z'),
      impossible('2021-02-30T00:00:00.000000Z'),
    ]) {
      const response = await get(app, `/api/v1/commitments?cursor=${cursor}`);
      expect(response.statusCode, cursor).toBe(400);
      expect(response.json<Json>().detail).toMatch(/cursor/);
    }
    const spanish = (await get(app, '/api/v1/commitments?limit=0')).json<Json>();
    expect(spanish).toMatchObject({
      title: 'Parámetro no válido',
      detail: 'limit debe ser un número entero de 1 a 500.',
    });
    const byHeader = (
      await get(app, '/api/v1/commitments?limit=0', { 'accept-language': 'en-US,en;q=0.9' })
    ).json<Json>();
    expect(byHeader).toMatchObject({
      title: 'Invalid parameter',
      detail: 'limit must be a whole number from 1 to 500.',
    });
    const byQuery = await get(app, '/api/v1/plans/00000000-0000-4000-8000-000000000000?lang=en');
    expect(byQuery.json<Json>()).toMatchObject({ status: 404, title: 'Not found' });
    expect(byQuery.headers['content-language']).toBe('en');
  });

  it('sends an ETag and Last-Modified, and a 304 without a body when the caller already has the page', async () => {
    const first = await get(app, '/api/v1/institutions?limit=5');
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    expect(Number.isNaN(Date.parse(String(first.headers['last-modified'])))).toBe(false);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const again = await get(app, '/api/v1/institutions?limit=5', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const otherPage = await get(app, '/api/v1/institutions?limit=6', { 'if-none-match': String(first.headers.etag) });
    expect(otherPage.statusCode).toBe(200);
  });
});

describe('the OpenAPI document and the /api page', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await createTestApp({ lifetime: 'file' }));
  });
  afterAll(() => app.close());

  const documentOf = async () =>
    (await get(app, '/api/v1/openapi.json')).json<{
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    }>();

  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await documentOf();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every /api/v1 route of the app, and every documented route answers 200 for a demo record', async () => {
    const document = await documentOf();
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = app.declaredRoutes
      .filter((route) => route.url.startsWith('/api/v1/') && route.method === 'GET')
      .map((route) => `GET ${route.url.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(registered.length).toBeGreaterThan(20);
    expect(
      registered.filter((route) => !documented.includes(route)),
      'registered but not documented',
    ).toEqual([]);
    expect(
      documented.filter((route) => !registered.includes(route)),
      'documented but not registered',
    ).toEqual([]);

    // A real key for each item route, taken from the first row of its collection.
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        let url = path;
        const pathParameter = operation.parameters?.find((parameter) => parameter.in === 'path');
        if (pathParameter) {
          const collection = path.slice(0, path.lastIndexOf('/'));
          const [first] = (await get(app, `${collection}?limit=1`)).json<ListBody>().data;
          expect(first, `${collection} has a demo row`).toBeDefined();
          url = path.replace(
            `{${pathParameter.name}}`,
            String(first![pathParameter.name === 'id' ? 'id' : pathParameter.name]),
          );
        }
        const response = await app.inject({ method: method.toUpperCase() as 'GET', url });
        expect(response.statusCode, `${method.toUpperCase()} ${url}`).toBe(200);
      }
    }
  });

  it('/api, linked from /datos, lists every documented route and shows a curl example that fetches one commitment, in Spanish and English', async () => {
    const document = await documentOf();
    const spanish = await get(app, '/api');
    expect(spanish.statusCode).toBe(200);
    expect(spanish.body).toContain('<h1>API pública</h1>');
    for (const path of Object.keys(document.paths)) expect(spanish.body, path).toContain(path);
    const example = /curl (https?:\/\/[^\s<]+)/.exec(spanish.body);
    expect(example).not.toBeNull();
    const commitment = await get(app, new URL(example![1]!).pathname);
    expect(commitment.statusCode).toBe(200);
    expect(commitment.json<Json>()).toHaveProperty('milestones');
    const english = await get(app, '/api', { 'accept-language': 'en' });
    expect(english.body).toContain('<h1>Public API</h1>');
    expect(english.body).toContain('Routes of version 1 of the API');
    expect(spanish.body).not.toMatch(/<script[^>]+src="https?:/);
    // People looking for data find it from the open-data page.
    expect((await get(app, '/datos')).body).toContain('<a href="/api">API pública de datos abiertos</a>');
  });
});

describe('one commitment', () => {
  it('has every OGP template field, its milestones with dates and weights and its progress, and no contact person, e-mail or phone', async () => {
    const { app, database } = await createTestApp(directWrites);
    const { db } = database;
    const demo = await publicCommitment(db);
    const canary = {
      name: 'Persona Canario Ejemplar',
      position: 'Enlace',
      email: 'canario.personal@ejemplo.mx',
      phone: '+52 618 555 0199',
    };
    await db
      .update(commitments)
      .set({ contacts: [canary] })
      .where(eq(commitments.id, demo.id));
    const stored = await db.select().from(milestones).where(eq(milestones.commitmentId, demo.id));
    await db
      .update(activities)
      .set({ responsiblePerson: canary.name })
      .where(
        inArray(
          activities.milestoneId,
          stored.map((m) => m.id),
        ),
      );

    const response = await get(app, `/api/v1/commitments/${demo.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const commitment = response.json<Json & { milestones: Json[] }>();
    expect(commitment).toMatchObject({
      id: demo.id,
      number: demo.number,
      title: demo.title,
      planId: demo.planId,
      leadInstitution: { id: demo.leadInstitutionId },
    });
    for (const field of [
      'publicProblem',
      'baseline',
      'causes',
      'description',
      'objective',
      'howItSolves',
      'ogpValues',
      'indicator',
      'goal',
      'assumptions',
      'alignmentStatePlan',
      'alignmentSdgs',
      'alignmentGender',
      'smart',
      'coResponsible',
      'municipalities',
      'startsOn',
      'endsOn',
      'status',
      'progress',
    ]) {
      expect(commitment, field).toHaveProperty(field);
    }
    expect(commitment.milestones.map((m) => m.id).sort()).toEqual(stored.map((m) => m.id).sort());
    for (const milestone of stored) {
      expect(commitment.milestones.find((m) => m.id === milestone.id)).toMatchObject({
        plannedStart: milestone.plannedStart,
        plannedEnd: milestone.plannedEnd,
        weight: milestone.weight,
        progress: milestone.progress,
      });
    }
    const activityPages = await walk(app, `/api/v1/activities?commitment=${demo.id}`);
    expect(activityPages.length).toBeGreaterThan(0);
    for (const body of [response.body, JSON.stringify(activityPages)]) {
      for (const value of Object.values(canary).filter((value) => value !== 'Enlace'))
        expect(body).not.toContain(value);
    }
    await app.close();
  });
});

describe('pages of a collection', () => {
  it('returns each row exactly once while rows are added between pages', async () => {
    const { app, database } = await createTestApp(directWrites);
    const { db } = database;
    const [publicOne] = await db
      .select({ planId: commitments.planId, leadInstitutionId: commitments.leadInstitutionId })
      .from(commitments)
      .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
      .where(and(eq(commitments.status, 'in_implementation'), ne(actionPlans.status, 'draft')))
      .limit(1);
    const before = await walk(app, '/api/v1/commitments?limit=500');
    expect(before.length).toBeGreaterThan(10);

    let added = 0;
    const walked = await walk(app, '/api/v1/commitments?limit=4', async () => {
      added += 1;
      // Half of them sort before the rows already read (an OFFSET would then repeat a row), half after.
      const createdAt = added % 2 === 0 ? new Date('2000-01-01T00:00:00Z') : undefined;
      await db.insert(commitments).values({
        planId: publicOne!.planId,
        leadInstitutionId: publicOne!.leadInstitutionId,
        number: 9000 + added,
        title: `Agregado a media lectura ${added}`,
        status: 'in_implementation',
        ...(createdAt ? { createdAt } : {}),
      });
    });
    const ids = walked.map((row) => row.id);
    expect(added).toBeGreaterThan(2);
    expect(new Set(ids).size, 'no row twice').toBe(ids.length);
    for (const row of before)
      expect(
        ids.filter((id) => id === row.id),
        String(row.title),
      ).toHaveLength(1);

    const after = await walk(app, '/api/v1/commitments?limit=500');
    expect(after.length).toBe(before.length + added);
    await app.close();
  });

  it('keeps drafts off: no draft plan, no draft commitment nor one in co-creation, nor their activities', async () => {
    const { app, database } = await createTestApp(directWrites);
    const { db } = database;
    const [hidden] = await db
      .select({ id: commitments.id, planId: commitments.planId })
      .from(commitments)
      .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
      .where(and(eq(commitments.status, 'in_implementation'), ne(actionPlans.status, 'draft')))
      .limit(1);
    const [activity] = await db
      .select({ id: activities.id })
      .from(activities)
      .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
      .where(eq(milestones.commitmentId, hidden!.id))
      .limit(1);
    expect((await get(app, `/api/v1/commitments/${hidden!.id}`)).statusCode).toBe(200);
    expect((await get(app, `/api/v1/activities/${activity!.id}`)).statusCode).toBe(200);

    await db.update(commitments).set({ status: 'cocreation' }).where(eq(commitments.id, hidden!.id));
    expect((await get(app, `/api/v1/commitments/${hidden!.id}`)).statusCode).toBe(404);
    expect((await get(app, `/api/v1/activities/${activity!.id}`)).statusCode).toBe(404);
    expect((await walk(app, '/api/v1/commitments?limit=500')).map((row) => row.id)).not.toContain(hidden!.id);
    expect((await walk(app, '/api/v1/activities?limit=500')).map((row) => row.id)).not.toContain(activity!.id);

    await db.update(commitments).set({ status: 'in_implementation' }).where(eq(commitments.id, hidden!.id));
    await db.update(actionPlans).set({ status: 'draft' }).where(eq(actionPlans.id, hidden!.planId));
    expect((await get(app, `/api/v1/plans/${hidden!.planId}`)).statusCode).toBe(404);
    expect((await get(app, `/api/v1/commitments/${hidden!.id}`)).statusCode).toBe(404);
    expect((await walk(app, '/api/v1/plans?limit=500')).map((row) => row.id)).not.toContain(hidden!.planId);
    await app.close();
  });

  it('answers a repeated request from the render cache without a query, and a public write through a use case shows at once with a new ETag', async () => {
    const { app, database } = await createTestApp();
    const url = '/api/v1/exercises?limit=500';
    const first = await get(app, url);
    expect(first.headers['x-render-cache']).toBe('miss');
    const { count, result: again } = await countQueries(database, () => get(app, url));
    expect(count).toBe(0);
    expect(again.headers['x-render-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    for (const header of [
      'etag',
      'last-modified',
      'cache-control',
      'access-control-allow-origin',
      'link',
      'content-type',
    ])
      expect(again.headers[header], header).toBe(first.headers[header]);
    expect((await get(app, url, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);

    const [institution] = await database.db.select({ id: institutions.id }).from(institutions).limit(1);
    await createExercise(
      database.db,
      {
        slug: 'ejercicio-publicado-por-la-prueba-de-la-api',
        edition: 99,
        title: 'Ejercicio publicado por la prueba de la API',
        summary: 'Creado por la prueba del caché de la API.',
        stateCode: '10',
        periodStart: '2010-01-01',
        periodEnd: '2011-12-31',
        phase: 'closed',
        convenerInstitutionId: institution!.id,
      },
      portalActor,
    );
    // PGlite delivers the notification with the commit; a PostgreSQL server a moment later, on another connection.
    const after = await eventually(
      () => get(app, url, { 'if-none-match': String(first.headers.etag) }),
      (response) => response.statusCode === 200,
    );
    expect(after.body).toContain('Ejercicio publicado por la prueba de la API');
    expect(after.headers.etag).not.toBe(first.headers.etag);
    await app.close();
  });
});
