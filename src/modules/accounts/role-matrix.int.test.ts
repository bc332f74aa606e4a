import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { signInAs } from '../../testing/sign-in.js';
import type { StaffRole } from './schema.js';
import { institutions } from '../directory/schema.js';

/** Every protected route, who may use it, and a request that exercises it. */
const protectedRoutes: { method: 'GET' | 'POST'; url: string; allowed: (StaffRole | 'participant')[] }[] = [
  { method: 'GET', url: '/admin', allowed: ['admin'] },
  { method: 'GET', url: '/admin/usuarios', allowed: ['admin'] },
  { method: 'POST', url: '/admin/usuarios', allowed: ['admin'] },
  { method: 'POST', url: '/admin/usuarios/roles/00000000-0000-0000-0000-000000000000/quitar', allowed: ['admin'] },
  { method: 'GET', url: '/admin/correo', allowed: ['admin'] },
  { method: 'GET', url: '/admin/arco', allowed: ['admin'] },
  { method: 'GET', url: '/admin/instituciones', allowed: ['admin'] },
  { method: 'GET', url: '/admin/convocatorias', allowed: ['admin'] },
  { method: 'GET', url: '/admin/convocatorias/nueva', allowed: ['admin'] },
  { method: 'POST', url: '/admin/convocatorias/nueva', allowed: ['admin'] },
  { method: 'GET', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'GET', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000/editar', allowed: ['admin'] },
  { method: 'POST', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000/editar', allowed: ['admin'] },
  { method: 'GET', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000/vista-previa', allowed: ['admin'] },
  { method: 'POST', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000/publicar', allowed: ['admin'] },
  { method: 'POST', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000/cancelar', allowed: ['admin'] },
  { method: 'POST', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000/resultados', allowed: ['admin'] },
  { method: 'POST', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000/envios', allowed: ['admin'] },
  { method: 'GET', url: '/admin/convocatorias/00000000-0000-0000-0000-000000000000/envios/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'GET', url: '/admin/inscripciones', allowed: ['admin'] },
  { method: 'GET', url: '/admin/inscripciones/exportar.csv', allowed: ['admin'] },
  { method: 'GET', url: '/admin/inscripciones/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/inscripciones/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/instituciones', allowed: ['admin'] },
  { method: 'GET', url: '/admin/instituciones/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/instituciones/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/arco/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'GET', url: '/admin/privacidad', allowed: ['admin'] },
  { method: 'POST', url: '/admin/privacidad', allowed: ['admin'] },
  { method: 'GET', url: '/admin/secretariado', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado', allowed: ['admin'] },
  { method: 'GET', url: '/admin/secretariado/00000000-0000-0000-0000-000000000000', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado/00000000-0000-0000-0000-000000000000/lugares', allowed: ['admin'] },
  { method: 'POST', url: '/admin/secretariado/00000000-0000-0000-0000-000000000000/integrantes', allowed: ['admin'] },
  { method: 'POST', url: '/admin/secretariado/00000000-0000-0000-0000-000000000000/sesiones', allowed: ['admin', 'facilitator'] },
  { method: 'GET', url: '/admin/secretariado/sesiones/00000000-0000-0000-0000-000000000000', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado/sesiones/00000000-0000-0000-0000-000000000000/convocar', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado/sesiones/00000000-0000-0000-0000-000000000000/asistencia', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado/sesiones/00000000-0000-0000-0000-000000000000/acuerdos', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado/sesiones/00000000-0000-0000-0000-000000000000/minuta', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado/sesiones/00000000-0000-0000-0000-000000000000/aprobar-minuta', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado/sesiones/00000000-0000-0000-0000-000000000000/cancelar', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/admin/secretariado/acuerdos/00000000-0000-0000-0000-000000000000/seguimiento', allowed: ['admin', 'facilitator'] },
  { method: 'GET', url: '/cuenta/datos', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'GET', url: '/cuenta/datos/descarga', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'POST', url: '/cuenta/datos/arco', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'POST', url: '/cuenta/cancelar', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'GET', url: '/cuenta', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'POST', url: '/cuenta', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'GET', url: '/participacion/call/00000000-0000-0000-0000-000000000000/comentar', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'POST', url: '/participacion/call/00000000-0000-0000-0000-000000000000/comentarios', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'POST', url: '/participacion/comentarios/00000000-0000-0000-0000-000000000000/reportar', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'GET', url: '/participacion/comentarios/00000000-0000-0000-0000-000000000000/ocultar', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/participacion/comentarios/00000000-0000-0000-0000-000000000000/ocultar', allowed: ['admin', 'facilitator'] },
  { method: 'GET', url: '/admin/comentarios', allowed: ['admin', 'facilitator'] },
  { method: 'POST', url: '/participacion/call/00000000-0000-0000-0000-000000000000/seguir', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'POST', url: '/participacion/call/00000000-0000-0000-0000-000000000000/dejar-de-seguir', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'GET', url: '/cuenta/seguimientos', allowed: ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] },
  { method: 'GET', url: '/mis-actividades', allowed: ['admin', 'liaison', 'secretariat_member', 'facilitator', 'evaluator'] },
  { method: 'GET', url: '/actividades/00000000-0000-0000-0000-000000000000', allowed: ['admin', 'liaison', 'secretariat_member', 'facilitator', 'evaluator'] },
  { method: 'POST', url: '/actividades/00000000-0000-0000-0000-000000000000/iniciar', allowed: ['admin', 'liaison', 'secretariat_member', 'facilitator', 'evaluator'] },
  { method: 'POST', url: '/actividades/00000000-0000-0000-0000-000000000000/notas', allowed: ['admin', 'liaison', 'secretariat_member', 'facilitator', 'evaluator'] },
  { method: 'POST', url: '/actividades/00000000-0000-0000-0000-000000000000/evidencias', allowed: ['admin', 'liaison', 'secretariat_member', 'facilitator', 'evaluator'] },
  { method: 'POST', url: '/actividades/00000000-0000-0000-0000-000000000000/terminar', allowed: ['admin', 'liaison', 'secretariat_member', 'facilitator', 'evaluator'] },
  { method: 'POST', url: '/actividades/00000000-0000-0000-0000-000000000000/verificar', allowed: ['admin', 'liaison', 'secretariat_member', 'facilitator', 'evaluator'] },
  { method: 'POST', url: '/actividades/00000000-0000-0000-0000-000000000000/evidencias/00000000-0000-0000-0000-000000000000/rechazar', allowed: ['admin', 'liaison', 'secretariat_member', 'facilitator', 'evaluator'] },
  { method: 'GET', url: '/admin/plan', allowed: ['admin'] },
  { method: 'POST', url: '/admin/plan', allowed: ['admin'] },
  { method: 'GET', url: '/admin/plan/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/plan/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'GET', url: '/admin/plan/00000000-0000-0000-0000-000000000000/compromisos/nuevo', allowed: ['admin'] },
  { method: 'POST', url: '/admin/plan/00000000-0000-0000-0000-000000000000/compromisos/nuevo', allowed: ['admin'] },
  { method: 'GET', url: '/admin/compromisos/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/compromisos/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/compromisos/00000000-0000-0000-0000-000000000000/estado', allowed: ['admin'] },
  { method: 'POST', url: '/admin/compromisos/00000000-0000-0000-0000-000000000000/hitos', allowed: ['admin'] },
  { method: 'GET', url: '/admin/hitos/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/hitos/00000000-0000-0000-0000-000000000000', allowed: ['admin'] },
  { method: 'POST', url: '/admin/hitos/00000000-0000-0000-0000-000000000000/cancelar', allowed: ['admin'] },
  { method: 'POST', url: '/admin/hitos/00000000-0000-0000-0000-000000000000/borrar', allowed: ['admin'] },
  { method: 'POST', url: '/admin/hitos/00000000-0000-0000-0000-000000000000/actividades', allowed: ['admin'] },
  { method: 'POST', url: '/admin/actividades/00000000-0000-0000-0000-000000000000/cancelar', allowed: ['admin'] },
  { method: 'POST', url: '/admin/actividades/00000000-0000-0000-0000-000000000000/borrar', allowed: ['admin'] },
];

const everyone = ['participant', 'admin', 'facilitator', 'secretariat_member', 'liaison', 'evaluator'] as const;

describe('role matrix: each protected route refuses every role that must not use it', () => {
  it('sends anonymous visitors to sign in, and refuses the wrong roles with 403', async () => {
    const { app, database } = await createTestApp();
    const [institution] = await database.db.select({ id: institutions.id }).from(institutions).limit(1);
    const institutionId = institution!.id;
    for (const route of protectedRoutes) {
      const anonymous = await app.inject({ method: route.method, url: route.url, payload: route.method === 'POST' ? {} : undefined });
      if (route.method === 'GET') {
        expect(anonymous.statusCode, `anonymous ${route.method} ${route.url}`).toBe(303);
        expect(anonymous.headers.location).toContain('/entrar?siguiente=');
      } else {
        // Without a session there is no valid form token either: refused before anything runs.
        expect([303, 403], `anonymous ${route.method} ${route.url}`).toContain(anonymous.statusCode);
      }
      for (const role of everyone) {
        const session = await signInAs(database, { roles: role === 'participant' ? [] : [{ role, institutionId: role === 'liaison' ? institutionId : undefined }] });
        const response = await app.inject({
          method: route.method,
          url: route.url,
          cookies: session.cookies,
          payload: route.method === 'POST' ? { _csrf: session.csrf } : undefined,
        });
        const label = `${role} ${route.method} ${route.url}`;
        if (route.allowed.includes(role)) expect(response.statusCode, label).not.toBe(403);
        else expect(response.statusCode, label).toBe(403);
        expect(response.statusCode, label).toBeLessThan(500);
      }
    }
    // About 90 routes x 7 visitors, each with a fresh account and session: several hundred requests.
  }, 240_000);

  it('refuses a state-changing form without the CSRF token, even from an admin', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const response = await app.inject({ method: 'POST', url: '/admin/usuarios', cookies: admin.cookies, payload: { name: 'Ana', email: 'ana@example.mx', role: 'evaluator' } });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('El formulario caducó');
  });
});
