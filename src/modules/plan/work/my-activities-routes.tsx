import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../../web/http.js';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { localDate } from '../core/plan-actor.js';
import { canManagePlan, liaisonInstitutions, planStaffRoles, verifierRoles } from '../core/policy.js';
import { listActivitiesToVerify, listMyActivities } from './list-work-activities.js';
import { MyActivitiesPage } from './views/work-pages.js';

/** A liaison's or verifier's list of work (/mis-actividades): their institution's activities and those to verify. */
export function myActivitiesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;

  app.get('/mis-actividades', access.roles(...planStaffRoles), async (request, reply) => {
    const actor = actorOf(request);
    const mine = await listMyActivities(db, canManagePlan(actor) ? null : liaisonInstitutions(actor));
    const isVerifier = actor.roles.some((r) => (verifierRoles as readonly string[]).includes(r.role));
    const ownInstitutions = actor.roles.map((r) => r.institutionId).filter((id): id is string => Boolean(id));
    const toVerify = isVerifier ? await listActivitiesToVerify(db, ownInstitutions) : undefined;
    const today = localDate(deps.now(), config.TIME_ZONE);
    return sendPage(request, reply, deps, {
      title: request.t('plan.work.title'),
      body: <MyActivitiesPage activities={mine} toVerify={toVerify} today={today} />,
    });
  });
}
