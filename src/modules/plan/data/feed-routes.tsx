import type { FastifyInstance } from 'fastify';
import { publicBaseUrl } from '../../../config.js';
import { parseParams, slugParams } from '../../../web/params.js';
import { access } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { getChangeLogHead } from '../../audit/list-change-log.js';
import { listPlanUpdates } from './list-plan-updates.js';
import { planFeedXml } from './views/feed.js';

/** The Atom feed of a plan's updates (/ejercicios/:slug/plan/novedades.atom), read from the change log. */
export function feedRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;

  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/plan/novedades.atom',
    access.public,
    async (request, reply) => {
      const { slug } = parseParams(request, slugParams, 'plan');
      const { plan, updates } = await listPlanUpdates(db, slug);
      const baseUrl = publicBaseUrl(config);
      const xml = planFeedXml({
        baseUrl,
        locale: request.locale,
        t: request.t,
        siteName: config.SITE_NAME,
        slug,
        plan,
        updates,
        logHead: await getChangeLogHead(db),
      });
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('vary', 'Accept-Language, Cookie')
        .header('cache-control', 'public, max-age=300')
        .send(xml);
    },
  );
}
