import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { fieldErrors, formString } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { emptyForm, type FormState } from '../accounts/views/auth-pages.js';
import { listInstitutions } from '../directory/list-institutions.js';
import { listMunicipalities } from '../directory/list-municipalities.js';
import { activityFormFields, activityInputOf, commitmentFormFields, commitmentInputOf, commitmentValuesOf, milestoneFormFields, milestoneInputOf, milestoneValuesOf, type FormValues } from './admin-forms.js';
import { approveCommitment } from './approve-commitment.js';
import { cancelActivity } from './cancel-activity.js';
import { changeCommitmentStatus, changeCommitmentStatusInput } from './change-commitment-status.js';
import { commitmentFields } from './commitment-fields.js';
import { createActionPlan, createActionPlanInput } from './create-action-plan.js';
import { createActivity } from './create-activity.js';
import { createCommitment } from './create-commitment.js';
import { createMilestone } from './create-milestone.js';
import { deleteActivity } from './delete-activity.js';
import { deleteMilestone } from './delete-milestone.js';
import { getCommitmentForAdmin, getMilestoneForAdmin, getPlanForAdmin, listPlansForAdmin } from './get-plan-for-admin.js';
import { loadActivity } from './load-activity.js';
import { activityFields, milestoneFields } from './milestone-fields.js';
import { modifyCommitment } from './modify-commitment.js';
import { proposeCommitment } from './propose-commitment.js';
import { updateActionPlan, updateActionPlanInput } from './update-action-plan.js';
import { updateCommitment } from './update-commitment.js';
import { cancelInput, cancelMilestone, updateMilestone } from './update-milestone.js';
import { AdminCommitmentPage, AdminMilestonePage, AdminPlanPage, AdminPlansPage, NewCommitmentPage, type CommitmentAdminForms, type MilestoneAdminForms } from './views/admin-pages.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

const notices: Record<string, MessageKey> = {
  creado: 'plan.admin.notice.created',
  guardado: 'plan.admin.notice.saved',
  estado: 'plan.admin.notice.status',
  hito: 'plan.admin.notice.milestone',
  actividad: 'plan.admin.notice.activity',
  cancelada: 'plan.admin.notice.cancelled',
  borrada: 'plan.admin.notice.deleted',
};
const problems: Record<string, MessageKey> = {
  notEditable: 'plan.admin.problem.notEditable',
  badTransition: 'plan.admin.problem.badTransition',
  notCancellable: 'plan.admin.problem.notCancellable',
  planExists: 'plan.admin.problem.planExists',
};
const problemOf = (error: unknown): MessageKey | undefined =>
  error instanceof AppError && error.code === 'conflict' && typeof error.details?.reason === 'string' ? problems[error.details.reason] : undefined;

const formOf = (body: unknown, names: readonly string[]): FormValues => Object.fromEntries(names.map((name) => [name, formString(body, name)]));
const listOf = (body: unknown, name: string): string[] => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
};
const planFormFields = ['exerciseId', 'title', 'periodStart', 'periodEnd', 'strategicVision', 'status', 'approvalAgreementId'] as const;

/** Admin pages of the Local Action Plan under /admin/plan, /admin/compromisos, /admin/hitos and /admin/actividades. */
export function planAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const admin = access.roles('admin');
  const options = (request: FastifyRequest) => ({ actor: request.actor!, now: deps.now(), timeZone: config.TIME_ZONE });
  const notice = (request: FastifyRequest) => {
    const key = notices[((request.query as Record<string, string> | undefined) ?? {}).aviso ?? ''];
    return key ? request.t(key) : undefined;
  };
  const failed = (request: FastifyRequest, issues: z.core.$ZodIssue[], values: FormValues): FormState => {
    const { byField, summary } = fieldErrors(issues, request.t, 'plan.error', 'plan.admin.error.generic');
    return { values, errors: byField, summary };
  };
  const choices = async () => {
    const [institutions, municipalities] = await Promise.all([listInstitutions(db), listMunicipalities(db)]);
    return { institutions: institutions.map(({ institution: i }) => ({ value: i.id, label: i.name })), municipalities: municipalities.map((m) => ({ value: m.cvegeo, label: m.name })) };
  };

  const plansPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) =>
    sendPage(request, reply, deps, { status, title: request.t('plan.admin.plans'), body: <AdminPlansPage rows={await listPlansForAdmin(db)} form={form} /> });

  app.get('/admin/plan', admin, (request, reply) => plansPage(request, reply));
  app.post('/admin/plan', admin, async (request, reply) => {
    const values = formOf(request.body, planFormFields);
    const parsed = createActionPlanInput.safeParse({ ...values, status: 'draft' });
    if (!parsed.success) return plansPage(request, reply, failed(request, parsed.error.issues, values), 400);
    try {
      const plan = await createActionPlan(db, parsed.data, options(request));
      return reply.redirect(`/admin/plan/${plan.id}?aviso=creado`, 303);
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return plansPage(request, reply, { values, errors: {}, summary: [{ field: 'exerciseId', message: request.t(problem) }] }, 409);
      throw error;
    }
  });

  const planPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form?: FormState, status = 200) => {
    const data = await getPlanForAdmin(db, id);
    const p = data.plan;
    const state = form ?? emptyForm({ title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, strategicVision: p.strategicVision, status: p.status, approvalAgreementId: p.approvalAgreementId ?? '' });
    return sendPage(request, reply, deps, { status, title: p.title, body: <AdminPlanPage data={data} form={state} notice={notice(request)} /> });
  };
  app.get<{ Params: { id: string } }>('/admin/plan/:id', admin, (request, reply) => planPage(request, reply, request.params.id));
  app.post<{ Params: { id: string } }>('/admin/plan/:id', admin, async (request, reply) => {
    const values = formOf(request.body, planFormFields);
    const parsed = updateActionPlanInput.safeParse({ ...values, approvalAgreementId: values.approvalAgreementId?.trim() || null });
    if (!parsed.success) return planPage(request, reply, request.params.id, failed(request, parsed.error.issues, values), 400);
    await getPlanForAdmin(db, request.params.id);
    await updateActionPlan(db, request.params.id, parsed.data, options(request));
    return reply.redirect(`/admin/plan/${request.params.id}?aviso=guardado`, 303);
  });

  const newCommitmentPage = async (request: FastifyRequest, reply: FastifyReply, planId: string, form: FormState, selected: string[], status = 200) => {
    const { plan } = await getPlanForAdmin(db, planId);
    const { institutions, municipalities } = await choices();
    return sendPage(request, reply, deps, {
      status,
      title: request.t('plan.admin.newCommitment'),
      body: <NewCommitmentPage plan={plan} form={form} institutions={institutions} municipalities={municipalities} selected={selected} />,
    });
  };
  app.get<{ Params: { id: string } }>('/admin/plan/:id/compromisos/nuevo', admin, (request, reply) => newCommitmentPage(request, reply, request.params.id, emptyForm(), []));
  app.post<{ Params: { id: string } }>('/admin/plan/:id/compromisos/nuevo', admin, async (request, reply) => {
    const values = formOf(request.body, commitmentFormFields);
    const selected = listOf(request.body, 'municipalities');
    const parsed = commitmentFields.safeParse(commitmentInputOf(values, selected));
    if (!parsed.success) return newCommitmentPage(request, reply, request.params.id, failed(request, parsed.error.issues, values), selected, 400);
    const { plan } = await getPlanForAdmin(db, request.params.id);
    const created = await createCommitment(db, { ...parsed.data, planId: plan.id }, options(request));
    return reply.redirect(`/admin/compromisos/${created.id}?aviso=creado`, 303);
  });

  const commitmentPage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { forms?: Partial<CommitmentAdminForms>; selected?: string[]; problem?: string; status?: number } = {}) => {
    const data = await getCommitmentForAdmin(db, id);
    const { institutions, municipalities } = await choices();
    const forms: CommitmentAdminForms = { fields: emptyForm(commitmentValuesOf(data.commitment, data.partners)), status: emptyForm(), milestone: emptyForm({ weight: '1', responsibleInstitutionId: data.commitment.leadInstitutionId }), ...extra.forms };
    return sendPage(request, reply, deps, {
      status: extra.status ?? 200,
      title: data.commitment.title,
      body: <AdminCommitmentPage data={data} forms={forms} institutions={institutions} municipalities={municipalities} selected={extra.selected ?? data.municipalities} notice={notice(request)} problem={extra.problem} />,
    });
  };
  const onProblem = async (request: FastifyRequest, reply: FastifyReply, id: string, error: unknown) => {
    const problem = problemOf(error);
    if (problem) return commitmentPage(request, reply, id, { problem: request.t(problem), status: 409 });
    throw error;
  };

  app.get<{ Params: { id: string } }>('/admin/compromisos/:id', admin, (request, reply) => commitmentPage(request, reply, request.params.id));
  app.post<{ Params: { id: string } }>('/admin/compromisos/:id', admin, async (request, reply) => {
    const values = formOf(request.body, commitmentFormFields);
    const selected = listOf(request.body, 'municipalities');
    const parsed = commitmentFields.safeParse(commitmentInputOf(values, selected));
    if (!parsed.success) return commitmentPage(request, reply, request.params.id, { forms: { fields: failed(request, parsed.error.issues, values) }, selected, status: 400 });
    await getCommitmentForAdmin(db, request.params.id);
    try {
      await updateCommitment(db, request.params.id, parsed.data, options(request));
    } catch (error) {
      return onProblem(request, reply, request.params.id, error);
    }
    return reply.redirect(`/admin/compromisos/${request.params.id}?aviso=guardado`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/compromisos/:id/estado', admin, async (request, reply) => {
    const id = request.params.id;
    const values = formOf(request.body, ['action', 'agreementId', 'status', 'note']);
    await getCommitmentForAdmin(db, id);
    try {
      if (values.action === 'propose') await proposeCommitment(db, id, options(request));
      else if (values.action === 'approve' || values.action === 'modify') {
        const parsed = z.object({ agreementId: z.uuid('agreementId.invalid') }).safeParse({ agreementId: values.agreementId?.trim() });
        if (!parsed.success) return commitmentPage(request, reply, id, { forms: { status: failed(request, parsed.error.issues, values) }, status: 400 });
        await (values.action === 'approve' ? approveCommitment : modifyCommitment)(db, id, parsed.data, options(request));
      } else {
        const parsed = changeCommitmentStatusInput.safeParse({ status: values.status, note: values.note?.trim() || undefined });
        if (!parsed.success) return commitmentPage(request, reply, id, { forms: { status: failed(request, parsed.error.issues, values) }, status: 400 });
        await changeCommitmentStatus(db, id, parsed.data, options(request));
      }
    } catch (error) {
      if (error instanceof AppError && error.details?.reason === 'smartIncomplete') {
        const missing = (error.details.missing as string[]).map((c) => request.t(`plan.smart.${c}` as MessageKey)).join(', ');
        const message = request.t('plan.admin.problem.smartIncomplete', { missing });
        return commitmentPage(request, reply, id, { forms: { status: { values, errors: {}, summary: [{ field: `smart_${(error.details.missing as string[])[0]}_why`, message }] } }, status: 400 });
      }
      return onProblem(request, reply, id, error);
    }
    return reply.redirect(`/admin/compromisos/${id}?aviso=estado`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/compromisos/:id/hitos', admin, async (request, reply) => {
    const values = formOf(request.body, milestoneFormFields);
    const parsed = milestoneFields.safeParse(milestoneInputOf(values));
    if (!parsed.success) return commitmentPage(request, reply, request.params.id, { forms: { milestone: failed(request, parsed.error.issues, values) }, status: 400 });
    await getCommitmentForAdmin(db, request.params.id);
    await createMilestone(db, request.params.id, parsed.data, options(request));
    return reply.redirect(`/admin/compromisos/${request.params.id}?aviso=hito`, 303);
  });

  const milestonePage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { forms?: Partial<MilestoneAdminForms>; problem?: string; status?: number } = {}) => {
    const data = await getMilestoneForAdmin(db, id);
    const { institutions } = await choices();
    const forms: MilestoneAdminForms = { fields: emptyForm(milestoneValuesOf(data.milestone)), cancel: emptyForm(), activity: emptyForm({ responsibleInstitutionId: data.milestone.responsibleInstitutionId }), ...extra.forms };
    return sendPage(request, reply, deps, { status: extra.status ?? 200, title: data.milestone.title, body: <AdminMilestonePage data={data} forms={forms} institutions={institutions} notice={notice(request)} problem={extra.problem} /> });
  };
  app.get<{ Params: { id: string } }>('/admin/hitos/:id', admin, (request, reply) => milestonePage(request, reply, request.params.id));
  app.post<{ Params: { id: string } }>('/admin/hitos/:id', admin, async (request, reply) => {
    const values = formOf(request.body, milestoneFormFields);
    const parsed = milestoneFields.safeParse(milestoneInputOf(values));
    if (!parsed.success) return milestonePage(request, reply, request.params.id, { forms: { fields: failed(request, parsed.error.issues, values) }, status: 400 });
    await getMilestoneForAdmin(db, request.params.id);
    await updateMilestone(db, request.params.id, parsed.data, options(request));
    return reply.redirect(`/admin/hitos/${request.params.id}?aviso=guardado`, 303);
  });
  app.post<{ Params: { id: string } }>('/admin/hitos/:id/cancelar', admin, async (request, reply) => {
    const values = formOf(request.body, ['reason']);
    const parsed = cancelInput.safeParse(values);
    if (!parsed.success) return milestonePage(request, reply, request.params.id, { forms: { cancel: failed(request, parsed.error.issues, values) }, status: 400 });
    await getMilestoneForAdmin(db, request.params.id);
    await cancelMilestone(db, request.params.id, parsed.data, options(request));
    return reply.redirect(`/admin/hitos/${request.params.id}?aviso=cancelada`, 303);
  });
  app.post<{ Params: { id: string } }>('/admin/hitos/:id/borrar', admin, async (request, reply) => {
    const { milestone } = await getMilestoneForAdmin(db, request.params.id);
    await deleteMilestone(db, milestone.id, options(request));
    return reply.redirect(`/admin/compromisos/${milestone.commitmentId}?aviso=borrada`, 303);
  });
  app.post<{ Params: { id: string } }>('/admin/hitos/:id/actividades', admin, async (request, reply) => {
    const values = formOf(request.body, activityFormFields);
    const parsed = activityFields.safeParse(activityInputOf(values));
    if (!parsed.success) return milestonePage(request, reply, request.params.id, { forms: { activity: failed(request, parsed.error.issues, values) }, status: 400 });
    await getMilestoneForAdmin(db, request.params.id);
    await createActivity(db, request.params.id, parsed.data, options(request));
    return reply.redirect(`/admin/hitos/${request.params.id}?aviso=actividad`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/actividades/:id/cancelar', admin, async (request, reply) => {
    const { activity } = await loadActivity(db, request.params.id);
    const parsed = cancelInput.safeParse(formOf(request.body, ['reason']));
    if (!parsed.success) return milestonePage(request, reply, activity.milestoneId, { problem: request.t('plan.admin.problem.cancelReason'), status: 400 });
    try {
      await cancelActivity(db, activity.id, parsed.data, options(request));
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return milestonePage(request, reply, activity.milestoneId, { problem: request.t(problem), status: 409 });
      throw error;
    }
    return reply.redirect(`/admin/hitos/${activity.milestoneId}?aviso=cancelada`, 303);
  });
  app.post<{ Params: { id: string } }>('/admin/actividades/:id/borrar', admin, async (request, reply) => {
    const { activity } = await loadActivity(db, request.params.id);
    await deleteActivity(db, activity.id, options(request));
    return reply.redirect(`/admin/hitos/${activity.milestoneId}?aviso=borrada`, 303);
  });
}
