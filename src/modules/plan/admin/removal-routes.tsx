import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { AppError } from '../../../shared/errors.js';
import { emptyForm, formValues, submitForm, type FormIssue, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { RemovableRecordType } from '../schema.js';
import { cancelActivity } from './cancel-activity.js';
import { deleteActivity } from './delete-activity.js';
import { deleteMilestone } from './delete-milestone.js';
import { getRemovalImpact, removalInput, type RemovalImpact } from './removal.js';
import { cancelInput, cancelMilestone } from './update-milestone.js';
import { forms, planAdminContext, problemOf } from './route-context.js';
import { RemovalPage, type RemovalAction } from './views/removal-page.js';

const segments: Record<RemovableRecordType, string> = { milestone: 'hitos', activity: 'actividades' };

/** A reason the use case found missing (the commitment was approved meanwhile): shown on the form. */
const reasonMissing = (error: unknown): FormIssue[] | undefined =>
  error instanceof AppError && error.code === 'validation' && error.details?.field === 'reason'
    ? [{ path: ['reason'], message: 'reason.required' }]
    : undefined;

/**
 * Deleting and cancelling a milestone or an activity (/admin/hitos/:id/borrar, …/cancelar, and the same under
 * /admin/actividades): a GET shows what will be lost and asks for the reason (works without JavaScript), its form's
 * POST does it. Of an approved commitment a deletion needs a reason, which its public history keeps; a cancellation
 * always does (removal.ts).
 */
export function removalRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, admin, options, idOf, milestonePage } = planAdminContext(deps);

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    impact: RemovalImpact,
    action: RemovalAction,
    form: FormState = emptyForm(),
    status = 200,
  ) =>
    sendPage(request, reply, deps, {
      status,
      title: request.t(
        `plan.admin.remove.${action}${impact.recordType === 'milestone' ? 'Milestone' : 'Activity'}Title`,
        { title: impact.title },
      ),
      body: <RemovalPage impact={impact} action={action} form={form} />,
    });

  const impactOf = (request: FastifyRequest, recordType: RemovableRecordType) =>
    getRemovalImpact(db, recordType, idOf(request, recordType));

  const remove = (
    impact: RemovalImpact,
    action: RemovalAction,
    reason: string | undefined,
    request: FastifyRequest,
  ) => {
    const input = { reason };
    if (action === 'delete')
      return impact.recordType === 'milestone'
        ? deleteMilestone(db, impact.id, input, options(request))
        : deleteActivity(db, impact.id, input, options(request));
    return impact.recordType === 'milestone'
      ? cancelMilestone(db, impact.id, { reason: reason ?? '' }, options(request))
      : cancelActivity(db, impact.id, { reason: reason ?? '' }, options(request));
  };
  const nextPage = (impact: RemovalImpact, action: RemovalAction) =>
    action === 'delete' && impact.recordType === 'milestone'
      ? `/admin/compromisos/${impact.commitment.id}?aviso=borrada`
      : `/admin/hitos/${impact.milestone.id}?aviso=${action === 'delete' ? 'borrada' : 'cancelada'}`;

  for (const recordType of ['milestone', 'activity'] as const) {
    for (const action of ['delete', 'cancel'] as const) {
      const path = `/admin/${segments[recordType]}/:id/${action === 'delete' ? 'borrar' : 'cancelar'}`;
      // Nothing to cancel any more (a cancelled milestone, a verified or cancelled activity): its milestone says so.
      const refusedNow = (request: FastifyRequest, reply: FastifyReply, impact: RemovalImpact) =>
        action === 'cancel' && !impact.isCancellable
          ? milestonePage(request, reply, impact.milestone.id, {
              problem: request.t('plan.admin.problem.notCancellable'),
              status: 409,
            })
          : undefined;

      app.get<{ Params: { id: string } }>(path, admin, async (request, reply) => {
        const impact = await impactOf(request, recordType);
        return (await refusedNow(request, reply, impact)) ?? page(request, reply, impact, action);
      });

      app.post<{ Params: { id: string } }>(path, admin, async (request, reply) => {
        const impact = await impactOf(request, recordType);
        const refused = await refusedNow(request, reply, impact);
        if (refused) return refused;
        const values = formValues(request.body, ['reason']);
        const schema = action === 'cancel' ? cancelInput : removalInput(impact.isApproved);
        return submitForm(request, reply, {
          messages: forms,
          values,
          parsed: schema.safeParse(values),
          invalid: (form, status) => page(request, reply, impact, action, form, status),
          submit: async (data) => {
            await remove(impact, action, data.reason, request);
            return nextPage(impact, action);
          },
          rejected: reasonMissing,
          refused: (error) => {
            const problem = problemOf(error);
            return problem
              ? milestonePage(request, reply, impact.milestone.id, { problem: request.t(problem), status: 409 })
              : undefined;
          },
        });
      });
    }
  }
}
