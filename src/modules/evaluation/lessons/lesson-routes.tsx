import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { notFound } from '../../../shared/errors.js';
import { emptyForm, formValues, submitForm, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { noticeKey, parseParams, slugParam, slugParams, uuidParam } from '../../../web/params.js';
import { staffLessonsHref } from '../paths.js';
import { followUpInput, followUpLesson } from './follow-up-lesson.js';
import { getExerciseLessons } from './list-lessons.js';
import { lessonAuthors, lessonInput, recordLesson, updateLesson } from './record-lesson.js';
import { PublicLessonsPage } from './views/public-lessons.js';
import { EditLessonPage, StaffLessonsPage } from './views/staff-lessons.js';

const lessonFields = ['theme', 'finding', 'recommendation', 'source'] as const;
const lessonParams = z.object({ slug: slugParam, id: uuidParam });
const notices: Record<string, MessageKey> = {
  registrada: 'evaluationLessons.notice.recorded',
  corregida: 'evaluationLessons.notice.updated',
  seguimiento: 'evaluationLessons.notice.followUp',
};
const forms = { prefix: 'evaluationLessons.error', fallback: 'error.badRequest.body' as MessageKey };

/**
 * An exercise's lessons: public at /ejercicios/:slug/lecciones; recorded, corrected and followed up by admins and
 * evaluators at /evaluacion/lecciones/:slug.
 */
export function lessonRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const authors = access.roles(...lessonAuthors);
  const writeOptions = (request: FastifyRequest) => ({ actor: actorOf(request), now: deps.now() });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/lecciones', access.public, async (request, reply) => {
    const lessons = await getExerciseLessons(db, parseParams(request, slugParams, 'exercise').slug);
    return sendPage(request, reply, deps, {
      title: `${request.t('evaluationLessons.public.title')}: ${lessons.exercise.title}`,
      body: <PublicLessonsPage lessons={lessons} />,
    });
  });

  const staffPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    options: { status?: number; problem?: MessageKey } = {},
  ) => {
    const lessons = await getExerciseLessons(db, parseParams(request, slugParams, 'exercise').slug);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('evaluationLessons.staff.title', { exercise: lessons.exercise.title }),
      body: (
        <StaffLessonsPage
          lessons={lessons}
          form={form}
          notice={notice ? request.t(notice) : undefined}
          problem={options.problem ? request.t(options.problem) : undefined}
        />
      ),
    });
  };
  app.get<{ Params: { slug: string } }>('/evaluacion/lecciones/:slug', authors, (request, reply) =>
    staffPage(request, reply, emptyForm()),
  );
  app.post<{ Params: { slug: string } }>('/evaluacion/lecciones/:slug', authors, async (request, reply) => {
    const { exercise } = await getExerciseLessons(db, parseParams(request, slugParams, 'exercise').slug);
    const values = formValues(request.body, lessonFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: lessonInput.safeParse(values),
      invalid: (form, status) => staffPage(request, reply, form, { status }),
      submit: async (data) => {
        await recordLesson(db, exercise.id, data, writeOptions(request));
        return `${staffLessonsHref(exercise.slug)}?aviso=registrada`;
      },
    });
  });

  const editPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState | undefined, status = 200) => {
    const { slug, id } = parseParams(request, lessonParams, 'lesson');
    const { exercise, lessons } = await getExerciseLessons(db, slug);
    const lesson = lessons.find((l) => l.id === id);
    if (!lesson) throw notFound('lesson');
    return sendPage(request, reply, deps, {
      status,
      title: request.t('evaluationLessons.staff.editTitle'),
      body: (
        <EditLessonPage
          exercise={exercise}
          lessonId={id}
          form={form ?? emptyForm(Object.fromEntries(lessonFields.map((f) => [f, lesson[f]])))}
        />
      ),
    });
  };
  app.get<{ Params: { slug: string; id: string } }>('/evaluacion/lecciones/:slug/:id', authors, (request, reply) =>
    editPage(request, reply, undefined),
  );
  app.post<{ Params: { slug: string; id: string } }>(
    '/evaluacion/lecciones/:slug/:id',
    authors,
    async (request, reply) => {
      const { slug, id } = parseParams(request, lessonParams, 'lesson');
      const { exercise } = await getExerciseLessons(db, slug);
      const values = formValues(request.body, lessonFields);
      return submitForm(request, reply, {
        messages: forms,
        values,
        parsed: lessonInput.safeParse(values),
        invalid: (form, status) => editPage(request, reply, form, status),
        submit: async (data) => {
          await updateLesson(db, exercise.id, id, data, writeOptions(request));
          return `${staffLessonsHref(exercise.slug)}?aviso=corregida`;
        },
      });
    },
  );

  app.post<{ Params: { slug: string; id: string } }>(
    '/evaluacion/lecciones/:slug/previas/:id',
    authors,
    async (request, reply) => {
      const { slug, id } = parseParams(request, lessonParams, 'lesson');
      const { exercise } = await getExerciseLessons(db, slug);
      const parsed = followUpInput.safeParse(formValues(request.body, ['status', 'note']));
      if (!parsed.success)
        return staffPage(request, reply, emptyForm(), { status: 400, problem: 'evaluationLessons.error.followUp' });
      await followUpLesson(db, exercise.id, id, parsed.data, writeOptions(request));
      return reply.redirect(`${staffLessonsHref(exercise.slug)}?aviso=seguimiento#anteriores`, 303);
    },
  );
}
