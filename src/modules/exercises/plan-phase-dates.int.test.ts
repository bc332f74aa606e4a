import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { changeLog } from '../audit/schema.js';
import { verifyChangeLog } from '../audit/verify-change-log.js';
import { exercisePhases, exercises } from './schema.js';

const SLUG = 'cuarto-pal-demostracion';

describe('admins plan the dates of an exercise’s phases', () => {
  it('opening the diagnosis by its dates opens the problem form; the public history keeps the calendar before and after', async () => {
    const { app, database } = await createTestApp();
    const { db } = database;
    const [fourth] = await db.select().from(exercises).where(eq(exercises.slug, SLUG));
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const post = (payload: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/admin/ejercicios/${fourth!.id}/fechas`,
        cookies: admin.cookies,
        payload: { _csrf: admin.csrf, ...payload },
      });
    expect((await app.inject({ url: `/ejercicios/${SLUG}/problemas/nuevo` })).body).toContain('El diagnóstico abre el');
    const list = await app.inject({ url: '/admin/ejercicios', cookies: admin.cookies });
    expect(list.body).toContain(`href="/admin/ejercicios/${fourth!.id}/fechas"`);
    const form = await app.inject({ url: `/admin/ejercicios/${fourth!.id}/fechas`, cookies: admin.cookies });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Calendario planeado');

    for (const [payload, message] of [
      [{ phase: 'diagnosis', startsOn: 'mañana', endsOn: '' }, 'Escribe la fecha de inicio'],
      [{ phase: 'diagnosis', startsOn: '2026-11-20', endsOn: '2026-11-01' }, 'no puede ser anterior'],
      [{ phase: 'nada', startsOn: '2026-11-20', endsOn: '' }, 'Elige la nueva etapa.'],
      [{ phase: 'diagnosis', startsOn: '2026-02-30', endsOn: '' }, 'Escribe la fecha de inicio'],
    ] as const) {
      const refused = await post(payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.body).toContain(message);
    }

    const saved = await post({ phase: 'diagnosis', startsOn: '2026-11-20', endsOn: '2026-12-20' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/ejercicios?aviso=fechas');
    const [diagnosis] = await db
      .select()
      .from(exercisePhases)
      .where(and(eq(exercisePhases.exerciseId, fourth!.id), eq(exercisePhases.phase, 'diagnosis')));
    expect(diagnosis).toMatchObject({ startsOn: '2026-11-20', endsOn: '2026-12-20' });
    const open = await app.inject({ url: `/ejercicios/${SLUG}/problemas/nuevo` });
    expect(open.body).toContain('El diagnóstico está abierto');

    const [logged] = await db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'exercise'), eq(changeLog.recordId, fourth!.id)))
      .orderBy(desc(changeLog.seq))
      .limit(1);
    expect(logged!.actorLabel).toBe('Administración del portal');
    expect(JSON.stringify(logged!.after)).toContain('2026-12-20');
    expect((await verifyChangeLog(db)).ok).toBe(true);
  }, 120_000);
});
