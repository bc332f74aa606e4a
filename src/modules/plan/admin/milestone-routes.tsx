import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { formValues, submitForm } from '../../../web/forms.js';
import { activityFormFields, activityInputOf, milestoneFormFields, milestoneInputOf } from './admin-forms.js';
import { createActivity } from './create-activity.js';
import { getMilestoneForAdmin } from './get-plan-for-admin.js';
import { activityFields, milestoneFields } from './milestone-fields.js';
import { updateMilestone } from './update-milestone.js';
import { planAdminContext, forms } from './route-context.js';

/** The admin page of a milestone (/admin/hitos/:id): its fields and a new activity (removal-routes.tsx: the rest). */
export function milestoneAdminRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, admin, options, idOf, milestonePage } = planAdminContext(deps);

  app.get<{ Params: { id: string } }>('/admin/hitos/:id', admin, (request, reply) =>
    milestonePage(request, reply, request.params.id),
  );

  app.post<{ Params: { id: string } }>('/admin/hitos/:id', admin, async (request, reply) => {
    const id = idOf(request, 'milestone');
    const values = formValues(request.body, milestoneFormFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: milestoneFields.safeParse(milestoneInputOf(values)),
      invalid: (form, status) => milestonePage(request, reply, id, { forms: { fields: form }, status }),
      submit: async (data) => {
        await getMilestoneForAdmin(db, id);
        await updateMilestone(db, id, data, options(request));
        return `/admin/hitos/${id}?aviso=guardado`;
      },
    });
  });

  app.post<{ Params: { id: string } }>('/admin/hitos/:id/actividades', admin, async (request, reply) => {
    const id = idOf(request, 'milestone');
    const values = formValues(request.body, activityFormFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: activityFields.safeParse(activityInputOf(values)),
      invalid: (form, status) => milestonePage(request, reply, id, { forms: { activity: form }, status }),
      submit: async (data) => {
        await getMilestoneForAdmin(db, id);
        await createActivity(db, id, data, options(request));
        return `/admin/hitos/${id}?aviso=actividad`;
      },
    });
  });
}
