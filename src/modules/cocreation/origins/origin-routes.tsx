import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { formValues, submitForm, type FormState } from '../../../web/forms.js';
import { problemPath, proposalPath } from '../paths.js';
import { moderatorRoles } from '../policy.js';
import { proposalPageContext, type ProposalParams } from '../proposals/route-context.js';
import { fieldIssueOf, formMessages, problemPageContext, type ProblemParams } from '../route-context.js';
import { linkOrigin, linkOriginInput, unlinkOrigin, type OriginSubject } from './link-origin.js';

/**
 * Traceability, for staff: link a problem or a proposal to the commitment of the plan it became, or take the link
 * back (…/compromisos and …/compromisos/quitar under the problem's or the proposal's page). Linking changes no state.
 */
export function originRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const problemContext = problemPageContext(deps);
  const proposalContext = proposalPageContext(deps);
  const { db } = problemContext;

  /** One link form round trip: the page again with the form's errors, or back to the page with a notice. */
  const linkTrip = (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      subject: OriginSubject;
      path: string;
      isRemoval: boolean;
      page: (form: FormState, status: number) => Promise<FastifyReply>;
    },
  ) => {
    const values = formValues(request.body, ['commitmentNumber']);
    return submitForm(request, reply, {
      messages: formMessages('link'),
      values,
      parsed: linkOriginInput.safeParse(values),
      invalid: options.page,
      submit: async (data) => {
        const acting = { actor: actorOf(request), now: deps.now() };
        if (options.isRemoval) await unlinkOrigin(db, options.subject, data, acting);
        else await linkOrigin(db, options.subject, data, acting);
        return `${options.path}?aviso=${options.isRemoval ? 'desvinculado' : 'vinculado'}#became-heading`;
      },
      rejected: fieldIssueOf,
    });
  };

  for (const isRemoval of [false, true]) {
    const suffix = isRemoval ? '/compromisos/quitar' : '/compromisos';
    app.post<ProblemParams>(
      `/ejercicios/:slug/problemas/:number${suffix}`,
      access.roles(...moderatorRoles),
      async (request, reply) => {
        const target = await problemContext.problemOf(request);
        return linkTrip(request, reply, {
          subject: { type: 'problem', id: target.problem.id },
          path: problemPath(target.slug, target.number),
          isRemoval,
          page: (form, status) =>
            problemContext.problemPage(request, reply, target.slug, target.number, { status, forms: { link: form } }),
        });
      },
    );
    app.post<ProposalParams>(
      `/ejercicios/:slug/propuestas/:number${suffix}`,
      access.roles(...moderatorRoles),
      async (request, reply) => {
        const target = await proposalContext.proposalOf(request);
        return linkTrip(request, reply, {
          subject: { type: 'proposal', id: target.proposal.id },
          path: proposalPath(target.slug, target.number),
          isRemoval,
          page: (form, status) =>
            proposalContext.proposalPage(request, reply, target.slug, target.number, {
              status,
              forms: { link: form },
            }),
        });
      },
    );
  }
}
