import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { formList, formValues, submitForm, emptyForm } from '../../../web/forms.js';
import { commitmentFormFields, commitmentInputOf } from './admin-forms.js';
import { commitmentFields } from './commitment-fields.js';
import { createActionPlan, createActionPlanInput } from './create-action-plan.js';
import { createCommitment } from './create-commitment.js';
import { getPlanForAdmin } from './get-plan-for-admin.js';
import { updateActionPlan, updateActionPlanInput } from './update-action-plan.js';
import { planAdminContext, forms, planFormFields, problemOf } from './route-context.js';

/**
 * The admin pages of the plans: the list and a new plan (/admin/plan), one plan (/admin/plan/:id) and a new commitment
 * in it.
 */
export function planAdminRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, admin, options, idOf, plansPage, planPage, newCommitmentPage } = planAdminContext(deps);

  app.get('/admin/plan', admin, (request, reply) => plansPage(request, reply));

  app.post('/admin/plan', admin, async (request, reply) => {
    const values = formValues(request.body, planFormFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: createActionPlanInput.safeParse({ ...values, status: 'draft' }),
      invalid: (form, status) => plansPage(request, reply, form, status),
      submit: async (data) => {
        const plan = await createActionPlan(db, data, options(request));
        return `/admin/plan/${plan.id}?aviso=creado`;
      },
      refused: (error) => {
        const problem = problemOf(error);
        return problem
          ? plansPage(
              request,
              reply,
              { values, errors: {}, summary: [{ field: 'exerciseId', message: request.t(problem) }] },
              409,
            )
          : undefined;
      },
    });
  });

  app.get<{ Params: { id: string } }>('/admin/plan/:id', admin, (request, reply) =>
    planPage(request, reply, request.params.id),
  );

  app.post<{ Params: { id: string } }>('/admin/plan/:id', admin, async (request, reply) => {
    const id = idOf(request, 'plan');
    const values = formValues(request.body, planFormFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: updateActionPlanInput.safeParse({
        ...values,
        approvalAgreementId: values.approvalAgreementId.trim() || null,
      }),
      invalid: (form, status) => planPage(request, reply, id, form, status),
      submit: async (data) => {
        await getPlanForAdmin(db, id);
        await updateActionPlan(db, id, data, options(request));
        return `/admin/plan/${id}?aviso=guardado`;
      },
    });
  });

  app.get<{ Params: { id: string } }>('/admin/plan/:id/compromisos/nuevo', admin, (request, reply) =>
    newCommitmentPage(request, reply, request.params.id, emptyForm(), []),
  );

  app.post<{ Params: { id: string } }>('/admin/plan/:id/compromisos/nuevo', admin, async (request, reply) => {
    const id = idOf(request, 'plan');
    const values = formValues(request.body, commitmentFormFields);
    const selected = formList(request.body, 'municipalities');
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: commitmentFields.safeParse(commitmentInputOf(values, selected)),
      invalid: (form, status) => newCommitmentPage(request, reply, id, form, selected, status),
      submit: async (data) => {
        const { plan } = await getPlanForAdmin(db, id);
        const created = await createCommitment(db, { ...data, planId: plan.id }, options(request));
        return `/admin/compromisos/${created.id}?aviso=creado`;
      },
    });
  });
}
