import type { FastifyInstance } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { problemPath } from './paths.js';
import { problemPageContext, type ProblemParams } from './route-context.js';
import { supportProblem, withdrawSupport } from './support-problem.js';

/** Supporting a problem and withdrawing the support (/ejercicios/:slug/problemas/:number/apoyo). */
export function problemSupportRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, problemOf, refusedOnPage } = problemPageContext(deps);

  app.post<ProblemParams>('/ejercicios/:slug/problemas/:number/apoyo', access.signedIn, async (request, reply) => {
    const target = await problemOf(request);
    try {
      await supportProblem(db, target.problem.id, {
        actor: actorOf(request),
        now: deps.now(),
        timeZone: config.TIME_ZONE,
      });
    } catch (error) {
      return refusedOnPage(request, reply, target, error);
    }
    return reply.redirect(`${problemPath(target.slug, target.number)}?aviso=apoyado#apoyos`, 303);
  });

  app.post<ProblemParams>(
    '/ejercicios/:slug/problemas/:number/apoyo/retirar',
    access.signedIn,
    async (request, reply) => {
      const target = await problemOf(request);
      try {
        await withdrawSupport(db, target.problem.id, {
          actor: actorOf(request),
          now: deps.now(),
          timeZone: config.TIME_ZONE,
        });
      } catch (error) {
        return refusedOnPage(request, reply, target, error);
      }
      return reply.redirect(`${problemPath(target.slug, target.number)}?aviso=retirado#apoyos`, 303);
    },
  );
}
