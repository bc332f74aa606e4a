import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asc } from 'drizzle-orm';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { AppError } from '../../../shared/errors.js';
import { emptyForm, formValues, submitForm, type FormIssue, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { noticeKey, parseParams, slugParams } from '../../../web/params.js';
import { exercises } from '../../exercises/schema.js';
import { startingPointHref } from '../paths.js';
import { nextExerciseInput, startNextExercise } from './start-next-exercise.js';
import { applyCarriedSeats, getStartingPoint } from './starting-point.js';
import { NextExercisePage, StartingPointPage } from './views/next-exercise-pages.js';

const nextFields = ['previousExerciseId', 'title', 'slug', 'summary', 'periodStart', 'periodEnd'] as const;
const forms = { prefix: 'evaluationLessons.error', fallback: 'error.badRequest.body' as MessageKey };
const notices: Record<string, MessageKey> = {
  creado: 'evaluationLessons.notice.started',
  secretariado: 'evaluationLessons.notice.seats',
};
const problems: Record<string, MessageKey> = {
  notInstalled: 'evaluationLessons.start.notInstalled',
  alreadyApplied: 'evaluationLessons.problem.alreadyApplied',
  hasSeats: 'evaluationLessons.problem.hasSeats',
};

/**
 * The next exercise started from a previous one (admins): /admin/evaluacion/siguiente-ejercicio creates it, and
 * /admin/evaluacion/ejercicios/:slug/punto-de-partida shows what it carried over and creates the carried seats.
 */
export function nextExerciseRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const admins = access.roles('admin');

  const formPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(request, reply, deps, {
      status,
      title: request.t('evaluationLessons.next.title'),
      body: (
        <NextExercisePage
          form={form}
          exercises={await db
            .select({ id: exercises.id, title: exercises.title })
            .from(exercises)
            .orderBy(asc(exercises.periodStart))}
        />
      ),
    });
  app.get('/admin/evaluacion/siguiente-ejercicio', admins, (request, reply) => formPage(request, reply, emptyForm()));
  app.post('/admin/evaluacion/siguiente-ejercicio', admins, async (request, reply) => {
    const values = formValues(request.body, nextFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: nextExerciseInput.safeParse(values),
      invalid: (form, status) => formPage(request, reply, form, status),
      submit: async (data) => {
        const { exercise } = await startNextExercise(db, data, {
          actor: actorOf(request),
          now: deps.now(),
          timeZone: deps.config.TIME_ZONE,
        });
        return `${startingPointHref(exercise.slug)}?aviso=creado`;
      },
      rejected: (error) =>
        error instanceof AppError && error.code === 'validation' && Array.isArray(error.details?.issues)
          ? (error.details.issues as FormIssue[])
          : undefined,
    });
  });

  const pointPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { status?: number; problem?: MessageKey } = {},
  ) => {
    const point = await getStartingPoint(db, parseParams(request, slugParams, 'exercise').slug);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('evaluationLessons.start.title', { exercise: point.exercise.title }),
      body: (
        <StartingPointPage
          point={point}
          notice={notice ? request.t(notice) : undefined}
          problem={options.problem ? request.t(options.problem) : undefined}
        />
      ),
    });
  };
  app.get<{ Params: { slug: string } }>(
    '/admin/evaluacion/ejercicios/:slug/punto-de-partida',
    admins,
    (request, reply) => pointPage(request, reply),
  );
  app.post<{ Params: { slug: string } }>(
    '/admin/evaluacion/ejercicios/:slug/punto-de-partida/secretariado',
    admins,
    async (request, reply) => {
      const { exercise } = await getStartingPoint(db, parseParams(request, slugParams, 'exercise').slug);
      try {
        await applyCarriedSeats(db, exercise.id, { actor: actorOf(request), now: deps.now() });
      } catch (error) {
        const reason = error instanceof AppError ? error.details?.reason : undefined;
        const problem = typeof reason === 'string' ? problems[reason] : undefined;
        if (problem) return pointPage(request, reply, { status: 409, problem });
        throw error;
      }
      return reply.redirect(`${startingPointHref(exercise.slug)}?aviso=secretariado`, 303);
    },
  );
}
