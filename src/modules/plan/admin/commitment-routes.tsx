import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { formList, formValues, submitForm, type FormResult } from '../../../web/forms.js';
import { commitmentFormFields, commitmentInputOf, milestoneFormFields, milestoneInputOf } from './admin-forms.js';
import { approveCommitment } from './approve-commitment.js';
import { changeCommitmentStatus, changeCommitmentStatusInput } from './change-commitment-status.js';
import { commitmentFields } from './commitment-fields.js';
import { createMilestone } from './create-milestone.js';
import { getCommitmentForAdmin } from './get-plan-for-admin.js';
import { milestoneFields } from './milestone-fields.js';
import { modifyCommitment } from './modify-commitment.js';
import { proposeCommitment } from './propose-commitment.js';
import { updateCommitment } from './update-commitment.js';
import { planAdminContext, forms, missingCriteria } from './route-context.js';

/**
 * The admin page of a commitment (/admin/compromisos/:id): its fields, its status (propose, approve, modify, change)
 * and a new milestone.
 */
export function commitmentAdminRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, admin, options, idOf, commitmentPage, commitmentProblem } = planAdminContext(deps);

  app.get<{ Params: { id: string } }>('/admin/compromisos/:id', admin, (request, reply) =>
    commitmentPage(request, reply, request.params.id),
  );

  app.post<{ Params: { id: string } }>('/admin/compromisos/:id', admin, async (request, reply) => {
    const id = idOf(request, 'commitment');
    const values = formValues(request.body, commitmentFormFields);
    const selected = formList(request.body, 'municipalities');
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: commitmentFields.safeParse(commitmentInputOf(values, selected)),
      invalid: (form, status) => commitmentPage(request, reply, id, { forms: { fields: form }, selected, status }),
      submit: async (data) => {
        await getCommitmentForAdmin(db, id);
        await updateCommitment(db, id, data, options(request));
        return `/admin/compromisos/${id}?aviso=guardado`;
      },
      refused: (error) => commitmentProblem(request, reply, id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/compromisos/:id/estado', admin, async (request, reply) => {
    const id = idOf(request, 'commitment');
    const values = formValues(request.body, ['action', 'agreementId', 'status', 'note']);
    await getCommitmentForAdmin(db, id);
    /** The move the form asks for, as a write to run once its fields parse. */
    const move = ((): FormResult<() => Promise<unknown>> => {
      if (values.action === 'propose')
        return { success: true, data: () => proposeCommitment(db, id, options(request)) };
      if (values.action === 'approve' || values.action === 'modify') {
        const parsed = z
          .object({ agreementId: z.uuid('agreementId.invalid') })
          .safeParse({ agreementId: values.agreementId.trim() });
        return parsed.success
          ? {
              success: true,
              data: () =>
                (values.action === 'approve' ? approveCommitment : modifyCommitment)(
                  db,
                  id,
                  parsed.data,
                  options(request),
                ),
            }
          : { success: false, issues: parsed.error.issues };
      }
      const parsed = changeCommitmentStatusInput.safeParse({
        status: values.status,
        note: values.note.trim() || undefined,
      });
      return parsed.success
        ? { success: true, data: () => changeCommitmentStatus(db, id, parsed.data, options(request)) }
        : { success: false, issues: parsed.error.issues };
    })();
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: move,
      invalid: (form, status) => commitmentPage(request, reply, id, { forms: { status: form }, status }),
      submit: async (write) => {
        await write();
        return `/admin/compromisos/${id}?aviso=estado`;
      },
      rejected: (error) => {
        if (!(error instanceof AppError) || error.details?.reason !== 'smartIncomplete') return undefined;
        const missing = missingCriteria(error.details);
        const message = request.t('plan.admin.problem.smartIncomplete', {
          missing: missing.map((c) => request.t(`plan.smart.${c}`)).join(', '),
        });
        return { values, errors: {}, summary: [{ field: `smart_${missing[0]}_why`, message }] };
      },
      refused: (error) => commitmentProblem(request, reply, id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/compromisos/:id/hitos', admin, async (request, reply) => {
    const id = idOf(request, 'commitment');
    const values = formValues(request.body, milestoneFormFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: milestoneFields.safeParse(milestoneInputOf(values)),
      invalid: (form, status) => commitmentPage(request, reply, id, { forms: { milestone: form }, status }),
      submit: async (data) => {
        await getCommitmentForAdmin(db, id);
        await createMilestone(db, id, data, options(request));
        return `/admin/compromisos/${id}?aviso=hito`;
      },
    });
  });
}
