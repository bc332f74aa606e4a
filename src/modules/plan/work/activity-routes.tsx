import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { formString, formWithMessage, submitForm, type FormMessages, emptyForm, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { idParams, noticeKey, parseParams, uuidParam } from '../../../web/params.js';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { uploadedFile } from '../../files/routes.js';
import { localDate } from '../core/plan-actor.js';
import { canReportActivity, canVerifyActivity, planStaffRoles } from '../core/policy.js';
import { addActivityNote, noteInput } from './add-activity-note.js';
import { attachEvidence, evidenceInput } from './attach-evidence.js';
import { getActivityWork } from './get-activity-work.js';
import { doneInput, markActivityDone } from './mark-activity-done.js';
import { rejectEvidence, rejectInput } from './reject-evidence.js';
import { startActivity } from './start-activity.js';
import { verifyActivity } from './verify-activity.js';
import { ActivityWorkPage, type ActivityForms } from './views/work-pages.js';

type Deps = ModuleDeps;

const evidenceParams = z.object({ id: uuidParam, evidenceId: uuidParam });
const forms: FormMessages = { prefix: 'plan.error', fallback: 'error.badRequest.body' };

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

/**
 * An activity's work page (/actividades/:id), where its institution's liaisons record progress (start, notes,
 * evidence, done) and people outside that institution verify it or reject a piece of evidence.
 */
export function activityRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);
  const options = (request: FastifyRequest) => ({ actor: actorOf(request), now: deps.now(), timeZone: config.TIME_ZONE });

  const workPage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { forms?: Partial<ActivityForms>; notice?: string; problem?: string; status?: number } = {}) => {
    const work = await getActivityWork(db, id);
    const actor = actorOf(request);
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

  const activityId = (request: FastifyRequest) => parseParams(request, idParams, 'activity').id;
  /** A refusal of a work page's write: the page again with the problem (409). */
  const workProblem = (request: FastifyRequest, reply: FastifyReply, id: string, error: unknown) => {
    const problem = problemOf(error);
    return problem ? workPage(request, reply, id, { problem: request.t(problem), status: 409 }) : undefined;
  };
  /** A form problem the use case found (validation with a known reason): the message on its field. */
  const fieldFailure = (request: FastifyRequest, error: unknown, values: Record<string, string>): FormState | undefined => {
    if (!(error instanceof AppError) || error.code !== 'validation' || typeof error.details?.reason !== 'string') return undefined;
    const found = fieldProblems[error.details.reason];
    return found ? formWithMessage(values, found.field, request.t(found.key)) : undefined;
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
    const id = activityId(request);
    try {
      await write();
    } catch (error) {
      const answered = workProblem(request, reply, id, error);
      if (answered) return answered;
      const state = form && fieldFailure(request, error, values);
      if (state) return workPage(request, reply, id, { forms: { [form]: state }, status: 400 });
      throw error;
    }
    return reply.redirect(`/actividades/${id}?aviso=${notice}`, 303);
  };

  const guard = access.roles(...planStaffRoles);

  app.get<{ Params: { id: string }; Querystring: { aviso?: string } }>('/actividades/:id', guard, (request, reply) => {
    const notice = noticeKey(request, notices);
    return workPage(request, reply, activityId(request), { notice: notice ? request.t(notice) : undefined });
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/iniciar', guard, (request, reply) => act(request, reply, 'iniciada', undefined, {}, () => startActivity(db, request.params.id, options(request))));

  app.post<{ Params: { id: string } }>('/actividades/:id/notas', guard, async (request, reply) => {
    const id = activityId(request);
    const values = { body: formString(request.body, 'body') };
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: noteInput.safeParse(values),
      invalid: (form, status) => workPage(request, reply, id, { forms: { note: form }, status }),
      submit: async (data) => {
        await addActivityNote(db, id, data, options(request));
        return `/actividades/${id}?aviso=nota`;
      },
      rejected: (error) => fieldFailure(request, error, values),
      refused: (error) => workProblem(request, reply, id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/evidencias', guard, async (request, reply) => {
    const id = activityId(request);
    const values = { description: formString(request.body, 'description'), url: formString(request.body, 'url').trim() };
    const upload = uploadedFile(request.body, 'file');
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: evidenceInput.safeParse({ description: values.description, url: values.url || undefined }),
      invalid: (form, status) => workPage(request, reply, id, { forms: { evidence: form }, status }),
      submit: async (data) => {
        await attachEvidence(db, id, { ...data, file: upload ? { content: upload.content, filename: upload.filename } : undefined }, options(request));
        return `/actividades/${id}?aviso=evidencia`;
      },
      rejected: (error) => fieldFailure(request, error, values),
      refused: (error) => workProblem(request, reply, id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/terminar', guard, async (request, reply) => {
    const id = activityId(request);
    const values = { closingNote: formString(request.body, 'closingNote') };
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: doneInput.safeParse(values),
      invalid: (form, status) => workPage(request, reply, id, { forms: { done: form }, status }),
      submit: async (data) => {
        await markActivityDone(db, id, data, options(request));
        return `/actividades/${id}?aviso=terminada`;
      },
      rejected: (error) => fieldFailure(request, error, values),
      refused: (error) => workProblem(request, reply, id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/actividades/:id/verificar', guard, (request, reply) => act(request, reply, 'verificada', undefined, {}, () => verifyActivity(db, request.params.id, options(request))));

  app.post<{ Params: { id: string; evidenceId: string } }>('/actividades/:id/evidencias/:evidenceId/rechazar', guard, async (request, reply) => {
    const { id, evidenceId } = parseParams(request, evidenceParams, 'evidence');
    const values = { reason: formString(request.body, 'reason') };
    return submitForm(request, reply, {
      messages: { ...forms, idFor: (field) => `${field}-${evidenceId}` },
      values,
      parsed: rejectInput.safeParse(values),
      invalid: (form, status) => workPage(request, reply, id, { forms: { reject: { ...form, evidenceId } }, status }),
      submit: async (data) => {
        await rejectEvidence(db, evidenceId, data, options(request));
        return `/actividades/${id}?aviso=rechazada`;
      },
      refused: (error) => workProblem(request, reply, id, error),
    });
  });
}
