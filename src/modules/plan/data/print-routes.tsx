import type { FastifyInstance } from 'fastify';
import { sendStreamedPage } from '../../../web/http.js';
import { parseParams, slugParams } from '../../../web/params.js';
import { access } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { utcToZonedTime } from '../../calls/local-time.js';
import { getPlanDocument } from './get-plan-document.js';
import { CommitmentSection, PlanPrintPage } from './views/print-page.js';

/** A plan's print view (/ejercicios/:slug/plan/imprimir): the whole plan as one official document. */
export function printRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/plan/imprimir', access.public, async (request, reply) => {
    const today = utcToZonedTime(deps.now(), config.TIME_ZONE).date;
    const document = await getPlanDocument(db, parseParams(request, slugParams, 'plan').slug, today);
    return sendStreamedPage(request, reply, deps, {
      title: `${document.plan.title} · ${request.t('planData.print.title')}`,
      body: <PlanPrintPage document={document} issuedAt={deps.now()} />,
      parts: document.commitments.map((c) => (
        <CommitmentSection key={c.id} commitment={c} periodEnded={document.periodEnded} />
      )),
    });
  });
}
