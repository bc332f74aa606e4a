import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { AppError } from '../../shared/errors.js';
import {
  emptyForm,
  formList,
  formString,
  formValues,
  submitForm,
  type FormIssue,
  type FormMessages,
} from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { noticeKey, oneOfQuery, pageQuery, parseParams, parseQuery, queryString, slugParam } from '../../web/params.js';
import { hitRateLimit } from '../accounts/hit-rate-limit.js';
import { listRecordHistory } from '../audit/list-record-history.js';
import { listMunicipalities } from '../directory/list-municipalities.js';
import { getExercise } from '../exercises/get-exercise.js';
import { loadParticipation, participationNoticeOf } from '../participation/load-participation.js';
import { decideProblem, decideProblemInput } from './decide-problem.js';
import { getDiagnosisWindow, localDate, windowState } from './diagnosis-window.js';
import { findSimilarProblems } from './find-similar-problems.js';
import { getProblem } from './get-problem.js';
import { hideProblem, hideProblemInput } from './hide-problem.js';
import { listProblems, problemSorts, type ProblemFilters } from './list-problems.js';
import { listProblemsToModerate } from './list-problems-to-moderate.js';
import { listReasonedResponses } from './list-reasoned-responses.js';
import { problemPath } from './paths.js';
import { canModerateProblems, moderatorRoles } from './policy.js';
import { reportProblem, reportProblemInput } from './report-problem.js';
import { problemStatuses, problemThemes } from './schema.js';
import { submitProblem, submitProblemInput } from './submit-problem.js';
import { supportProblem, withdrawSupport } from './support-problem.js';
import {
  NewProblemPage,
  problemFormFields,
  SimilarProblemsPage,
  type ProposerState,
} from './views/new-problem-page.js';
import { ProblemPage, type ProblemForms } from './views/problem-page.js';
import { ProblemsPage, type ExerciseRef } from './views/problems-page.js';
import { ProblemModerationPage } from './views/moderation-page.js';
import { ReasonedResponsePage } from './views/reasoned-response-page.js';

const slugParams = z.object({ slug: slugParam });
const problemParams = z.object({ slug: slugParam, number: z.coerce.number().int().min(1).max(1_000_000) });
type ProblemParams = { Params: { slug: string; number: string } };

const listQuery = z.object({
  tema: z.enum(problemThemes).optional().catch(undefined),
  municipio: z
    .string()
    .regex(/^[0-9]{5}$/)
    .optional()
    .catch(undefined),
  estado: z.enum(problemStatuses).optional().catch(undefined),
  orden: oneOfQuery(problemSorts, 'apoyos'),
  pagina: pageQuery,
  aviso: queryString,
});

/** Notices after a redirect (`?aviso=`). */
const notices = {
  enviado: 'cocreation.notice.submitted',
  apoyado: 'cocreation.notice.supported',
  retirado: 'cocreation.notice.withdrawn',
  reportado: 'cocreation.notice.reported',
  oculto: 'cocreation.notice.hidden',
  decidido: 'cocreation.notice.decided',
} as const satisfies Record<string, MessageKey>;

/** A use case's refusal in words, by the reason it gives. */
const refusals: Record<string, MessageKey> = {
  diagnosisClosed: 'cocreation.refused.diagnosisClosed',
  notSupportable: 'cocreation.refused.notSupportable',
  unconfirmed: 'cocreation.refused.unconfirmed',
  wrongMove: 'cocreation.refused.wrongMove',
};
const refusalOf = (error: unknown): MessageKey | undefined => {
  if (!(error instanceof AppError) || (error.code !== 'conflict' && error.code !== 'forbidden')) return undefined;
  const reason = error.details?.reason;
  return typeof reason === 'string' ? refusals[reason] : undefined;
};
/** A use case's validation refusal that belongs next to a field (e.g. an unknown agreement code). */
const fieldIssueOf = (error: unknown): FormIssue[] | undefined => {
  if (!(error instanceof AppError) || error.code !== 'validation') return undefined;
  const { field, reason } = error.details ?? {};
  return typeof field === 'string' && typeof reason === 'string' ? [{ path: [field], message: reason }] : undefined;
};

/** Proposing and reporting are cheap to abuse: at most this many posts per person (and per address) in the window. */
const rateLimits = { propose: { max: 10, windowMinutes: 60 }, report: { max: 20, windowMinutes: 60 } } as const;

const formMessages = (prefix?: string): FormMessages => ({
  prefix: 'cocreation.form',
  fallback: 'cocreation.form.invalid',
  ...(prefix ? { idFor: (field: string) => `${prefix}-${field}` } : {}),
});

/**
 * The diagnosis of an exercise: its problems (list, page, proposing one after seeing similar ones), supports,
 * reports, moderation and dispositions, and the reasoned response.
 */
export function cocreationRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);
  const baseUrl = (request: FastifyRequest) => config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;

  const limit = async (request: FastifyRequest, name: keyof typeof rateLimits) => {
    const rule = rateLimits[name];
    const { hits, ttlMs } = await hitRateLimit(
      db,
      [`${name}-problem:user:${actorOf(request).userId}`, `${name}-problem:ip:${request.ip}`],
      rule.windowMinutes * 60_000,
      deps.now(),
    );
    if (hits > rule.max) throw new AppError('rate_limited', 'too many attempts', { retryAfterMs: ttlMs });
  };

  const loadExercise = async (slug: string) => {
    const { exercise } = await getExercise(db, slug);
    const window = await getDiagnosisWindow(db, exercise.id);
    const ref: ExerciseRef = { id: exercise.id, slug: exercise.slug, title: exercise.title };
    return { exercise: ref, stateCode: exercise.stateCode, window, state: windowState(window, today()) };
  };
  const municipalitiesOf = async (stateCode: string) =>
    (await listMunicipalities(db))
      .filter((m) => m.stateCode === stateCode)
      .map((m) => ({ cvegeo: m.cvegeo, name: m.name }));

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/problemas', access.public, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    const query = parseQuery(request, listQuery);
    const filters: ProblemFilters = {
      theme: query.tema,
      municipality: query.municipio,
      status: query.estado,
      sort: query.orden,
      page: query.pagina,
    };
    const [list, municipalities] = await Promise.all([
      listProblems(db, context.exercise.id, filters),
      municipalitiesOf(context.stateCode),
    ]);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.problems.title')} · ${context.exercise.title}`,
      body: (
        <ProblemsPage
          exercise={context.exercise}
          window={context.window}
          state={context.state}
          filters={filters}
          list={list}
          municipalities={municipalities}
          notice={notice ? request.t(notice) : undefined}
        />
      ),
    });
  });

  const proposerOf = (request: FastifyRequest): ProposerState =>
    !request.actor ? 'signedOut' : request.actor.isEmailConfirmed ? 'ready' : 'unconfirmed';

  const newProblemPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { form?: ReturnType<typeof emptyForm>; chosen?: string[]; status?: number } = {},
  ) => {
    const context = await loadExercise(slug);
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.new.title')} · ${context.exercise.title}`,
      status: options.status,
      body: (
        <NewProblemPage
          exercise={context.exercise}
          window={context.window}
          state={context.state}
          proposer={proposerOf(request)}
          form={options.form ?? emptyForm()}
          municipalities={await municipalitiesOf(context.stateCode)}
          chosenMunicipalities={options.chosen ?? []}
        />
      ),
    });
  };

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/problemas/nuevo', access.public, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    return newProblemPage(request, reply, slug);
  });

  app.post<{ Params: { slug: string } }>('/ejercicios/:slug/problemas', access.signedIn, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    await limit(request, 'propose');
    const context = await loadExercise(slug);
    const values = formValues(request.body, problemFormFields);
    const chosen = formList(request.body, 'municipalities');
    // Outside the window (or without a confirmed account) the page says why, and nothing is stored.
    if (context.state !== 'open') return newProblemPage(request, reply, slug, { status: 409 });
    if (proposerOf(request) !== 'ready') return newProblemPage(request, reply, slug, { status: 403 });
    if (formString(request.body, 'editar') === 'si')
      return newProblemPage(request, reply, slug, { form: emptyForm(values), chosen });
    const isConfirmed = formString(request.body, 'confirmado') === 'si';
    return submitForm(request, reply, {
      messages: formMessages(),
      values,
      parsed: submitProblemInput.safeParse({ ...values, municipalities: chosen }),
      invalid: (form, status) => newProblemPage(request, reply, slug, { form, chosen, status }),
      submit: async (data) => {
        if (!isConfirmed) {
          const similar = await findSimilarProblems(db, context.exercise.id, data, config.PROBLEM_SIMILARITY_THRESHOLD);
          if (similar.length > 0) {
            return sendPage(request, reply, deps, {
              title: `${request.t('cocreation.similar.title')} · ${context.exercise.title}`,
              body: (
                <SimilarProblemsPage
                  exercise={context.exercise}
                  similar={similar}
                  values={values}
                  chosenMunicipalities={chosen}
                />
              ),
            });
          }
        }
        const problem = await submitProblem(db, context.exercise.id, data, {
          actor: actorOf(request),
          now: deps.now(),
          timeZone: config.TIME_ZONE,
        });
        return `${problemPath(slug, problem.number)}?aviso=enviado`;
      },
      rejected: fieldIssueOf,
      refused: (error) =>
        refusalOf(error)
          ? newProblemPage(request, reply, slug, {
              status: error instanceof AppError && error.code === 'forbidden' ? 403 : 409,
            })
          : undefined,
    });
  });

  const problemPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    number: number,
    options: { status?: number; problem?: MessageKey; forms?: Partial<ProblemForms> } = {},
  ) => {
    const context = await loadExercise(slug);
    const detail = await getProblem(db, context.exercise.id, number, request.actor?.userId);
    const ref = { recordType: 'problem', recordId: detail.problem.id };
    const [participation, history] = await Promise.all([
      loadParticipation(db, deps.records, ref, request.actor),
      listRecordHistory(db, ref),
    ]);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: detail.problem.hiddenAt
        ? request.t('cocreation.hidden.title', { number })
        : request.t('cocreation.problem.heading', { number, title: detail.problem.title }),
      status: options.status,
      body: (
        <ProblemPage
          exercise={context.exercise}
          detail={detail}
          window={context.window}
          state={context.state}
          viewer={{
            isSignedIn: request.actor !== undefined,
            isConfirmed: request.actor?.isEmailConfirmed ?? false,
            canModerate: canModerateProblems(request.actor),
          }}
          history={history}
          participation={participation ? { ...participation, notice: participationNoticeOf(request.query) } : undefined}
          notice={notice && options.status === undefined ? request.t(notice) : undefined}
          problemMessage={options.problem ? request.t(options.problem) : undefined}
          forms={options.forms}
        />
      ),
    });
  };

  app.get<ProblemParams>('/ejercicios/:slug/problemas/:number', access.public, async (request, reply) => {
    const { slug, number } = parseParams(request, problemParams, 'problem');
    return problemPage(request, reply, slug, number);
  });

  /** The problem a form acts on (its exercise by slug, the problem by number), or the not-found page. */
  const problemOf = async (request: FastifyRequest<ProblemParams>) => {
    const { slug, number } = parseParams(request, problemParams, 'problem');
    const context = await loadExercise(slug);
    const { problem } = await getProblem(db, context.exercise.id, number);
    return { slug, number, problem };
  };
  /** A refusal of a use case shown on the problem's page (409 or 403), else rethrown. */
  const refusedOnPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { slug: string; number: number },
    error: unknown,
  ) => {
    const message = refusalOf(error);
    if (!message) throw error;
    return problemPage(request, reply, target.slug, target.number, {
      status: error instanceof AppError && error.code === 'forbidden' ? 403 : 409,
      problem: message,
    });
  };

  app.post<ProblemParams>('/ejercicios/:slug/problemas/:number/apoyo', access.signedIn, async (request, reply) => {
    const target = await problemOf(request);
    try {
      await supportProblem(db, target.problem.id, {
        actor: actorOf(request),
        now: deps.now(),
        timeZone: config.TIME_ZONE,
      });
    } catch (error) {
      return refusedOnPage(request, reply, target, error);
    }
    return reply.redirect(`${problemPath(target.slug, target.number)}?aviso=apoyado#apoyos`, 303);
  });

  app.post<ProblemParams>(
    '/ejercicios/:slug/problemas/:number/apoyo/retirar',
    access.signedIn,
    async (request, reply) => {
      const target = await problemOf(request);
      try {
        await withdrawSupport(db, target.problem.id, {
          actor: actorOf(request),
          now: deps.now(),
          timeZone: config.TIME_ZONE,
        });
      } catch (error) {
        return refusedOnPage(request, reply, target, error);
      }
      return reply.redirect(`${problemPath(target.slug, target.number)}?aviso=retirado#apoyos`, 303);
    },
  );

  app.post<ProblemParams>('/ejercicios/:slug/problemas/:number/reportar', access.signedIn, async (request, reply) => {
    await limit(request, 'report');
    const target = await problemOf(request);
    const values = formValues(request.body, ['reason', 'details']);
    return submitForm(request, reply, {
      messages: formMessages('report'),
      values,
      parsed: reportProblemInput.safeParse(values),
      invalid: (form, status) =>
        problemPage(request, reply, target.slug, target.number, { status, forms: { report: form } }),
      submit: async (data) => {
        await reportProblem(db, target.problem.id, data, { actor: actorOf(request) });
        return `${problemPath(target.slug, target.number)}?aviso=reportado`;
      },
    });
  });

  app.post<ProblemParams>(
    '/ejercicios/:slug/problemas/:number/ocultar',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await problemOf(request);
      const values = formValues(request.body, ['reason']);
      return submitForm(request, reply, {
        messages: formMessages('hide'),
        values,
        parsed: hideProblemInput.safeParse(values),
        invalid: (form, status) =>
          problemPage(request, reply, target.slug, target.number, { status, forms: { hide: form } }),
        submit: async (data) => {
          await hideProblem(db, target.problem.id, data, { actor: actorOf(request), now: deps.now() });
          return `${problemPath(target.slug, target.number)}?aviso=oculto`;
        },
      });
    },
  );

  app.post<ProblemParams>(
    '/ejercicios/:slug/problemas/:number/decision',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await problemOf(request);
      const values = formValues(request.body, [
        'outcome',
        'reasonCode',
        'explanation',
        'agreementCode',
        'mergedIntoNumber',
      ]);
      return submitForm(request, reply, {
        messages: formMessages('decide'),
        values,
        parsed: decideProblemInput.safeParse(values),
        invalid: (form, status) =>
          problemPage(request, reply, target.slug, target.number, { status, forms: { decide: form } }),
        submit: async (data) => {
          await decideProblem(db, target.problem.id, data, {
            actor: actorOf(request),
            now: deps.now(),
            baseUrl: baseUrl(request),
            siteName: config.SITE_NAME,
          });
          return `${problemPath(target.slug, target.number)}?aviso=decidido`;
        },
        rejected: fieldIssueOf,
        refused: (error) => (refusalOf(error) ? refusedOnPage(request, reply, target, error) : undefined),
      });
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/respuesta-razonada',
    access.public,
    async (request, reply) => {
      const { slug } = parseParams(request, slugParams, 'exercise');
      const context = await loadExercise(slug);
      const rows = await listReasonedResponses(db, context.exercise.id);
      return sendPage(request, reply, deps, {
        title: `${request.t('cocreation.response.title')} · ${context.exercise.title}`,
        body: <ReasonedResponsePage exercise={context.exercise} rows={rows} />,
      });
    },
  );

  app.get('/admin/problemas', access.roles(...moderatorRoles), async (request, reply) => {
    const queue = await listProblemsToModerate(db);
    return sendPage(request, reply, deps, {
      title: request.t('cocreation.moderation.queueTitle'),
      body: <ProblemModerationPage reported={queue.reported} undecided={queue.undecided} />,
    });
  });
}
