import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { AppError } from '../../shared/errors.js';
import { emptyForm, formList, formString, formValues, submitForm } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { parseParams } from '../../web/params.js';
import { findSimilarProblems } from './find-similar-problems.js';
import { problemPath } from './paths.js';
import { cocreationContext, fieldIssueOf, formMessages, refusalOf, slugParams } from './route-context.js';
import { submitProblem, submitProblemInput } from './submit-problem.js';
import {
  NewProblemPage,
  problemFormFields,
  SimilarProblemsPage,
  type ProposerState,
} from './views/new-problem-page.js';

/**
 * Proposing a problem (/ejercicios/:slug/problemas/nuevo): the form, the similar problems offered before it is
 * stored, and the problem submitted.
 */
export function newProblemRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, limit, loadExercise, municipalitiesOf } = cocreationContext(deps);

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
}
