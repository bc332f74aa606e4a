import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { portalActor } from '../../../testing/actors.js';
import { signInAs } from '../../../testing/sign-in.js';
import { createTestApp } from '../../../testing/test-app.js';
import { changeLog } from '../../audit/schema.js';
import { calls } from '../../calls/schema.js';
import { exercises } from '../../exercises/schema.js';
import { registrations } from '../../registrations/schema.js';
import { installSecretariat } from '../../secretariat/install-secretariat.js';
import { secretariats, secretariatMemberships, secretariatSeats } from '../../secretariat/schema.js';
import { exerciseOrigins, lessons } from '../schema.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const third = 'tercer-pal-2020-2021';
const lesson = {
  theme: 'Seguimiento mensual',
  finding: 'Las instituciones que reportaron cada mes terminaron sus actividades a tiempo.',
  recommendation: 'Pedir un avance mensual desde el arranque del plan.',
  source: 'Evaluaciones al cierre de los compromisos 1 a 4',
};
const next = {
  title: 'Cuarto Plan de Acción Local de Gobierno Abierto Durango 2024-2025',
  slug: 'cuarto-pal-2024-2025',
  summary: 'El siguiente ejercicio, que parte de lo aprendido en el tercero.',
  periodStart: '2024-03-01',
  periodEnd: '2025-12-31',
};

describe('lessons learned and the next exercise', () => {
  it('records a lesson through the form, publishes it with its dataset, and lets staff correct it', async () => {
    const { app, database } = await createTestApp();
    const evaluator = await signInAs(database, { roles: [{ role: 'evaluator' }] });
    const post = (url: string, payload: Record<string, string>) =>
      app.inject({ method: 'POST', url, cookies: evaluator.cookies, payload: { _csrf: evaluator.csrf, ...payload } });

    const empty = await post(`/evaluacion/lecciones/${third}`, {
      theme: '',
      finding: '',
      recommendation: '',
      source: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain('Escribe el hallazgo.');
    const recorded = await post(`/evaluacion/lecciones/${third}`, lesson);
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toBe(`/evaluacion/lecciones/${third}?aviso=registrada`);

    const page = text((await app.inject({ url: `/ejercicios/${third}/lecciones` })).body);
    expect(page).toContain('Seguimiento mensual');
    expect(page).toContain('Pedir un avance mensual desde el arranque del plan.');
    const csv = (await app.inject({ url: '/datos/lecciones.csv' })).body;
    expect(csv.split('\n')[0]).toContain('ejercicio,id,tema,hallazgo,recomendacion,fuente,creado,actualizado');
    expect(csv).toContain('Seguimiento mensual');

    const [row] = await database.db.select().from(lessons).where(eq(lessons.theme, 'Seguimiento mensual'));
    const corrected = await post(`/evaluacion/lecciones/${third}/${row!.id}`, { ...lesson, theme: 'Avance mensual' });
    expect(corrected.statusCode).toBe(303);
    const logged = await database.db
      .select({ action: changeLog.action, after: changeLog.after })
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'lesson'), eq(changeLog.recordId, row!.id)));
    expect(logged.map((l) => l.action)).toEqual(['create', 'update']);
    expect(logged[1]!.after).toMatchObject({ theme: 'Avance mensual' });
    // The lesson is a section of the exercise's results report.
    const preview = await app.inject({ url: `/evaluacion/informes/${third}/vista-previa`, cookies: evaluator.cookies });
    expect(text(preview.body)).toContain('Lección 1: Avance mensual');
  });

  it('creates the next exercise from a previous one with its call, composition and lessons, never its people', async () => {
    const { app, database } = await createTestApp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const post = (url: string, payload: Record<string, string>) =>
      app.inject({ method: 'POST', url, cookies: admin.cookies, payload: { _csrf: admin.csrf, ...payload } });
    await post(`/evaluacion/lecciones/${third}`, lesson);
    const [previous] = await database.db.select().from(exercises).where(eq(exercises.slug, third));

    const form = await app.inject({ url: '/admin/evaluacion/siguiente-ejercicio', cookies: admin.cookies });
    expect(form.statusCode).toBe(200);
    const taken = await post('/admin/evaluacion/siguiente-ejercicio', {
      ...next,
      slug: third,
      previousExerciseId: previous!.id,
    });
    expect(taken.statusCode).toBe(400);
    expect(text(taken.body)).toContain('Ya hay un ejercicio con esa dirección.');
    const created = await post('/admin/evaluacion/siguiente-ejercicio', { ...next, previousExerciseId: previous!.id });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`/admin/evaluacion/ejercicios/${next.slug}/punto-de-partida?aviso=creado`);

    const [exercise] = await database.db.select().from(exercises).where(eq(exercises.slug, next.slug));
    expect(exercise).toMatchObject({
      edition: previous!.edition + 1,
      stateCode: previous!.stateCode,
      convenerInstitutionId: previous!.convenerInstitutionId,
      phase: 'sensitization',
    });
    const [previousCall] = await database.db.select().from(calls).where(eq(calls.exerciseId, previous!.id));
    const [call] = await database.db.select().from(calls).where(eq(calls.exerciseId, exercise!.id));
    expect(call).toMatchObject({
      status: 'draft',
      title: previousCall!.title,
      requirements: previousCall!.requirements,
    });
    expect(await database.db.select().from(registrations).where(eq(registrations.callId, call!.id))).toEqual([]);
    const [origin] = await database.db
      .select()
      .from(exerciseOrigins)
      .where(eq(exerciseOrigins.exerciseId, exercise!.id));
    const [oldSecretariat] = await database.db
      .select()
      .from(secretariats)
      .where(eq(secretariats.exerciseId, previous!.id));
    const oldSeats = await database.db
      .select()
      .from(secretariatSeats)
      .where(eq(secretariatSeats.secretariatId, oldSecretariat!.id));
    expect(origin!.seats).toHaveLength(oldSeats.length);
    expect(JSON.stringify(origin)).not.toMatch(/@|displayName/);

    const point = text((await app.inject({ url: created.headers.location!, cookies: admin.cookies })).body);
    expect(point).toContain('El ejercicio quedó creado a partir del anterior');
    expect(point).toContain('Cuando se instale el Secretariado del nuevo ejercicio');
    expect(point).toContain('Trae 1 lecciones');

    // The new exercise's page lists the previous exercise's lessons, pending until staff say otherwise.
    const exercisePage = () => app.inject({ url: `/ejercicios/${next.slug}` }).then((r) => text(r.body));
    expect(await exercisePage()).toContain('Lecciones del ejercicio anterior');
    expect(await exercisePage()).toContain('Seguimiento mensual');
    expect(await exercisePage()).toContain('Por atender');
    const [carried] = await database.db.select().from(lessons).where(eq(lessons.exerciseId, previous!.id));
    const marked = await post(`/evaluacion/lecciones/${next.slug}/previas/${carried!.id}`, {
      status: 'addressed',
      note: 'El plan pide avances mensuales.',
    });
    expect(marked.statusCode).toBe(303);
    expect(await exercisePage()).toContain('Atendida El plan pide avances mensuales.');
    expect(await exercisePage()).toContain('Atendidas: 1 de 1.');
    // A lesson of another exercise cannot be followed up here.
    const [other] = await database.db
      .insert(lessons)
      .values({ exerciseId: exercise!.id, ...lesson })
      .returning();
    expect(
      (await post(`/evaluacion/lecciones/${next.slug}/previas/${other!.id}`, { status: 'addressed' })).statusCode,
    ).toBe(404);

    // Once the new Secretariat is installed, the carried seats are created in it, once, and without anyone in them.
    const apply = `/admin/evaluacion/ejercicios/${next.slug}/punto-de-partida/secretariado`;
    expect((await post(apply, {})).statusCode).toBe(409);
    await installSecretariat(
      database.db,
      {
        exerciseId: exercise!.id,
        installedOn: '2024-04-15',
        installationActUrl: 'https://example.org/acta',
        operatingRulesUrl: 'https://example.org/reglas',
      },
      { actor: portalActor, documentTitles: { installationAct: 'Acta', operatingRules: 'Reglas' } },
    );
    expect((await post(apply, {})).statusCode).toBe(303);
    const [newSecretariat] = await database.db
      .select()
      .from(secretariats)
      .where(eq(secretariats.exerciseId, exercise!.id));
    const newSeats = await database.db
      .select()
      .from(secretariatSeats)
      .where(eq(secretariatSeats.secretariatId, newSecretariat!.id));
    expect(newSeats.map((s) => [s.kind, s.institutionId, s.label])).toEqual(
      oldSeats.map((s) => [s.kind, s.institutionId, s.label]),
    );
    const members = await database.db
      .select()
      .from(secretariatMemberships)
      .innerJoin(secretariatSeats, eq(secretariatSeats.id, secretariatMemberships.seatId))
      .where(eq(secretariatSeats.secretariatId, newSecretariat!.id));
    expect(members).toEqual([]);
    expect((await post(apply, {})).statusCode).toBe(409);
  });
});
