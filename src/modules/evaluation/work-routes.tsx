import type { FastifyInstance } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import { hasRole } from '../../kernel/actor.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { deadlineSettings } from './deadlines.js';
import { localDate } from './evaluated-commitment.js';
import { listEvaluationMethods } from './evaluation-method.js';
import { listEvaluationWork } from './list-evaluation-work.js';
import { evaluationContext } from './route-context.js';
import { EvaluationWorkPage } from './views/staff-pages.js';

/** The work of liaisons and evaluators (/evaluacion): the commitments they may report on or assess. */
export function evaluationWorkRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = evaluationContext(deps);

  app.get('/evaluacion', access.roles('liaison', 'evaluator'), async (request, reply) => {
    const actor = actorOf(request);
    const work = await listEvaluationWork(db, actor, {
      settings: deadlineSettings(deps.config),
      today: localDate(deps.now(), deps.config.TIME_ZONE),
      timeZone: deps.config.TIME_ZONE,
    });
    const exercises = hasRole(actor, 'evaluator')
      ? (await listEvaluationMethods(db)).filter((e) => e.periodStart).map((e) => ({ slug: e.slug, title: e.title }))
      : [];
    return sendPage(request, reply, deps, {
      title: request.t('evaluation.work.title'),
      body: (
        <EvaluationWorkPage
          work={work}
          isLiaison={hasRole(actor, 'liaison')}
          isEvaluator={hasRole(actor, 'evaluator')}
          exercises={exercises}
        />
      ),
    });
  });
}
