import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../../web/http.js';
import { access } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { parseSearchQuery, SEARCH_MAX_LENGTH, searchPlan } from './search-plan.js';
import { searchResultsSlot } from './search-slot.js';
import { SearchPage } from './views/search-page.js';

/**
 * Search across every public plan (/buscar): commitments, milestones and activities, by trigram similarity; later
 * modules add their own results (search-slot.ts).
 */
export function searchRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;

  app.get<{ Querystring: { q?: unknown } }>('/buscar', access.public, async (request, reply) => {
    const query = parseSearchQuery(request.query.q);
    const title = request.t('planData.search.title');
    if (query.kind === 'empty') return sendPage(request, reply, deps, { title, body: <SearchPage q="" terms={[]} /> });
    if (query.kind === 'invalid') {
      const message =
        query.reason === 'tooShort'
          ? request.t('planData.search.tooShort')
          : request.t('planData.search.tooLong', { max: SEARCH_MAX_LENGTH });
      return sendPage(request, reply, deps, {
        status: 400,
        title,
        body: <SearchPage q={query.q} terms={[]} error={{ field: 'q', message }} />,
      });
    }
    const [results, sections] = await Promise.all([
      searchPlan(db, query.terms),
      deps.sections.render(searchResultsSlot, {
        db,
        config: deps.config,
        request,
        now: deps.now(),
        subject: { q: query.q, terms: query.terms },
      }),
    ]);
    return sendPage(request, reply, deps, {
      title: `${query.q} · ${title}`,
      body: <SearchPage q={query.q} terms={query.terms} results={results} sections={sections} />,
    });
  });
}
