import type { FastifyInstance } from 'fastify';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { listProblemsToModerate } from './list-problems-to-moderate.js';
import { moderatorRoles } from './policy.js';
import { cocreationContext } from './route-context.js';
import { ProblemModerationPage } from './views/moderation-page.js';

/** The moderators' queue (/admin/problemas): reported problems and problems still without a disposition. */
export function problemModerationRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = cocreationContext(deps);

  app.get('/admin/problemas', access.roles(...moderatorRoles), async (request, reply) => {
    const queue = await listProblemsToModerate(db);
    return sendPage(request, reply, deps, {
      title: request.t('cocreation.moderation.queueTitle'),
      body: <ProblemModerationPage reported={queue.reported} undecided={queue.undecided} />,
    });
  });
}
