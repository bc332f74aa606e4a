import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { AppError } from '../../../shared/errors.js';
import { emptyForm, formValues, submitForm, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import { noticeKey, pageQuery, parseParams, parseQuery } from '../../../web/params.js';
import { getPhaseWindow, localDate, windowState } from '../diagnosis-window.js';
import { proposalPath } from '../paths.js';
import { canModerateProblems } from '../policy.js';
import { cocreationContext, fieldIssueOf, formMessages, refusalOf, slugParams } from '../route-context.js';
import { proposalStatuses } from '../schema.js';
import { listProblemsOpenToProposals, listProposals, type ProposalFilters } from './list-proposals.js';
import { proposalNotices } from './route-context.js';
import { proposalInput, submitProposal } from './submit-proposal.js';
import { ProposalFormPage, proposalFormFields, type ProposalFormMode } from './views/proposal-form-page.js';
import { ProposalsPage } from './views/proposals-page.js';

const listQuery = z.object({
  estado: z.enum(proposalStatuses).optional().catch(undefined),
  problema: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
  pagina: pageQuery,
});
/** The new-proposal form may come from a problem's page with that problem chosen. */
const newQuery = z.object({
  problema: z
    .string()
    .regex(/^[0-9]{1,7}$/)
    .optional()
    .catch(undefined),
});

/**
 * An exercise's proposals (/ejercicios/:slug/propuestas), the form to propose one (people during co-creation; staff
 * recording one from a table or on paper at any time), and the proposal submitted.
 */
export function proposalsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, limit, loadExercise } = cocreationContext(deps);

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/propuestas', access.public, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    const query = parseQuery(request, listQuery);
    const filters: ProposalFilters = { status: query.estado, problemNumber: query.problema, page: query.pagina };
    const list = await listProposals(db, context.exercise.id, filters);
    const notice = noticeKey(request, proposalNotices);
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.proposals.title')} · ${context.exercise.title}`,
      body: (
        <ProposalsPage
          exercise={context.exercise}
          filters={filters}
          list={list}
          canRecord={canModerateProblems(request.actor)}
          notice={notice ? request.t(notice) : undefined}
        />
      ),
    });
  });

  /** The form as this visitor may use it now, with the window of the exercise's co-creation phase. */
  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { form?: FormState; status?: number } = {},
  ) => {
    const context = await loadExercise(slug);
    const window = await getPhaseWindow(db, context.exercise.id, 'cocreation');
    const state = windowState(window, localDate(deps.now(), config.TIME_ZONE));
    const mode: ProposalFormMode = canModerateProblems(request.actor)
      ? 'record'
      : state !== 'open'
        ? 'closed'
        : !request.actor
          ? 'signedOut'
          : request.actor.isEmailConfirmed
            ? 'propose'
            : 'unconfirmed';
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.proposalForm.title')} · ${context.exercise.title}`,
      status: options.status,
      body: (
        <ProposalFormPage
          exercise={context.exercise}
          mode={mode}
          window={window}
          state={state}
          problems={await listProblemsOpenToProposals(db, context.exercise.id)}
          form={options.form ?? emptyForm()}
        />
      ),
    });
  };

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/propuestas/nueva', access.public, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const { problema } = parseQuery(request, newQuery);
    return formPage(request, reply, slug, { form: emptyForm(problema ? { problemNumber: problema } : {}) });
  });

  app.post<{ Params: { slug: string } }>('/ejercicios/:slug/propuestas', access.signedIn, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    await limit(request, 'proposeSolution');
    const context = await loadExercise(slug);
    const actor = actorOf(request);
    const as = canModerateProblems(request.actor) ? 'recorder' : 'author';
    const values = formValues(request.body, proposalFormFields);
    return submitForm(request, reply, {
      messages: formMessages(),
      values,
      parsed: proposalInput.safeParse(values),
      invalid: (form, status) => formPage(request, reply, slug, { form, status }),
      submit: async (data) => {
        const proposal = await submitProposal(db, context.exercise.id, data, {
          actor,
          as,
          now: deps.now(),
          timeZone: config.TIME_ZONE,
        });
        return `${proposalPath(slug, proposal.number)}?aviso=enviada`;
      },
      rejected: fieldIssueOf,
      refused: (error) =>
        refusalOf(error)
          ? formPage(request, reply, slug, {
              status: error instanceof AppError && error.code === 'forbidden' ? 403 : 409,
            })
          : undefined,
    });
  });
}
