import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/sign-in.js';
import { TEST_NOW } from '../../testing/constants.js';
import { createTestApp } from '../../testing/test-app.js';
import { changeLog } from '../audit/schema.js';
import { verifyChangeLog } from '../audit/verify-change-log.js';
import { advanceExercisePhases } from './exercise-phase.js';
import { exercises } from './schema.js';

const DAY = 24 * 60 * 60 * 1000;
const later = (days: number) => new Date(TEST_NOW.getTime() + days * DAY);
const zone = 'America/Monterrey';

describe('an exercise’s phase follows its calendar, and admins can move it with a reason', () => {
  it('the demo matches today: the 2020-2021 exercise is in its evaluation, moved there by the calendar', async () => {
    const { app, database } = await createTestApp();
    const [third] = await database.db.select().from(exercises).where(eq(exercises.slug, 'tercer-pal-2020-2021'));
    expect(third!.phase).toBe('evaluation');
    const [move] = await database.db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'exercise'), eq(changeLog.recordId, third!.id)))
      .orderBy(desc(changeLog.seq))
      .limit(1);
    expect(move!.actorLabel).toBe('Sistema');
    expect(move!.before).toMatchObject({ phase: 'implementation' });
    expect(move!.after).toMatchObject({ phase: 'evaluation' });
    const page = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021' });
    expect(page.body).toMatch(/<th scope="row"[^>]*>Etapa<\/th><td[^>]*>Implementación<\/td><td[^>]*>Evaluación<\/td>/);
    // Nothing more to move today.
    expect(await advanceExercisePhases(database.db, { now: TEST_NOW, timeZone: zone })).toEqual([]);
  }, 120_000);

  it('moves the demonstration exercise from its call to the Secretariat’s installation when that phase starts', async () => {
    const { database } = await createTestApp();
    const [fourth] = await database.db.select().from(exercises).where(eq(exercises.slug, 'cuarto-pal-demostracion'));
    expect(fourth!.phase).toBe('call');
    expect(await advanceExercisePhases(database.db, { now: later(40), timeZone: zone })).toEqual([]);
    expect(await advanceExercisePhases(database.db, { now: later(47), timeZone: zone })).toEqual([
      { exerciseId: fourth!.id, from: 'call', to: 'secretariat_installation' },
    ]);
    // A jump of months lands on the phase the calendar gives then, in one move.
    expect(await advanceExercisePhases(database.db, { now: later(140), timeZone: zone })).toEqual([
      { exerciseId: fourth!.id, from: 'secretariat_installation', to: 'cocreation' },
    ]);
    expect(await verifyChangeLog(database.db)).toMatchObject({ ok: true });
  }, 120_000);

  it('lets an admin move a phase by hand with a reason, which the public history shows; the calendar then waits for a later phase', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const [fourth] = await database.db.select().from(exercises).where(eq(exercises.slug, 'cuarto-pal-demostracion'));
    const list = await app.inject({ url: '/admin/ejercicios', cookies: admin.cookies });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/admin/ejercicios/${fourth!.id}/etapa"`);
    const form = await app.inject({ url: `/admin/ejercicios/${fourth!.id}/etapa`, cookies: admin.cookies });
    expect(form.body).toContain('Etapa actual: Convocatoria.');
    const refused = await app.inject({
      method: 'POST',
      url: `/admin/ejercicios/${fourth!.id}/etapa`,
      cookies: admin.cookies,
      payload: { _csrf: admin.csrf, phase: 'sensitization', reason: 'corto' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="reason-error"');
    const reason = 'La convocatoria se suspendió por el periodo vacacional; se retoma la sensibilización en enero.';
    const moved = await app.inject({
      method: 'POST',
      url: `/admin/ejercicios/${fourth!.id}/etapa`,
      cookies: admin.cookies,
      payload: { _csrf: admin.csrf, phase: 'sensitization', reason },
    });
    expect(moved.statusCode).toBe(303);
    const [after] = await database.db.select().from(exercises).where(eq(exercises.id, fourth!.id));
    expect(after).toMatchObject({ phase: 'sensitization', phaseReason: reason, phaseMovedOn: '2026-11-23' });
    // The calendar does not undo the move: its call started before it, and only the next planned phase moves it.
    expect(await advanceExercisePhases(database.db, { now: later(1), timeZone: zone })).toEqual([]);
    expect(await advanceExercisePhases(database.db, { now: later(47), timeZone: zone })).toEqual([
      { exerciseId: fourth!.id, from: 'sensitization', to: 'secretariat_installation' },
    ]);
    const history = await app.inject({ url: '/ejercicios/cuarto-pal-demostracion/historial' });
    expect(history.body).toContain('Motivo del cambio de etapa');
    expect(history.body).toContain(reason);
    expect(history.body).toMatch(
      /<th scope="row"[^>]*>Etapa<\/th><td[^>]*>Convocatoria<\/td><td[^>]*>Sensibilización<\/td>/,
    );
    expect(await verifyChangeLog(database.db)).toMatchObject({ ok: true });
  }, 120_000);
});
