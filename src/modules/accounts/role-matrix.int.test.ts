import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { RouteAccess } from '../../kernel/access.js';
import { staffRoles } from '../../kernel/actor.js';
import { createTestApp } from '../../testing/test-app.js';
import { signInAs } from '../../testing/sign-in.js';
import { institutions } from '../directory/schema.js';

/**
 * The routes anyone may use, signed in or not. Every other route of the app is protected: a route that declares
 * `public` but is not listed here fails this test, so opening a page to the world is always a decision in review.
 */
const publicRoutes = new Set([
  'GET /static/*',
  'GET /healthz',
  'GET /readyz',
  'GET /theme.css',
  'GET /ejercicios',
  'GET /entrar',
  'POST /entrar',
  'POST /entrar/enlace',
  'GET /entrar/enlace/:token',
  'POST /salir',
  'GET /registro',
  'POST /registro',
  'GET /confirmar/:token',
  'GET /recuperar',
  'POST /recuperar',
  'GET /recuperar/:token',
  'POST /recuperar/:token',
  'GET /cuenta/correo/:token',
  'GET /privacidad',
  'GET /cuenta/cancelada',
  'GET /archivos/:id/:name',
  'GET /seguimientos/baja/:token',
  'POST /seguimientos/baja/:token',
  'GET /datos',
  'GET /datos/:file',
  'GET /datos/:id/diccionario.csv',
  'GET /datos/:id/diccionario.json',
  'GET /datos/datapackage.json',
  'GET /datos/data.json',
  'GET /datos/datos-abiertos.zip',
  'GET /ejercicios/:slug/convocatoria',
  'GET /sumate',
  'GET /ejercicios/:slug/convocatoria/sumate',
  'POST /ejercicios/:slug/convocatoria/sumate',
  'GET /ejercicios/:slug/convocatoria/sumate/enviada',
  'GET /sumate/confirmar/:token',
  'GET /sumate/reenviar',
  'POST /sumate/reenviar',
  'GET /sumate/reenviar/enviado',
  'GET /ejercicios/:slug/convocatoria/cifras',
  'GET /ejercicios/:slug/secretariado',
  'GET /ejercicios/:slug/secretariado/sesiones.ics',
  'GET /ejercicios/:slug/secretariado/sesiones/:key',
  'GET /ejercicios/:slug/secretariado/sesiones/:key/calendario.ics',
  'GET /ejercicios/:slug/secretariado/acuerdos',
  'GET /ejercicios/:slug/secretariado/acuerdos/:code',
  'GET /ejercicios/:slug/plan',
  'GET /ejercicios/:slug/plan/calendario',
  'GET /ejercicios/:slug/plan/atrasos',
  'GET /ejercicios/:slug/plan/compromisos/:number',
  'GET /buscar',
  'GET /ejercicios/:slug/plan/novedades.atom',
  'GET /ejercicios/:slug/plan/imprimir',
  'GET /ejercicios/:slug/problemas',
  'GET /ejercicios/:slug/problemas/nuevo',
  'GET /ejercicios/:slug/problemas/:number',
  'GET /ejercicios/:slug/respuesta-razonada',
  'GET /ejercicios/:slug/propuestas',
  'GET /ejercicios/:slug/propuestas/nueva',
  'GET /ejercicios/:slug/propuestas/:number',
  'GET /ejercicios/:slug/priorizacion',
  'GET /ejercicios/:slug/mesas',
  'GET /ejercicios/:slug/mesas/:number',
  'GET /ejercicios/:slug/mesas/:number/calendario.ics',
  'GET /ejercicios/:slug/plan/resultados',
  'GET /ejercicios/:slug/plan/compromisos/:number/evaluacion',
  'GET /ejercicios/:slug/indicadores',
  'GET /ejercicios/:slug/informe-de-resultados',
  'GET /ejercicios/:slug/informe-de-resultados/versiones/:version',
  'GET /ejercicios/:slug/informe-de-resultados/versiones/:version/fuente.json',
  'GET /ejercicios/:slug/lecciones',
  'GET /',
  'GET /ejercicios/:slug',
  'GET /contacto',
  'GET /como-participo',
  'GET /municipios',
  'GET /municipios/:cvegeo',
  'GET /componentes',
  'GET /codigo-fuente',
  'GET /codigo-fuente/licencia.txt',
  // The public history: a record's full history, one change in full and its technical data (issue 16 item 3).
  'GET /historial/:seq',
  'GET /historial/:seq/tecnico',
  'GET /ejercicios/:slug/historial',
  'GET /ejercicios/:slug/convocatoria/historial',
  'GET /ejercicios/:slug/secretariado/historial',
  'GET /ejercicios/:slug/secretariado/sesiones/:key/historial',
  'GET /ejercicios/:slug/secretariado/acuerdos/:code/historial',
  'GET /ejercicios/:slug/plan/compromisos/:number/historial',
  'GET /ejercicios/:slug/problemas/:number/historial',
  // The public read-only API (decision 17): GET only; every other method gets a 405 before any session or CSRF check.
  'GET /api',
  'GET /api/v1/exercises',
  'GET /api/v1/exercises/:id',
  'GET /api/v1/calls',
  'GET /api/v1/calls/:id',
  'GET /api/v1/secretariat/sessions',
  'GET /api/v1/secretariat/sessions/:id',
  'GET /api/v1/secretariat/agreements',
  'GET /api/v1/secretariat/agreements/:id',
  'GET /api/v1/plans',
  'GET /api/v1/plans/:id',
  'GET /api/v1/commitments',
  'GET /api/v1/commitments/:id',
  'GET /api/v1/activities',
  'GET /api/v1/activities/:id',
  'GET /api/v1/institutions',
  'GET /api/v1/institutions/:id',
  'GET /api/v1/municipalities',
  'GET /api/v1/municipalities/:cvegeo',
  'GET /api/v1/changes',
  'GET /api/v1/changes/:seq',
  'GET /api/v1/openapi.json',
  'POST /api/v1/*',
  'PUT /api/v1/*',
  'PATCH /api/v1/*',
  'DELETE /api/v1/*',
  'OPTIONS /api/v1/*',
]);

const visitors = ['participant', ...staffRoles] as const;
type Visitor = (typeof visitors)[number];

const allows = (access: RouteAccess, visitor: Visitor) =>
  access === 'signed-in' || (access !== 'public' && (access.roles as readonly string[]).includes(visitor));

/** A URL that reaches the route: ids are a UUID nobody has, a participation target is a call. */
const sampleUrl = (pattern: string) =>
  pattern.replace(':type', 'call').replace(/:[A-Za-z]+/g, '00000000-0000-0000-0000-000000000000');

describe('role matrix: every route of the app declares who may use it, and each protected route refuses everyone else', () => {
  const routesOf = (app: FastifyInstance) => app.declaredRoutes.filter((route) => route.method !== 'HEAD');

  it('lists the routes from the app itself: about 140, of which only the allow-listed ones are public', async () => {
    const routes = routesOf((await createTestApp()).app);
    expect(routes.length).toBeGreaterThan(130);
    const declaredPublic = routes
      .filter((route) => route.access === 'public')
      .map((route) => `${route.method} ${route.url}`);
    expect(
      declaredPublic.filter((route) => !publicRoutes.has(route)),
      'routes declared public but not allow-listed',
    ).toEqual([]);
    expect(
      [...publicRoutes].filter((route) => !declaredPublic.includes(route)),
      'allow-listed routes that are no longer public',
    ).toEqual([]);
  });

  it('keeps every admin page for staff roles and every account page for signed-in people', async () => {
    for (const route of routesOf((await createTestApp()).app)) {
      if (route.url === '/admin' || route.url.startsWith('/admin/'))
        expect(route.access, `${route.method} ${route.url}`).toMatchObject({ roles: expect.any(Array) });
      if (route.url.startsWith('/cuenta') && !['/cuenta/cancelada', '/cuenta/correo/:token'].includes(route.url))
        expect(route.access, `${route.method} ${route.url}`).not.toBe('public');
    }
  });

  it('keeps the capture of paper forms and their scans for the co-creation staff: admins and facilitators', async () => {
    const capture = routesOf((await createTestApp()).app).filter((route) => route.url.startsWith('/admin/problemas'));
    expect(capture.map((route) => `${route.method} ${route.url}`).sort()).toEqual([
      'GET /admin/problemas',
      'GET /admin/problemas/papel',
      'GET /admin/problemas/papel/:slug',
      'POST /admin/problemas/papel/:slug/apoyos',
      'POST /admin/problemas/papel/:slug/problema',
    ]);
    for (const route of capture)
      expect(route.access, `${route.method} ${route.url}`).toEqual({ roles: ['admin', 'facilitator'] });
  });

  it('sends anonymous visitors to sign in, and refuses the wrong roles with 403', async () => {
    const { app, database } = await createTestApp();
    const [institution] = await database.db.select({ id: institutions.id }).from(institutions).limit(1);
    const protectedRoutes = routesOf(app).filter((route) => route.access !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(80);
    for (const route of protectedRoutes) {
      const method = route.method as 'GET' | 'POST';
      const url = sampleUrl(route.url);
      const anonymous = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      if (method === 'GET') {
        expect(anonymous.statusCode, `anonymous ${method} ${url}`).toBe(303);
        expect(anonymous.headers.location).toContain('/entrar?siguiente=');
      } else {
        // Without a session there is no valid form token either: refused before anything runs.
        expect([303, 403], `anonymous ${method} ${url}`).toContain(anonymous.statusCode);
      }
      for (const visitor of visitors) {
        // A fresh account each time: some of these forms cancel the account or end the session.
        const session = await signInAs(database, {
          roles:
            visitor === 'participant'
              ? []
              : [{ role: visitor, institutionId: visitor === 'liaison' ? institution!.id : undefined }],
        });
        const response = await app.inject({
          method,
          url,
          cookies: session.cookies,
          payload: method === 'POST' ? { _csrf: session.csrf } : undefined,
        });
        const label = `${visitor} ${method} ${url}`;
        if (allows(route.access, visitor)) expect(response.statusCode, label).not.toBe(403);
        else expect(response.statusCode, label).toBe(403);
        expect(response.statusCode, label).toBeLessThan(500);
      }
    }
    // About 90 routes x 7 visitors, each with a fresh account and session: several hundred requests.
  }, 300_000);

  it('refuses a state-changing form without the CSRF token, even from an admin', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const response = await app.inject({
      method: 'POST',
      url: '/admin/usuarios',
      cookies: admin.cookies,
      payload: { name: 'Ana', email: 'ana@example.mx', role: 'evaluator' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('El formulario caducó');
  });
});
