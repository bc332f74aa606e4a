import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { notFound } from '../../shared/errors.js';
import { emptyForm, formValues, submitForm, type FormMessages, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { noticeKey, requireId } from '../../web/params.js';
import { calendarPhaseOn, localDate, moveExercisePhase, movePhaseInput } from './exercise-phase.js';
import { phaseDatesInput, planPhaseDates } from './plan-phase-dates.js';
import { exercisePhases, exercises } from './schema.js';
import { AdminExercisesPage, MovePhasePage, PhaseDatesPage } from './views/admin-exercises.js';

const forms: FormMessages = { prefix: 'exercises.error', fallback: 'error.badRequest.body' };

/**
 * The exercises' phases for admins (/admin/ejercicios), moving one by hand with a reason (…/:id/etapa) and planning a
 * phase's dates (…/:id/fechas).
 */
export function exerciseAdminRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;
  const admin = access.roles('admin');

  app.get('/admin/ejercicios', admin, async (request, reply) => {
    const today = localDate(deps.now(), config.TIME_ZONE);
    const [rows, planned] = await Promise.all([
      db.select().from(exercises).orderBy(asc(exercises.periodStart)),
      db.select().from(exercisePhases),
    ]);
    const list = rows.map((e) => {
      // What the calendar alone gives today, whatever the current phase and any move by hand.
      const calendarPhase = calendarPhaseOn(
        planned.filter((p) => p.exerciseId === e.id),
        today,
      );
      return {
        id: e.id,
        title: e.title,
        phase: e.phase,
        calendarPhase,
        phaseReason: e.phaseReason,
        phaseMovedOn: e.phaseMovedOn,
      };
    });
    const notice = noticeKey(request, { movida: 'exercises.move.done', fechas: 'exercises.dates.done' });
    return sendPage(request, reply, deps, {
      title: request.t('exercises.admin.title'),
      body: <AdminExercisesPage exercises={list} notice={notice ? request.t(notice) : undefined} />,
    });
  });

  const movePage = async (request: FastifyRequest, reply: FastifyReply, id: string, form: FormState, status = 200) => {
    const [exercise] = await db.select().from(exercises).where(eq(exercises.id, id));
    if (!exercise) throw notFound('exercise');
    return sendPage(request, reply, deps, {
      status,
      title: request.t('exercises.move.title', { title: exercise.title }),
      body: <MovePhasePage exercise={exercise} form={form} />,
    });
  };

  app.get<{ Params: { id: string } }>('/admin/ejercicios/:id/etapa', admin, (request, reply) =>
    movePage(request, reply, requireId(request.params.id, 'exercise'), emptyForm()),
  );

  app.post<{ Params: { id: string } }>('/admin/ejercicios/:id/etapa', admin, async (request, reply) => {
    const id = requireId(request.params.id, 'exercise');
    const values = formValues(request.body, ['phase', 'reason']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: movePhaseInput.safeParse(values),
      invalid: (form, status) => movePage(request, reply, id, form, status),
      submit: async (data) => {
        await moveExercisePhase(db, id, data, { actor: actorOf(request), now: deps.now(), timeZone: config.TIME_ZONE });
        return '/admin/ejercicios?aviso=movida';
      },
    });
  });

  const datesPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form: FormState, status = 200) => {
    const [exercise] = await db.select().from(exercises).where(eq(exercises.id, id));
    if (!exercise) throw notFound('exercise');
    const timeline = await db
      .select()
      .from(exercisePhases)
      .where(eq(exercisePhases.exerciseId, id))
      .orderBy(asc(exercisePhases.startsOn));
    return sendPage(request, reply, deps, {
      status,
      title: request.t('exercises.dates.title', { title: exercise.title }),
      body: <PhaseDatesPage exercise={exercise} timeline={timeline} form={form} />,
    });
  };

  app.get<{ Params: { id: string } }>('/admin/ejercicios/:id/fechas', admin, (request, reply) =>
    datesPage(request, reply, requireId(request.params.id, 'exercise'), emptyForm()),
  );

  app.post<{ Params: { id: string } }>('/admin/ejercicios/:id/fechas', admin, async (request, reply) => {
    const id = requireId(request.params.id, 'exercise');
    const values = formValues(request.body, ['phase', 'startsOn', 'endsOn']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: phaseDatesInput.safeParse(values),
      invalid: (form, status) => datesPage(request, reply, id, form, status),
      submit: async (data) => {
        await planPhaseDates(db, id, data, { actor: actorOf(request), now: deps.now() });
        return '/admin/ejercicios?aviso=fechas';
      },
    });
  });
}
