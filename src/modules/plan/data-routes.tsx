import type { FastifyInstance } from 'fastify';
import { publicBaseUrl } from '../../config.js';
import { sendPage } from '../../web/http.js';
import { parseParams, slugParams } from '../../web/params.js';
import { utcToZonedTime } from '../calls/local-time.js';
import { getPlanDocument } from './get-plan-document.js';
import { listPlanUpdates } from './list-plan-updates.js';
import { parseSearchQuery, SEARCH_MAX_LENGTH, searchPlan } from './search-plan.js';
import { planFeedXml } from './views/data-feed.js';
import { PlanPrintPage } from './views/data-print-page.js';
import { SearchPage } from './views/data-search-page.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

/**
 * Public, read-only pages about the plans: search across every plan (/buscar), the Atom feed of a plan's updates
 * and its print view. No guard: everything here is public and anonymous.
 */
export function planDataRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;
  const today = () => utcToZonedTime(deps.now(), config.TIME_ZONE).date;

  app.get<{ Querystring: { q?: unknown } }>('/buscar', access.public, async (request, reply) => {
    const query = parseSearchQuery(request.query.q);
    const title = request.t('planData.search.title');
    if (query.kind === 'empty') return sendPage(request, reply, deps, { title, body: <SearchPage q="" terms={[]} /> });
    if (query.kind === 'invalid') {
      const message = query.reason === 'tooShort' ? request.t('planData.search.tooShort') : request.t('planData.search.tooLong', { max: SEARCH_MAX_LENGTH });
      return sendPage(request, reply, deps, { status: 400, title, body: <SearchPage q={query.q} terms={[]} error={{ field: 'q', message }} /> });
    }
    const results = await searchPlan(db, query.terms);
    return sendPage(request, reply, deps, { title: `${query.q} · ${title}`, body: <SearchPage q={query.q} terms={query.terms} results={results} /> });
  });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/plan/novedades.atom', access.public, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'plan');
    const { plan, updates } = await listPlanUpdates(db, slug);
    const baseUrl = publicBaseUrl(config);
    const xml = planFeedXml({ baseUrl, locale: request.locale, t: request.t, siteName: config.SITE_NAME, slug, plan, updates });
    return reply.type('application/atom+xml; charset=utf-8').header('vary', 'Accept-Language, Cookie').header('cache-control', 'public, max-age=300').send(xml);
  });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/plan/imprimir', access.public, async (request, reply) => {
    const document = await getPlanDocument(db, parseParams(request, slugParams, 'plan').slug, today());
    return sendPage(request, reply, deps, {
      title: `${document.plan.title} · ${request.t('planData.print.title')}`,
      body: <PlanPrintPage document={document} issuedAt={deps.now()} />,
    });
  });
}
