import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { AppError } from '../../shared/errors.js';
import type { FormIssue, FormMessages } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { noticeKey, parseParams, slugParam } from '../../web/params.js';
import { hitRateLimit } from '../accounts/hit-rate-limit.js';
import { loadRecordHistory } from '../audit/present-history.js';
import { listMunicipalities } from '../directory/list-municipalities.js';
import { getExercise } from '../exercises/get-exercise.js';
import { loadParticipation, participationNoticeOf } from '../participation/load-participation.js';
import { getDiagnosisWindow, localDate, windowState } from './diagnosis-window.js';
import { getProblem } from './get-problem.js';
import { canModerateProblems } from './policy.js';
import { ProblemPage, type ProblemForms } from './views/problem-page.js';
import type { ExerciseRef } from './views/problems-page.js';

const slugParams = z.object({ slug: slugParam });
const problemParams = z.object({ slug: slugParam, number: z.coerce.number().int().min(1).max(1_000_000) });
type ProblemParams = { Params: { slug: string; number: string } };

/** Notices after a redirect (`?aviso=`). */
const notices = {
  enviado: 'cocreation.notice.submitted',
  apoyado: 'cocreation.notice.supported',
  retirado: 'cocreation.notice.withdrawn',
  reportado: 'cocreation.notice.reported',
  oculto: 'cocreation.notice.hidden',
  decidido: 'cocreation.notice.decided',
  separado: 'cocreation.notice.unmerged',
  vinculado: 'cocreation.origins.linked',
  desvinculado: 'cocreation.origins.unlinked',
} as const satisfies Record<string, MessageKey>;

/** A use case's refusal in words, by the reason it gives. */
const refusals: Record<string, MessageKey> = {
  diagnosisClosed: 'cocreation.refused.diagnosisClosed',
  notSupportable: 'cocreation.refused.notSupportable',
  unconfirmed: 'cocreation.refused.unconfirmed',
  wrongMove: 'cocreation.refused.wrongMove',
  cocreationClosed: 'cocreation.refused.cocreationClosed',
  proposalHidden: 'cocreation.refused.proposalHidden',
  notMerged: 'cocreation.refused.notMerged',
  registrationClosed: 'cocreation.refused.registrationClosed',
  tableClosed: 'cocreation.refused.tableClosed',
  notHeldYet: 'cocreation.refused.notHeldYet',
};
const refusalOf = (error: unknown): MessageKey | undefined => {
  if (!(error instanceof AppError) || (error.code !== 'conflict' && error.code !== 'forbidden')) return undefined;
  const reason = error.details?.reason;
  return typeof reason === 'string' ? refusals[reason] : undefined;
};
/** A use case's validation refusal that belongs next to a field (e.g. an unknown agreement code). */
const fieldIssueOf = (error: unknown): FormIssue[] | undefined => {
  if (!(error instanceof AppError) || error.code !== 'validation') return undefined;
  const { field, reason } = error.details ?? {};
  return typeof field === 'string' && typeof reason === 'string' ? [{ path: [field], message: reason }] : undefined;
};

/** Proposing and reporting are cheap to abuse: at most this many posts per person (and per address) in the window. */
const rateLimits = {
  propose: { max: 10, windowMinutes: 60 },
  report: { max: 20, windowMinutes: 60 },
  proposeSolution: { max: 10, windowMinutes: 60 },
} as const;

const formMessages = (prefix?: string): FormMessages => ({
  prefix: 'cocreation.form',
  fallback: 'cocreation.form.invalid',
  ...(prefix ? { idFor: (field: string) => `${prefix}-${field}` } : {}),
});

/**
 * What the diagnosis's route files share: the database, the rate limits of proposing and reporting, an exercise with
 * its diagnosis window and where it stands today, and the municipalities of its state.
 */
export function cocreationContext(deps: ModuleDeps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);
  const baseUrl = (request: FastifyRequest) => config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;

  const limit = async (request: FastifyRequest, name: keyof typeof rateLimits) => {
    const rule = rateLimits[name];
    const { hits, ttlMs } = await hitRateLimit(
      db,
      [`${name}-problem:user:${actorOf(request).userId}`, `${name}-problem:ip:${request.ip}`],
      rule.windowMinutes * 60_000,
      deps.now(),
    );
    if (hits > rule.max) throw new AppError('rate_limited', 'too many attempts', { retryAfterMs: ttlMs });
  };

  const loadExercise = async (slug: string) => {
    const { exercise } = await getExercise(db, slug);
    const window = await getDiagnosisWindow(db, exercise.id);
    const ref: ExerciseRef = { id: exercise.id, slug: exercise.slug, title: exercise.title };
    return { exercise: ref, stateCode: exercise.stateCode, window, state: windowState(window, today()) };
  };
  const municipalitiesOf = async (stateCode: string) =>
    (await listMunicipalities(db))
      .filter((m) => m.stateCode === stateCode)
      .map((m) => ({ cvegeo: m.cvegeo, name: m.name }));
  return { db, config, baseUrl, limit, loadExercise, municipalitiesOf };
}

/**
 * What the routes acting on one problem share: its page (rendered with a form's state or a refusal), the problem a
 * form acts on, and a use case's refusal shown on that page.
 */
export function problemPageContext(deps: ModuleDeps) {
  const base = cocreationContext(deps);
  const { db, loadExercise } = base;

  const problemPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    number: number,
    options: { status?: number; problem?: MessageKey; forms?: Partial<ProblemForms> } = {},
  ) => {
    const context = await loadExercise(slug);
    const detail = await getProblem(db, context.exercise.id, number, request.actor?.userId);
    const ref = { recordType: 'problem', recordId: detail.problem.id };
    const [participation, history] = await Promise.all([
      loadParticipation(db, deps.records, ref, request.actor),
      loadRecordHistory(db, deps.records, ref),
    ]);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: detail.problem.hiddenAt
        ? request.t('cocreation.hidden.title', { number })
        : request.t('cocreation.problem.heading', { number, title: detail.problem.title }),
      status: options.status,
      body: (
        <ProblemPage
          exercise={context.exercise}
          detail={detail}
          window={context.window}
          state={context.state}
          viewer={{
            isSignedIn: request.actor !== undefined,
            isConfirmed: request.actor?.isEmailConfirmed ?? false,
            canModerate: canModerateProblems(request.actor),
          }}
          history={history}
          participation={participation ? { ...participation, notice: participationNoticeOf(request.query) } : undefined}
          notice={notice && options.status === undefined ? request.t(notice) : undefined}
          problemMessage={options.problem ? request.t(options.problem) : undefined}
          forms={options.forms}
        />
      ),
    });
  };

  /** The problem a form acts on (its exercise by slug, the problem by number), or the not-found page. */
  const problemOf = async (request: FastifyRequest<ProblemParams>) => {
    const { slug, number } = parseParams(request, problemParams, 'problem');
    const context = await loadExercise(slug);
    const { problem } = await getProblem(db, context.exercise.id, number);
    return { slug, number, problem };
  };
  /** A refusal of a use case shown on the problem's page (409 or 403), else rethrown. */
  const refusedOnPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { slug: string; number: number },
    error: unknown,
  ) => {
    const message = refusalOf(error);
    if (!message) throw error;
    return problemPage(request, reply, target.slug, target.number, {
      status: error instanceof AppError && error.code === 'forbidden' ? 403 : 409,
      problem: message,
    });
  };

  return { ...base, problemPage, problemOf, refusedOnPage };
}

export { fieldIssueOf, formMessages, notices, problemParams, refusalOf, slugParams, type ProblemParams };
