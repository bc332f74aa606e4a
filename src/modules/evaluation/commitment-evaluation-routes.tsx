import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { noticeKey, parseParams, slugParam } from '../../web/params.js';
import { findCommitmentId, getCommitmentEvaluation } from './get-commitment-evaluation.js';
import { canAssess, canReportProgress } from './policy.js';
import { evaluationContext, notices } from './route-context.js';
import { CommitmentEvaluationPage } from './views/commitment-evaluation-page.js';

const commitmentParams = z.object({ slug: slugParam, number: z.coerce.number().int().min(1).max(100_000) });

/** A commitment's public evaluation (/ejercicios/:slug/plan/compromisos/:number/evaluacion): reports, assessments. */
export function commitmentEvaluationRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = evaluationContext(deps);

  app.get<{ Params: { slug: string; number: string } }>(
    '/ejercicios/:slug/plan/compromisos/:number/evaluacion',
    access.public,
    async (request, reply) => {
      const { slug, number } = parseParams(request, commitmentParams, 'commitment');
      const evaluation = await getCommitmentEvaluation(db, await findCommitmentId(db, slug, number));
      const notice = noticeKey(request, notices);
      const actions = request.actor
        ? {
            canReport: canReportProgress(request.actor, evaluation.commitment),
            canAssess: canAssess(request.actor, evaluation.commitment),
          }
        : undefined;
      return sendPage(request, reply, deps, {
        title: `${request.t('evaluation.commitment.title', { number: String(number) })}: ${evaluation.commitment.title}`,
        body: (
          <CommitmentEvaluationPage
            evaluation={evaluation}
            notice={notice ? request.t(notice) : undefined}
            {...(actions ? { actions } : {})}
          />
        ),
      });
    },
  );
}
