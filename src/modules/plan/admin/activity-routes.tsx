import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { formValues, submitForm } from '../../../web/forms.js';
import { cancelActivity } from './cancel-activity.js';
import { deleteActivity } from './delete-activity.js';
import { loadActivity } from '../core/load-activity.js';
import { cancelInput } from './update-milestone.js';
import { planAdminContext, forms, problemOf } from './route-context.js';

/** Cancelling or deleting an activity (/admin/actividades/:id/…), from its milestone's admin page. */
export function activityAdminRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, admin, options, idOf, milestonePage } = planAdminContext(deps);

  app.post<{ Params: { id: string } }>('/admin/actividades/:id/cancelar', admin, async (request, reply) => {
    const { activity } = await loadActivity(db, idOf(request, 'activity'));
    const values = formValues(request.body, ['reason']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: cancelInput.safeParse(values),
      // The reason is asked for in a small form on the milestone's page: a missing one is said at the top.
      invalid: (_form, status) =>
        milestonePage(request, reply, activity.milestoneId, {
          problem: request.t('plan.admin.problem.cancelReason'),
          status,
        }),
      submit: async (data) => {
        await cancelActivity(db, activity.id, data, options(request));
        return `/admin/hitos/${activity.milestoneId}?aviso=cancelada`;
      },
      refused: (error) => {
        const problem = problemOf(error);
        return problem
          ? milestonePage(request, reply, activity.milestoneId, { problem: request.t(problem), status: 409 })
          : undefined;
      },
    });
  });

  app.post<{ Params: { id: string } }>('/admin/actividades/:id/borrar', admin, async (request, reply) => {
    const { activity } = await loadActivity(db, idOf(request, 'activity'));
    await deleteActivity(db, activity.id, options(request));
    return reply.redirect(`/admin/hitos/${activity.milestoneId}?aviso=borrada`, 303);
  });
}
