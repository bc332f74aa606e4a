import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { formList, formValues, submitForm, type FormMessages, type FormResult, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { idParams, noticeKey, parseParams } from '../../web/params.js';
import { listInstitutions } from '../directory/list-institutions.js';
import { listMunicipalities } from '../directory/list-municipalities.js';
import { activityFormFields, activityInputOf, commitmentFormFields, commitmentInputOf, commitmentValuesOf, milestoneFormFields, milestoneInputOf, milestoneValuesOf } from './admin-forms.js';
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
import { smartCriteria, type SmartCriterion } from './schema.js';
import { updateCommitment } from './update-commitment.js';
import { cancelInput, cancelMilestone, updateMilestone } from './update-milestone.js';
import { AdminCommitmentPage, AdminMilestonePage, AdminPlanPage, AdminPlansPage, NewCommitmentPage, type CommitmentAdminForms, type MilestoneAdminForms } from './views/admin-pages.js';
import { access, actorOf } from '../../kernel/access.js';
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

const forms: FormMessages = { prefix: 'plan.error', fallback: 'plan.admin.error.generic' };
const isSmartCriterion = (value: unknown): value is SmartCriterion => (smartCriteria as readonly unknown[]).includes(value);
/** The SMART criteria a commitment still lacks (AppError details.missing of 'smartIncomplete'). */
const missingCriteria = (details: Record<string, unknown>) => (Array.isArray(details.missing) ? details.missing.filter(isSmartCriterion) : []);
const planFormFields = ['exerciseId', 'title', 'periodStart', 'periodEnd', 'strategicVision', 'status', 'approvalAgreementId'] as const;

/** Admin pages of the Local Action Plan under /admin/plan, /admin/compromisos, /admin/hitos and /admin/actividades. */
export function planAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const admin = access.roles('admin');
  const options = (request: FastifyRequest) => ({ actor: actorOf(request), now: deps.now(), timeZone: config.TIME_ZONE });
  const notice = (request: FastifyRequest) => {
    const key = noticeKey(request, notices);
    return key ? request.t(key) : undefined;
  };
  const idOf = (request: FastifyRequest, what: string) => parseParams(request, idParams, what).id;
  const choices = async () => {
    const [institutions, municipalities] = await Promise.all([listInstitutions(db), listMunicipalities(db)]);
    return { institutions: institutions.map(({ institution: i }) => ({ value: i.id, label: i.name })), municipalities: municipalities.map((m) => ({ value: m.cvegeo, label: m.name })) };
  };

  const plansPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) =>
    sendPage(request, reply, deps, { status, title: request.t('plan.admin.plans'), body: <AdminPlansPage rows={await listPlansForAdmin(db)} form={form} /> });

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
        return problem ? plansPage(request, reply, { values, errors: {}, summary: [{ field: 'exerciseId', message: request.t(problem) }] }, 409) : undefined;
      },
    });
  });

  const planPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form?: FormState, status = 200) => {
    const data = await getPlanForAdmin(db, id);
    const p = data.plan;
    const state = form ?? emptyForm({ title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, strategicVision: p.strategicVision, status: p.status, approvalAgreementId: p.approvalAgreementId ?? '' });
    return sendPage(request, reply, deps, { status, title: p.title, body: <AdminPlanPage data={data} form={state} notice={notice(request)} /> });
  };
  app.get<{ Params: { id: string } }>('/admin/plan/:id', admin, (request, reply) => planPage(request, reply, request.params.id));
  app.post<{ Params: { id: string } }>('/admin/plan/:id', admin, async (request, reply) => {
    const id = idOf(request, 'plan');
    const values = formValues(request.body, planFormFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: updateActionPlanInput.safeParse({ ...values, approvalAgreementId: values.approvalAgreementId.trim() || null }),
      invalid: (form, status) => planPage(request, reply, id, form, status),
      submit: async (data) => {
        await getPlanForAdmin(db, id);
        await updateActionPlan(db, id, data, options(request));
        return `/admin/plan/${id}?aviso=guardado`;
      },
    });
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
  /** A known conflict of a commitment's use case: its page with what went wrong (409). */
  const commitmentProblem = (request: FastifyRequest, reply: FastifyReply, id: string, error: unknown) => {
    const problem = problemOf(error);
    return problem ? commitmentPage(request, reply, id, { problem: request.t(problem), status: 409 }) : undefined;
  };

  app.get<{ Params: { id: string } }>('/admin/compromisos/:id', admin, (request, reply) => commitmentPage(request, reply, request.params.id));
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
      if (values.action === 'propose') return { success: true, data: () => proposeCommitment(db, id, options(request)) };
      if (values.action === 'approve' || values.action === 'modify') {
        const parsed = z.object({ agreementId: z.uuid('agreementId.invalid') }).safeParse({ agreementId: values.agreementId.trim() });
        return parsed.success ? { success: true, data: () => (values.action === 'approve' ? approveCommitment : modifyCommitment)(db, id, parsed.data, options(request)) } : { success: false, issues: parsed.error.issues };
      }
      const parsed = changeCommitmentStatusInput.safeParse({ status: values.status, note: values.note.trim() || undefined });
      return parsed.success ? { success: true, data: () => changeCommitmentStatus(db, id, parsed.data, options(request)) } : { success: false, issues: parsed.error.issues };
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
        const message = request.t('plan.admin.problem.smartIncomplete', { missing: missing.map((c) => request.t(`plan.smart.${c}`)).join(', ') });
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

  const milestonePage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { forms?: Partial<MilestoneAdminForms>; problem?: string; status?: number } = {}) => {
    const data = await getMilestoneForAdmin(db, id);
    const { institutions } = await choices();
    const forms: MilestoneAdminForms = { fields: emptyForm(milestoneValuesOf(data.milestone)), cancel: emptyForm(), activity: emptyForm({ responsibleInstitutionId: data.milestone.responsibleInstitutionId }), ...extra.forms };
    return sendPage(request, reply, deps, { status: extra.status ?? 200, title: data.milestone.title, body: <AdminMilestonePage data={data} forms={forms} institutions={institutions} notice={notice(request)} problem={extra.problem} /> });
  };
  app.get<{ Params: { id: string } }>('/admin/hitos/:id', admin, (request, reply) => milestonePage(request, reply, request.params.id));
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
  app.post<{ Params: { id: string } }>('/admin/hitos/:id/cancelar', admin, async (request, reply) => {
    const id = idOf(request, 'milestone');
    const values = formValues(request.body, ['reason']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: cancelInput.safeParse(values),
      invalid: (form, status) => milestonePage(request, reply, id, { forms: { cancel: form }, status }),
      submit: async (data) => {
        await getMilestoneForAdmin(db, id);
        await cancelMilestone(db, id, data, options(request));
        return `/admin/hitos/${id}?aviso=cancelada`;
      },
    });
  });
  app.post<{ Params: { id: string } }>('/admin/hitos/:id/borrar', admin, async (request, reply) => {
    const { milestone } = await getMilestoneForAdmin(db, idOf(request, 'milestone'));
    await deleteMilestone(db, milestone.id, options(request));
    return reply.redirect(`/admin/compromisos/${milestone.commitmentId}?aviso=borrada`, 303);
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

  app.post<{ Params: { id: string } }>('/admin/actividades/:id/cancelar', admin, async (request, reply) => {
    const { activity } = await loadActivity(db, idOf(request, 'activity'));
    const values = formValues(request.body, ['reason']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: cancelInput.safeParse(values),
      // The reason is asked for in a small form on the milestone's page: a missing one is said at the top.
      invalid: (_form, status) => milestonePage(request, reply, activity.milestoneId, { problem: request.t('plan.admin.problem.cancelReason'), status }),
      submit: async (data) => {
        await cancelActivity(db, activity.id, data, options(request));
        return `/admin/hitos/${activity.milestoneId}?aviso=cancelada`;
      },
      refused: (error) => {
        const problem = problemOf(error);
        return problem ? milestonePage(request, reply, activity.milestoneId, { problem: request.t(problem), status: 409 }) : undefined;
      },
    });
  });
  app.post<{ Params: { id: string } }>('/admin/actividades/:id/borrar', admin, async (request, reply) => {
    const { activity } = await loadActivity(db, idOf(request, 'activity'));
    await deleteActivity(db, activity.id, options(request));
    return reply.redirect(`/admin/hitos/${activity.milestoneId}?aviso=borrada`, 303);
  });
}
