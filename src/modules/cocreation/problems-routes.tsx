import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { noticeKey, oneOfQuery, pageQuery, parseParams, parseQuery, queryString } from '../../web/params.js';
import { listProblems, problemSorts, type ProblemFilters } from './list-problems.js';
import { cocreationContext, notices, slugParams } from './route-context.js';
import { problemStatuses, problemThemes } from './schema.js';
import { ProblemsPage } from './views/problems-page.js';

const listQuery = z.object({
  tema: z.enum(problemThemes).optional().catch(undefined),
  municipio: z
    .string()
    .regex(/^[0-9]{5}$/)
    .optional()
    .catch(undefined),
  estado: z.enum(problemStatuses).optional().catch(undefined),
  orden: oneOfQuery(problemSorts, 'apoyos'),
  pagina: pageQuery,
  aviso: queryString,
});

/** An exercise's public problems (/ejercicios/:slug/problemas): filtered by theme, municipality and status, sorted. */
export function problemsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, loadExercise, municipalitiesOf } = cocreationContext(deps);

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/problemas', access.public, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    const query = parseQuery(request, listQuery);
    const filters: ProblemFilters = {
      theme: query.tema,
      municipality: query.municipio,
      status: query.estado,
      sort: query.orden,
      page: query.pagina,
    };
    const [list, municipalities] = await Promise.all([
      listProblems(db, context.exercise.id, filters),
      municipalitiesOf(context.stateCode),
    ]);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.problems.title')} · ${context.exercise.title}`,
      body: (
        <ProblemsPage
          exercise={context.exercise}
          window={context.window}
          state={context.state}
          filters={filters}
          list={list}
          municipalities={municipalities}
          notice={notice ? request.t(notice) : undefined}
        />
      ),
    });
  });
}
