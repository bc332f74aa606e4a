import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sendPage } from '../../../web/http.js';
import { oneOfQuery, pageQuery, parseParams, parseQuery, slugParams } from '../../../web/params.js';
import { access } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { getPlanOverview } from './get-plan-overview.js';
import { planLateSlot } from './late-items-slot.js';
import { lateKinds, listLateItems, listPlanMilestones } from './list-plan-milestones.js';
import { localDate } from './plan-actor.js';
import { PlanCalendarPage, PlanLatePage } from './views/plan-lists-pages.js';
import { commitmentSorts, PlanPage, sortDirections } from './views/plan-page.js';
import { planPendingSlot } from './plan-time.js';

const planQuery = z.object({
  orden: oneOfQuery(commitmentSorts, 'numero'),
  sentido: z.enum(sortDirections).optional().catch(undefined),
  pagina: pageQuery,
});
const calendarQuery = z.object({ pagina: pageQuery });
const lateQuery = z.object({ tipo: oneOfQuery(lateKinds, 'hitos'), pagina: pageQuery });

/** The public plan of an exercise: its page (/ejercicios/:slug/plan), its calendar of milestones and its late items. */
export function planRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);

  app.get<{ Params: { slug: string }; Querystring: { orden?: string; sentido?: string; pagina?: string } }>(
    '/ejercicios/:slug/plan',
    access.public,
    async (request, reply) => {
      const overview = await getPlanOverview(db, parseParams(request, slugParams, 'plan').slug, today());
      const { orden: sort, sentido: direction, pagina } = parseQuery(request, planQuery);
      // Only a plan whose period ended asks the later modules what is still pending (no query otherwise).
      const pending = overview.periodEnded
        ? await deps.sections.render(planPendingSlot, {
            db,
            config,
            request,
            now: deps.now(),
            subject: {
              planId: overview.plan.id,
              exerciseSlug: overview.exercise.slug,
              periodEnd: overview.plan.periodEnd,
            },
          })
        : undefined;
      return sendPage(request, reply, deps, {
        title: overview.plan.title,
        body: <PlanPage overview={overview} sort={sort} direction={direction} page={pagina} pending={pending} />,
      });
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { pagina?: string } }>(
    '/ejercicios/:slug/plan/calendario',
    access.public,
    async (request, reply) => {
      const calendar = await listPlanMilestones(db, parseParams(request, slugParams, 'plan').slug, {
        page: parseQuery(request, calendarQuery).pagina,
        today: today(),
      });
      return sendPage(request, reply, deps, {
        title: `${request.t('plan.calendar.title')}: ${calendar.plan.title}`,
        body: <PlanCalendarPage calendar={calendar} />,
      });
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { tipo?: string; pagina?: string } }>(
    '/ejercicios/:slug/plan/atrasos',
    access.public,
    async (request, reply) => {
      const { tipo: kind, pagina } = parseQuery(request, lateQuery);
      const late = await listLateItems(db, parseParams(request, slugParams, 'plan').slug, {
        kind,
        page: pagina,
        today: today(),
      });
      const sections = await deps.sections.render(planLateSlot, {
        db,
        config,
        request,
        now: deps.now(),
        subject: { exercise: late.exercise, plan: late.plan },
      });
      return sendPage(request, reply, deps, {
        title: `${request.t('plan.late.title')}: ${late.plan.title}`,
        body: <PlanLatePage late={late} sections={sections} />,
      });
    },
  );
}
