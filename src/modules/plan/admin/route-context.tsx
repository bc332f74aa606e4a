import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/errors.js';
import { type FormMessages, emptyForm, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { idParams, noticeKey, parseParams } from '../../../web/params.js';
import { listInstitutions } from '../../directory/list-institutions.js';
import { listMunicipalities } from '../../directory/list-municipalities.js';
import { commitmentValuesOf, milestoneValuesOf } from './admin-forms.js';
import {
  getCommitmentForAdmin,
  getMilestoneForAdmin,
  getPlanForAdmin,
  listPlansForAdmin,
} from './get-plan-for-admin.js';
import { smartCriteria, type SmartCriterion } from '../schema.js';
import { AdminCommitmentPage, type CommitmentAdminForms } from './views/commitment-page.js';
import { AdminMilestonePage, type MilestoneAdminForms } from './views/milestone-page.js';
import { AdminPlanPage, AdminPlansPage, NewCommitmentPage } from './views/plan-pages.js';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';

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
  error instanceof AppError && error.code === 'conflict' && typeof error.details?.reason === 'string'
    ? problems[error.details.reason]
    : undefined;

const forms: FormMessages = { prefix: 'plan.error', fallback: 'plan.admin.error.generic' };
const isSmartCriterion = (value: unknown): value is SmartCriterion =>
  (smartCriteria as readonly unknown[]).includes(value);
/** The SMART criteria a commitment still lacks (AppError details.missing of 'smartIncomplete'). */
const missingCriteria = (details: Record<string, unknown>) =>
  Array.isArray(details.missing) ? details.missing.filter(isSmartCriterion) : [];
const planFormFields = [
  'exerciseId',
  'title',
  'periodStart',
  'periodEnd',
  'strategicVision',
  'status',
  'approvalAgreementId',
] as const;

/** Admin pages of the Local Action Plan under /admin/plan, /admin/compromisos, /admin/hitos and /admin/actividades. */
/**
 * What the admin pages of the plan share (/admin/plan, /admin/compromisos, /admin/hitos, /admin/actividades): the
 * role check, the options every write takes, and each page rendered with a form's state, so a refused form shows
 * its page again with what was typed.
 */
export function planAdminContext(deps: ModuleDeps) {
  const { db, config } = deps;
  const admin = access.roles('admin');
  const options = (request: FastifyRequest) => ({
    actor: actorOf(request),
    now: deps.now(),
    timeZone: config.TIME_ZONE,
  });
  const notice = (request: FastifyRequest) => {
    const key = noticeKey(request, notices);
    return key ? request.t(key) : undefined;
  };
  const idOf = (request: FastifyRequest, what: string) => parseParams(request, idParams, what).id;
  const choices = async () => {
    const [institutions, municipalities] = await Promise.all([listInstitutions(db), listMunicipalities(db)]);
    return {
      institutions: institutions.map(({ institution: i }) => ({ value: i.id, label: i.name })),
      municipalities: municipalities.map((m) => ({ value: m.cvegeo, label: m.name })),
    };
  };

  const plansPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) =>
    sendPage(request, reply, deps, {
      status,
      title: request.t('plan.admin.plans'),
      body: <AdminPlansPage rows={await listPlansForAdmin(db)} form={form} />,
    });

  const planPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form?: FormState, status = 200) => {
    const data = await getPlanForAdmin(db, id);
    const p = data.plan;
    const state =
      form ??
      emptyForm({
        title: p.title,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        strategicVision: p.strategicVision,
        status: p.status,
        approvalAgreementId: p.approvalAgreementId ?? '',
      });
    return sendPage(request, reply, deps, {
      status,
      title: p.title,
      body: <AdminPlanPage data={data} form={state} notice={notice(request)} />,
    });
  };

  const newCommitmentPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    planId: string,
    form: FormState,
    selected: string[],
    status = 200,
  ) => {
    const { plan } = await getPlanForAdmin(db, planId);
    const { institutions, municipalities } = await choices();
    return sendPage(request, reply, deps, {
      status,
      title: request.t('plan.admin.newCommitment'),
      body: (
        <NewCommitmentPage
          plan={plan}
          form={form}
          institutions={institutions}
          municipalities={municipalities}
          selected={selected}
        />
      ),
    });
  };

  const commitmentPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { forms?: Partial<CommitmentAdminForms>; selected?: string[]; problem?: string; status?: number } = {},
  ) => {
    const data = await getCommitmentForAdmin(db, id);
    const { institutions, municipalities } = await choices();
    const forms: CommitmentAdminForms = {
      fields: emptyForm(commitmentValuesOf(data.commitment, data.partners)),
      status: emptyForm(),
      milestone: emptyForm({ weight: '1', responsibleInstitutionId: data.commitment.leadInstitutionId }),
      ...extra.forms,
    };
    return sendPage(request, reply, deps, {
      status: extra.status ?? 200,
      title: data.commitment.title,
      body: (
        <AdminCommitmentPage
          data={data}
          forms={forms}
          institutions={institutions}
          municipalities={municipalities}
          selected={extra.selected ?? data.municipalities}
          notice={notice(request)}
          problem={extra.problem}
        />
      ),
    });
  };
  /** A known conflict of a commitment's use case: its page with what went wrong (409). */
  const commitmentProblem = (request: FastifyRequest, reply: FastifyReply, id: string, error: unknown) => {
    const problem = problemOf(error);
    return problem ? commitmentPage(request, reply, id, { problem: request.t(problem), status: 409 }) : undefined;
  };

  const milestonePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { forms?: Partial<MilestoneAdminForms>; problem?: string; status?: number } = {},
  ) => {
    const data = await getMilestoneForAdmin(db, id);
    const { institutions } = await choices();
    const forms: MilestoneAdminForms = {
      fields: emptyForm(milestoneValuesOf(data.milestone)),
      activity: emptyForm({ responsibleInstitutionId: data.milestone.responsibleInstitutionId }),
      ...extra.forms,
    };
    return sendPage(request, reply, deps, {
      status: extra.status ?? 200,
      title: data.milestone.title,
      body: (
        <AdminMilestonePage
          data={data}
          forms={forms}
          institutions={institutions}
          notice={notice(request)}
          problem={extra.problem}
        />
      ),
    });
  };

  return {
    db,
    admin,
    options,
    idOf,
    plansPage,
    planPage,
    newCommitmentPage,
    commitmentPage,
    commitmentProblem,
    milestonePage,
  };
}

export { forms, missingCriteria, planFormFields, problemOf };
