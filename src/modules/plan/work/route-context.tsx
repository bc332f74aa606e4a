import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/errors.js';
import { formWithMessage, type FormMessages, emptyForm, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { idParams, parseParams } from '../../../web/params.js';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { localDate } from '../core/plan-actor.js';
import { canReportActivity, canVerifyActivity, planStaffRoles } from '../core/policy.js';
import { getActivityWork } from './get-activity-work.js';
import { ActivityWorkPage, type ActivityForms } from './views/work-pages.js';

type Deps = ModuleDeps;

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
  error instanceof AppError && error.code === 'conflict' && typeof error.details?.reason === 'string'
    ? problems[error.details.reason]
    : undefined;

/** Form problems a use case reports (validation with details.reason), by the field they belong to. */
const fieldProblems: Record<string, { field: string; key: MessageKey }> = {
  evidenceMissing: { field: 'file', key: 'plan.error.evidence.missing' },
  evidenceBoth: { field: 'url', key: 'plan.error.evidence.both' },
  fileType: { field: 'file', key: 'plan.error.file.type' },
  fileEmpty: { field: 'file', key: 'plan.error.file.empty' },
  fileSize: { field: 'file', key: 'plan.error.file.size' },
  fileArchive: { field: 'file', key: 'plan.error.file.archive' },
  evidenceRequired: { field: 'closingNote', key: 'plan.error.done.evidenceRequired' },
};

/**
 * What the routes of an activity's work page (/actividades/:id) share: the role check, the options every write
 * takes, the page rendered with a form's state, and how a refused write shows the page again with the problem.
 */
export function activityWorkContext(deps: Deps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);
  const options = (request: FastifyRequest) => ({
    actor: actorOf(request),
    now: deps.now(),
    timeZone: config.TIME_ZONE,
  });

  const workPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { forms?: Partial<ActivityForms>; notice?: string; problem?: string; status?: number } = {},
  ) => {
    const work = await getActivityWork(db, id);
    const actor = actorOf(request);
    const canReport = canReportActivity(actor, work.activity);
    const canVerify = canVerifyActivity(actor, work.activity);
    if (!canReport && !canVerify) throw new AppError('forbidden', 'not this activity');
    const forms: ActivityForms = {
      note: emptyForm(),
      evidence: emptyForm(),
      done: emptyForm(),
      reject: emptyForm(),
      ...extra.forms,
    };
    return sendPage(request, reply, deps, {
      status: extra.status ?? 200,
      title: work.activity.title,
      body: (
        <ActivityWorkPage
          work={work}
          canReport={canReport}
          canVerify={canVerify}
          forms={forms}
          today={today()}
          notice={extra.notice}
          problem={extra.problem}
        />
      ),
    });
  };

  const activityId = (request: FastifyRequest) => parseParams(request, idParams, 'activity').id;
  /** A refusal of a work page's write: the page again with the problem (409). */
  const workProblem = (request: FastifyRequest, reply: FastifyReply, id: string, error: unknown) => {
    const problem = problemOf(error);
    return problem ? workPage(request, reply, id, { problem: request.t(problem), status: 409 }) : undefined;
  };
  /** A form problem the use case found (validation with a known reason): the message on its field. */
  const fieldFailure = (
    request: FastifyRequest,
    error: unknown,
    values: Record<string, string>,
  ): FormState | undefined => {
    if (!(error instanceof AppError) || error.code !== 'validation' || typeof error.details?.reason !== 'string')
      return undefined;
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

  return { db, guard, options, workPage, activityId, workProblem, fieldFailure, act };
}

export { forms, notices, type Deps };
