import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { AppError } from '../../../shared/errors.js';
import { formList, formValues, submitForm } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { noticeKey, parseParams, slugParam, uuidParam } from '../../../web/params.js';
import { rankingPath } from '../paths.js';
import { canModerateProblems, moderatorRoles } from '../policy.js';
import { cocreationContext, fieldIssueOf, formMessages, slugParams } from '../route-context.js';
import { addCriterion, criterionInput, publishCriteria, removeCriterion } from './criteria.js';
import { getRanking } from './get-ranking.js';
import { scoreProblem, scoreProblemInput } from './score-problem.js';
import { selectProblems, selectProblemsInput } from './select-problems.js';
import { RankingPage, type RankingForms } from './views/ranking-page.js';

type SlugParams = { Params: { slug: string } };

const notices = {
  criterio: 'cocreation.rankingNotice.criterion',
  quitado: 'cocreation.rankingNotice.removed',
  publicado: 'cocreation.rankingNotice.published',
  puntajes: 'cocreation.rankingNotice.scored',
  seleccion: 'cocreation.rankingNotice.selected',
} as const satisfies Record<string, MessageKey>;

const refusals: Record<string, MessageKey> = {
  criteriaPublished: 'cocreation.refused.criteriaPublished',
  criteriaNotPublished: 'cocreation.refused.criteriaNotPublished',
  selectionMade: 'cocreation.refused.selectionMade',
  noCriteria: 'cocreation.refused.noCriteria',
  notScorable: 'cocreation.refused.notScorable',
};

/**
 * An exercise's prioritisation (/ejercicios/:slug/priorizacion): the public ranking, and staff's forms on the same
 * page: the criteria while they are a draft, their publication, the scores, the selection by an agreement.
 */
export function rankingRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, baseUrl, loadExercise } = cocreationContext(deps);

  const rankingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { status?: number; problem?: MessageKey; forms?: Partial<RankingForms> } = {},
  ) => {
    const context = await loadExercise(slug);
    const ranking = await getRanking(db, context.exercise.id);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.ranking.title')} · ${context.exercise.title}`,
      status: options.status,
      body: (
        <RankingPage
          exercise={context.exercise}
          ranking={ranking}
          isStaff={canModerateProblems(request.actor)}
          notice={notice && options.status === undefined ? request.t(notice) : undefined}
          problemMessage={options.problem ? request.t(options.problem) : undefined}
          forms={options.forms}
        />
      ),
    });
  };

  /** A refusal of the prioritisation's rules on its page (409), else undefined. */
  const refused = (request: FastifyRequest, reply: FastifyReply, slug: string, error: unknown) => {
    if (!(error instanceof AppError) || error.code !== 'conflict') return undefined;
    const reason = error.details?.reason;
    const message = typeof reason === 'string' ? refusals[reason] : undefined;
    return message ? rankingPage(request, reply, slug, { status: 409, problem: message }) : undefined;
  };

  /** A staff act without a form of its own to correct: done, or refused on the page. */
  const act = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    run: () => Promise<unknown>,
    notice: keyof typeof notices,
  ) => {
    try {
      await run();
    } catch (error) {
      const answered = refused(request, reply, slug, error);
      if (answered) return answered;
      throw error;
    }
    return reply.redirect(`${rankingPath(slug)}?aviso=${notice}`, 303);
  };

  app.get<SlugParams>('/ejercicios/:slug/priorizacion', access.public, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    return rankingPage(request, reply, slug);
  });

  const staff = access.roles(...moderatorRoles);

  app.post<SlugParams>('/ejercicios/:slug/priorizacion/criterios', staff, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    const values = formValues(request.body, ['name', 'description', 'weight']);
    return submitForm(request, reply, {
      messages: formMessages('criterion'),
      values,
      parsed: criterionInput.safeParse(values),
      invalid: (form, status) => rankingPage(request, reply, slug, { status, forms: { criterion: form } }),
      submit: async (data) => {
        await addCriterion(db, context.exercise.id, data, { actor: actorOf(request), now: deps.now() });
        return `${rankingPath(slug)}?aviso=criterio`;
      },
      refused: (error) => refused(request, reply, slug, error),
    });
  });

  app.post<{ Params: { slug: string; id: string } }>(
    '/ejercicios/:slug/priorizacion/criterios/:id/quitar',
    staff,
    async (request, reply) => {
      const { slug, id } = parseParams(request, z.object({ slug: slugParam, id: uuidParam }), 'criterion');
      const context = await loadExercise(slug);
      const acting = { actor: actorOf(request), now: deps.now() };
      return act(request, reply, slug, () => removeCriterion(db, context.exercise.id, id, acting), 'quitado');
    },
  );

  app.post<SlugParams>('/ejercicios/:slug/priorizacion/publicar', staff, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    const acting = { actor: actorOf(request), now: deps.now() };
    return act(request, reply, slug, () => publishCriteria(db, context.exercise.id, acting), 'publicado');
  });

  app.post<{ Params: { slug: string; number: string } }>(
    '/ejercicios/:slug/priorizacion/puntajes/:number',
    staff,
    async (request, reply) => {
      const { slug, number } = parseParams(
        request,
        z.object({ slug: slugParam, number: z.coerce.number().int().min(1).max(1_000_000) }),
        'problem',
      );
      const context = await loadExercise(slug);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const scores = Object.fromEntries(
        Object.entries(body)
          .filter(([name, value]) => /^score-[0-9]{1,3}$/.test(name) && typeof value === 'string' && value !== '')
          .map(([name, value]) => [name.slice('score-'.length), value as string]),
      );
      const values = Object.fromEntries(
        Object.entries(scores).map(([position, score]) => [`score-${position}`, score]),
      );
      return submitForm(request, reply, {
        messages: formMessages(`score-${number}`),
        values,
        parsed: scoreProblemInput.safeParse({ scores }),
        invalid: (form, status) => rankingPage(request, reply, slug, { status, forms: { score: { number, form } } }),
        submit: async (data) => {
          await scoreProblem(db, context.exercise.id, number, data, { actor: actorOf(request), now: deps.now() });
          return `${rankingPath(slug)}?aviso=puntajes`;
        },
        refused: (error) => refused(request, reply, slug, error),
      });
    },
  );

  app.post<SlugParams>('/ejercicios/:slug/priorizacion/seleccion', staff, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    const chosen = formList(request.body, 'problemNumbers');
    const values = { ...formValues(request.body, ['agreementCode', 'explanation']), problemNumbers: chosen.join(',') };
    return submitForm(request, reply, {
      messages: formMessages('select'),
      values,
      parsed: selectProblemsInput.safeParse({ ...values, problemNumbers: chosen }),
      invalid: (form, status) => rankingPage(request, reply, slug, { status, forms: { select: form } }),
      submit: async (data) => {
        await selectProblems(db, context.exercise.id, data, {
          actor: actorOf(request),
          now: deps.now(),
          baseUrl: baseUrl(request),
          siteName: config.SITE_NAME,
        });
        return `${rankingPath(slug)}?aviso=seleccion`;
      },
      rejected: fieldIssueOf,
      refused: (error) => refused(request, reply, slug, error),
    });
  });
}
