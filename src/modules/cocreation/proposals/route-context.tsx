import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { AppError } from '../../../shared/errors.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { noticeKey, parseParams, slugParam } from '../../../web/params.js';
import { loadRecordHistory } from '../../audit/present-history.js';
import { loadParticipation, participationNoticeOf } from '../../participation/load-participation.js';
import { canModerateProblems } from '../policy.js';
import { cocreationContext, refusalOf } from '../route-context.js';
import { getProposal } from './get-proposal.js';
import { ProposalPage, type ProposalForms } from './views/proposal-page.js';

export const proposalParams = z.object({ slug: slugParam, number: z.coerce.number().int().min(1).max(1_000_000) });
export type ProposalParams = { Params: { slug: string; number: string } };

/** Notices after a redirect on a proposal's pages (`?aviso=`). */
export const proposalNotices = {
  enviada: 'cocreation.proposalNotice.submitted',
  editada: 'cocreation.proposalNotice.edited',
  decidida: 'cocreation.notice.decided',
  oculta: 'cocreation.proposalNotice.hidden',
  vinculado: 'cocreation.origins.linked',
  desvinculado: 'cocreation.origins.unlinked',
} as const satisfies Record<string, MessageKey>;

/** What the routes acting on one proposal share: its page (with a form's state or a refusal), and the proposal. */
export function proposalPageContext(deps: ModuleDeps) {
  const base = cocreationContext(deps);
  const { db, loadExercise } = base;

  const proposalPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    number: number,
    options: { status?: number; problem?: MessageKey; forms?: Partial<ProposalForms> } = {},
  ) => {
    const context = await loadExercise(slug);
    const detail = await getProposal(db, context.exercise.id, number);
    const ref = { recordType: 'proposal', recordId: detail.proposal.id };
    const [participation, history] = await Promise.all([
      loadParticipation(db, deps.records, ref, request.actor),
      loadRecordHistory(db, deps.records, ref),
    ]);
    const notice = noticeKey(request, proposalNotices);
    return sendPage(request, reply, deps, {
      title: detail.proposal.hiddenAt
        ? request.t('cocreation.proposal.hiddenTitle', { number })
        : request.t('cocreation.proposal.heading', { number, title: detail.proposal.title }),
      status: options.status,
      body: (
        <ProposalPage
          exercise={context.exercise}
          detail={detail}
          isStaff={canModerateProblems(request.actor)}
          history={history}
          participation={participation ? { ...participation, notice: participationNoticeOf(request.query) } : undefined}
          notice={notice && options.status === undefined ? request.t(notice) : undefined}
          problemMessage={options.problem ? request.t(options.problem) : undefined}
          forms={options.forms}
        />
      ),
    });
  };

  /** The proposal a form acts on (its exercise by slug, the proposal by number), or the not-found page. */
  const proposalOf = async (request: FastifyRequest<ProposalParams>) => {
    const { slug, number } = parseParams(request, proposalParams, 'proposal');
    const context = await loadExercise(slug);
    const { proposal, problem } = await getProposal(db, context.exercise.id, number);
    return { slug, number, proposal, problem, exercise: context.exercise };
  };

  /** A refusal of a use case shown on the proposal's page (409 or 403); undefined for any other error. */
  const refusedOnPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { slug: string; number: number },
    error: unknown,
  ) => {
    const message = refusalOf(error);
    if (!message) return undefined;
    return proposalPage(request, reply, target.slug, target.number, {
      status: error instanceof AppError && error.code === 'forbidden' ? 403 : 409,
      problem: message,
    });
  };

  return { ...base, proposalPage, proposalOf, refusedOnPage };
}
