import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { emptyForm, formValues, submitForm, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import { parseParams } from '../../../web/params.js';
import { hideProblemInput } from '../hide-problem.js';
import { proposalPath } from '../paths.js';
import { moderatorRoles } from '../policy.js';
import { fieldIssueOf, formMessages } from '../route-context.js';
import { decideProposal, decideProposalInput } from './decide-proposal.js';
import { editProposal } from './edit-proposal.js';
import { hideProposal } from './hide-proposal.js';
import { listProblemsOpenToProposals } from './list-proposals.js';
import { proposalPageContext, proposalParams, type ProposalParams } from './route-context.js';
import { proposalInput } from './submit-proposal.js';
import { ProposalFormPage, proposalFormFields } from './views/proposal-form-page.js';

/** A proposal's page (/ejercicios/:slug/propuestas/:number) and staff's acts on it: edit, decide, hide. */
export function proposalRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, baseUrl, proposalPage, proposalOf, refusedOnPage } = proposalPageContext(deps);

  app.get<ProposalParams>('/ejercicios/:slug/propuestas/:number', access.public, async (request, reply) => {
    const { slug, number } = parseParams(request, proposalParams, 'proposal');
    return proposalPage(request, reply, slug, number);
  });

  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: Awaited<ReturnType<typeof proposalOf>>,
    form: FormState,
    status?: number,
  ) => {
    // Its own problem stays a choice even if it has moved on (e.g. prioritised) since.
    const open = await listProblemsOpenToProposals(db, target.exercise.id);
    const own = { number: target.problem.number, title: target.problem.title ?? '' };
    const choices = open.some((problem) => problem.number === own.number) ? open : [own, ...open];
    return sendPage(request, reply, deps, {
      title: request.t('cocreation.proposalForm.editTitle', { number: target.number }),
      status,
      body: (
        <ProposalFormPage
          exercise={target.exercise}
          mode="edit"
          window={undefined}
          state="open"
          problems={choices}
          form={form}
          editing={target.number}
        />
      ),
    });
  };

  app.get<ProposalParams>(
    '/ejercicios/:slug/propuestas/:number/editar',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await proposalOf(request);
      return editPage(
        request,
        reply,
        target,
        emptyForm({
          problemNumber: String(target.problem.number),
          title: target.proposal.title,
          description: target.proposal.description,
        }),
      );
    },
  );

  app.post<ProposalParams>(
    '/ejercicios/:slug/propuestas/:number/editar',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await proposalOf(request);
      const values = formValues(request.body, proposalFormFields);
      return submitForm(request, reply, {
        messages: formMessages(),
        values,
        parsed: proposalInput.safeParse(values),
        invalid: (form, status) => editPage(request, reply, target, form, status),
        submit: async (data) => {
          await editProposal(db, target.proposal.id, data, { actor: actorOf(request), now: deps.now() });
          return `${proposalPath(target.slug, target.number)}?aviso=editada`;
        },
        rejected: fieldIssueOf,
        refused: (error) => refusedOnPage(request, reply, target, error),
      });
    },
  );

  app.post<ProposalParams>(
    '/ejercicios/:slug/propuestas/:number/decision',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await proposalOf(request);
      const values = formValues(request.body, [
        'outcome',
        'reasonCode',
        'explanation',
        'agreementCode',
        'commitmentNumber',
      ]);
      return submitForm(request, reply, {
        messages: formMessages('decide'),
        values,
        parsed: decideProposalInput.safeParse(values),
        invalid: (form, status) =>
          proposalPage(request, reply, target.slug, target.number, { status, forms: { decide: form } }),
        submit: async (data) => {
          await decideProposal(db, target.proposal.id, data, {
            actor: actorOf(request),
            now: deps.now(),
            baseUrl: baseUrl(request),
            siteName: config.SITE_NAME,
          });
          return `${proposalPath(target.slug, target.number)}?aviso=decidida`;
        },
        rejected: fieldIssueOf,
        refused: (error) => refusedOnPage(request, reply, target, error),
      });
    },
  );

  app.post<ProposalParams>(
    '/ejercicios/:slug/propuestas/:number/ocultar',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await proposalOf(request);
      const values = formValues(request.body, ['reason']);
      return submitForm(request, reply, {
        messages: formMessages('hide'),
        values,
        parsed: hideProblemInput.safeParse(values),
        invalid: (form, status) =>
          proposalPage(request, reply, target.slug, target.number, { status, forms: { hide: form } }),
        submit: async (data) => {
          await hideProposal(db, target.proposal.id, data, { actor: actorOf(request), now: deps.now() });
          return `${proposalPath(target.slug, target.number)}?aviso=oculta`;
        },
      });
    },
  );
}
