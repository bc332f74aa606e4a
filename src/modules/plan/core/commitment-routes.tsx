import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendPage } from '../../../web/http.js';
import { parseParams, slugParam } from '../../../web/params.js';
import { access } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { loadParticipation, participationNoticeOf } from '../../participation/load-participation.js';
import { commitmentPageSlot } from './commitment-page-slot.js';
import { getCommitmentDetail, listCommitmentHistory } from './get-commitment-detail.js';
import { describeHistory } from '../../audit/present-history.js';
import { sendRecordHistoryPage } from '../../audit/history-routes.js';
import { localDate } from './plan-actor.js';
import { CommitmentPage } from './views/commitment-page.js';

const commitmentParams = z.object({ slug: slugParam, number: z.coerce.number().int().min(1).max(100_000) });

/**
 * A commitment's public page (/ejercicios/:slug/plan/compromisos/:number), with its comments and follow button, and
 * the sections later modules add to it (commitment-page-slot.ts).
 */
export function commitmentRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;

  app.get<{ Params: { slug: string; number: string } }>(
    '/ejercicios/:slug/plan/compromisos/:number',
    access.public,
    async (request, reply) => {
      const { slug, number } = parseParams(request, commitmentParams, 'commitment');
      const detail = await getCommitmentDetail(db, slug, number, localDate(deps.now(), config.TIME_ZONE));
      const participation = await loadParticipation(
        db,
        deps.records,
        { recordType: 'commitment', recordId: detail.commitment.id },
        request.actor,
      );
      const sections = await deps.sections.render(commitmentPageSlot, {
        db,
        config,
        request,
        now: deps.now(),
        subject: { exerciseSlug: slug, commitmentId: detail.commitment.id, number: detail.commitment.number },
      });
      const participationView = participation
        ? { ...participation, notice: participationNoticeOf(request.query) }
        : undefined;
      const history = await describeHistory(db, deps.records, detail.history, detail.knownNames);
      return sendPage(request, reply, deps, {
        title: request.t('plan.commitment.title', { number: detail.commitment.number, title: detail.commitment.title }),
        body: (
          <CommitmentPage detail={detail} history={history} participation={participationView} sections={sections} />
        ),
      });
    },
  );

  app.get<{ Params: { slug: string; number: string } }>(
    '/ejercicios/:slug/plan/compromisos/:number/historial',
    access.public,
    async (request, reply) => {
      const { slug, number } = parseParams(request, commitmentParams, 'commitment');
      const detail = await getCommitmentDetail(db, slug, number, localDate(deps.now(), config.TIME_ZONE));
      const plan = `/ejercicios/${detail.exercise.slug}/plan`;
      const path = `${plan}/compromisos/${detail.commitment.number}`;
      const title = request.t('plan.commitment.title', {
        number: detail.commitment.number,
        title: detail.commitment.title,
      });
      return sendRecordHistoryPage(request, reply, deps, {
        title,
        crumbs: [
          { href: '/', label: request.t('nav.home') },
          { href: `/ejercicios/${detail.exercise.slug}`, label: detail.exercise.title },
          { href: plan, label: detail.plan.title },
          { href: path, label: request.t('plan.commitment.crumb', { number: detail.commitment.number }) },
        ],
        recordHref: path,
        historyHref: `${path}/historial`,
        load: (page) => listCommitmentHistory(db, detail, page),
        known: detail.knownNames,
        nameRecords: false,
      });
    },
  );
}
