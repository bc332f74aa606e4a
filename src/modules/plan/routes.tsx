import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { fieldErrors, formString } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { emptyForm, type FormState } from '../accounts/views/auth-pages.js';
import { isUploadedFile } from '../files/routes.js';
import { addActivityNote, noteInput } from './add-activity-note.js';
import { attachEvidence, evidenceInput } from './attach-evidence.js';
import { getActivityWork } from './get-activity-work.js';
import { getCommitmentDetail } from './get-commitment-detail.js';
import { getPlanOverview } from './get-plan-overview.js';
import { lateKinds, listLateItems, listPlanMilestones, type LateKind } from './list-plan-milestones.js';
import { listActivitiesToVerify, listMyActivities } from './list-work-activities.js';
import { doneInput, markActivityDone } from './mark-activity-done.js';
import { localDate } from './plan-actor.js';
import { canManagePlan, canReportActivity, canVerifyActivity, liaisonInstitutions, planStaffRoles, verifierRoles } from './policy.js';
import { rejectEvidence, rejectInput } from './reject-evidence.js';
import { startActivity } from './start-activity.js';
import { verifyActivity } from './verify-activity.js';
import { CommitmentPage } from './views/commitment-page.js';
import { loadParticipation, participationNoticeOf } from '../participation/load-participation.js';
import { commitmentSorts, PlanPage, type CommitmentSort } from './views/plan-page.js';
import { PlanCalendarPage, PlanLatePage } from './views/plan-lists-pages.js';

/** A `?pagina=` value as a page number (1 for anything that is not a positive whole number, capped). */
const pageNumber = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};
import { ActivityWorkPage, MyActivitiesPage, type ActivityForms } from './views/work-pages.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

const notices: Record<string, MessageKey> = {
  iniciada: 'plan.notice.started',
  nota: 'plan.notice.note',
  evidencia: 'plan.notice.evidence',
  terminada: 'plan.notice.done',
  verificada: 'plan.notice.verified',
  rechazada: 'plan.notice.rejected',
};

/** Refusals a use case reports (details.reason) and what the person is told. */
const problems: Record<string, MessageKey> = {
  notStartable: 'plan.problem.notStartable',
  notOpen: 'plan.problem.notOpen',
  notDone: 'plan.problem.notDone',
  evidenceClosed: 'plan.problem.evidenceClosed',
  notReviewable: 'plan.problem.notReviewable',
  cancelled: 'plan.problem.cancelled',
};
const problemOf = (error: unknown): MessageKey | undefined =>
  error instanceof AppError && error.code === 'conflict' && typeof error.details?.reason === 'string' ? problems[error.details.reason] : undefined;

/** Form problems a use case reports (validation with details.reason), by the field they belong to. */
const fieldProblems: Record<string, { field: string; key: MessageKey }> = {
  evidenceMissing: { field: 'file', key: 'plan.error.evidence.missing' },
  evidenceBoth: { field: 'url', key: 'plan.error.evidence.both' },
  fileType: { field: 'file', key: 'plan.error.file.type' },
  fileEmpty: { field: 'file', key: 'plan.error.file.empty' },
  fileSize: { field: 'file', key: 'plan.error.file.size' },
  evidenceRequired: { field: 'closingNote', key: 'plan.error.done.evidenceRequired' },
};

const staff = planStaffRoles;

/**
 * The public plan pages (/ejercicios/:slug/plan, /ejercicios/:slug/plan/compromisos/:number) and the work pages where
 * liaisons record progress and people outside the responsible institution verify it (/mis-actividades, /actividades/:id).
 */
export function planRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);
  const options = (request: FastifyRequest) => ({ actor: request.actor!, now: deps.now(), timeZone: config.TIME_ZONE });

  app.get<{ Params: { slug: string }; Querystring: { orden?: string; pagina?: string } }>('/ejercicios/:slug/plan', access.public, async (request, reply) => {
    const overview = await getPlanOverview(db, request.params.slug, today());
    const sort = (commitmentSorts as readonly string[]).includes(request.query.orden ?? '') ? (request.query.orden as CommitmentSort) : 'numero';
    return sendPage(request, reply, deps, { title: overview.plan.title, body: <PlanPage overview={overview} sort={sort} page={pageNumber(request.query.pagina)} /> });
  });

  app.get<{ Params: { slug: string }; Querystring: { pagina?: string } }>('/ejercicios/:slug/plan/calendario', access.public, async (request, reply) => {
    const calendar = await listPlanMilestones(db, request.params.slug, { page: pageNumber(request.query.pagina), today: today() });
    return sendPage(request, reply, deps, { title: `${request.t('plan.calendar.title')}: ${calendar.plan.title}`, body: <PlanCalendarPage calendar={calendar} /> });
  });

  app.get<{ Params: { slug: string }; Querystring: { tipo?: string; pagina?: string } }>('/ejercicios/:slug/plan/atrasos', access.public, async (request, reply) => {
    const kind = (lateKinds as readonly string[]).includes(request.query.tipo ?? '') ? (request.query.tipo as LateKind) : 'hitos';
    const late = await listLateItems(db, request.params.slug, { kind, page: pageNumber(request.query.pagina), today: today() });
    return sendPage(request, reply, deps, { title: `${request.t('plan.late.title')}: ${late.plan.title}`, body: <PlanLatePage late={late} /> });
  });

  app.get<{ Params: { slug: string; number: string } }>('/ejercicios/:slug/plan/compromisos/:number', access.public, async (request, reply) => {
    const detail = await getCommitmentDetail(db, request.params.slug, Number(request.params.number), today());
    const participation = await loadParticipation(db, deps.records, { recordType: 'commitment', recordId: detail.commitment.id }, request.actor);
    const participationView = participation ? { ...participation, notice: participationNoticeOf(request.query) } : undefined;
    return sendPage(request, reply, deps, {
      title: request.t('plan.commitment.title', { number: detail.commitment.number, title: detail.commitment.title }),
      body: <CommitmentPage detail={detail} participation={participationView} />,
    });
  });

  app.get('/mis-actividades', access.roles(...staff), async (request, reply) => {
    const actor = request.actor!;
    const mine = await listMyActivities(db, canManagePlan(actor) ? null : liaisonInstitutions(actor));
    const isVerifier = actor.roles.some((r) => (verifierRoles as readonly string[]).includes(r.role));
    const ownInstitutions = actor.roles.map((r) => r.institutionId).filter((id): id is string => Boolean(id));
    const toVerify = isVerifier ? await listActivitiesToVerify(db, ownInstitutions) : undefined;
    return sendPage(request, reply, deps, { title: request.t('plan.work.title'), body: <MyActivitiesPage activities={mine} toVerify={toVerify} today={today()} /> });
  });

  const workPage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { forms?: Partial<ActivityForms>; notice?: string; problem?: string; status?: number } = {}) => {
    const work = await getActivityWork(db, id);
    const actor = request.actor!;
    const canReport = canReportActivity(actor, work.activity);
    const canVerify = canVerifyActivity(actor, work.activity);
    if (!canReport && !canVerify) throw new AppError('forbidden', 'not this activity');
    const forms: ActivityForms = { note: emptyForm(), evidence: emptyForm(), done: emptyForm(), reject: emptyForm(), ...extra.forms };
    return sendPage(request, reply, deps, {
      status: extra.status ?? 200,
      title: work.activity.title,
      body: <ActivityWorkPage work={work} canReport={canReport} canVerify={canVerify} forms={forms} today={today()} notice={extra.notice} problem={extra.problem} />,
    });
  };

  const failed = (request: FastifyRequest, issues: z.core.$ZodIssue[], values: Record<string, string>, idFor?: (field: string) => string): FormState => {
    const { byField, summary } = fieldErrors(issues, request.t, 'plan.error', 'error.badRequest.body', idFor);
    return { values, errors: byField, summary };
  };
  const fieldFailure = (request: FastifyRequest, reason: string, values: Record<string, string>): FormState | undefined => {
    const found = fieldProblems[reason];
    if (!found) return undefined;
    const message = request.t(found.key);
    return { values, errors: { [found.field]: message }, summary: [{ field: found.field, message }] };
  };

  /** Runs a write of the work page; on a refusal, the page again with the problem (and what was typed). */
  const act = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    notice: string,
    form: keyof ActivityForms | undefined,
    values: Record<string, string>,
    write: () => Promise<unknown>,
  ) => {
    const id = request.params.id;
    try {
      await write();
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return workPage(request, reply, id, { problem: request.t(problem), status: 409 });
      if (form && error instanceof AppError && error.code === 'validation' && typeof error.details?.reason === 'string') {
        const state = fieldFailure(request, error.details.reason, values);
        if (state) return workPage(request, reply, id, { forms: { [form]: state }, status: 400 });
      }
      throw error;
    }
    return reply.redirect(`/actividades/${id}?aviso=${notice}`, 303);
  };

  const guard = access.roles(...staff);

  app.get<{ Params: { id: string }; Querystring: { aviso?: string } }>('/actividades/:id', guard, (request, reply) => {
    const notice = notices[request.query.aviso ?? ''];
    return workPage(request, reply, request.params.id, { notice: notice ? request.t(notice) : undefined });
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/iniciar', guard, (request, reply) => act(request, reply, 'iniciada', undefined, {}, () => startActivity(db, request.params.id, options(request))));

  app.post<{ Params: { id: string } }>('/actividades/:id/notas', guard, async (request, reply) => {
    const values = { body: formString(request.body, 'body') };
    const parsed = noteInput.safeParse(values);
    if (!parsed.success) return workPage(request, reply, request.params.id, { forms: { note: failed(request, parsed.error.issues, values) }, status: 400 });
    return act(request, reply, 'nota', 'note', values, () => addActivityNote(db, request.params.id, parsed.data, options(request)));
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/evidencias', guard, async (request, reply) => {
    const body = request.body as Record<string, unknown> | undefined;
    const values = { description: formString(body, 'description'), url: formString(body, 'url').trim() };
    const parsed = evidenceInput.safeParse({ description: values.description, url: values.url || undefined });
    if (!parsed.success) return workPage(request, reply, request.params.id, { forms: { evidence: failed(request, parsed.error.issues, values) }, status: 400 });
    const upload = isUploadedFile(body?.file) ? body.file : undefined;
    return act(request, reply, 'evidencia', 'evidence', values, () =>
      attachEvidence(db, request.params.id, { ...parsed.data, file: upload ? { content: upload.content, filename: upload.filename } : undefined }, options(request)),
    );
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/terminar', guard, async (request, reply) => {
    const values = { closingNote: formString(request.body, 'closingNote') };
    const parsed = doneInput.safeParse(values);
    if (!parsed.success) return workPage(request, reply, request.params.id, { forms: { done: failed(request, parsed.error.issues, values) }, status: 400 });
    return act(request, reply, 'terminada', 'done', values, () => markActivityDone(db, request.params.id, parsed.data, options(request)));
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/verificar', guard, (request, reply) => act(request, reply, 'verificada', undefined, {}, () => verifyActivity(db, request.params.id, options(request))));

  app.post<{ Params: { id: string; evidenceId: string } }>('/actividades/:id/evidencias/:evidenceId/rechazar', guard, async (request, reply) => {
    const values = { reason: formString(request.body, 'reason') };
    const parsed = rejectInput.safeParse(values);
    if (!parsed.success) return workPage(request, reply, request.params.id, { forms: { reject: { ...failed(request, parsed.error.issues, values, (field) => `${field}-${request.params.evidenceId}`), evidenceId: request.params.evidenceId } }, status: 400 });
    return act(request, reply, 'rechazada', undefined, values, () => rejectEvidence(db, request.params.evidenceId, parsed.data, options(request)));
  });
}
