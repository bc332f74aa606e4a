import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { parseParams, parseQuery, slugParam } from '../../web/params.js';
import { getPlanResults } from './get-plan-results.js';
import { evaluationContext } from './route-context.js';
import { ResultsPage } from './views/results-page.js';

const resultsQuery = z.object({
  institucion: z.uuid().optional().catch(undefined),
  municipio: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
});

/** A plan's public results (/ejercicios/:slug/plan/resultados): declared, computed and assessed side by side. */
export function resultsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = evaluationContext(deps);

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/plan/resultados', access.public, async (request, reply) => {
    const { slug } = parseParams(request, z.object({ slug: slugParam }), 'plan');
    const query = parseQuery(request, resultsQuery);
    const results = await getPlanResults(db, slug, { institutionId: query.institucion, cvegeo: query.municipio });
    return sendPage(request, reply, deps, {
      title: `${request.t('evaluation.results.title')}: ${results.plan.title}`,
      body: <ResultsPage results={results} />,
    });
  });
}
