import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import { formWithMessage, type FormIssue, type FormMessages, emptyForm, type FormState } from '../../../web/forms.js';
import { sendPage, type WebDeps } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { noticeKey, requireId } from '../../../web/params.js';
import { hasRole } from '../../../kernel/actor.js';
import { getExerciseCall } from '../../calls/get-exercise-call.js';
import { listInstitutions } from '../../directory/list-institutions.js';
import { listExercises } from '../../exercises/list-exercises.js';
import { getSecretariat, listSecretariatIds } from '../get-secretariat.js';
import { getSession } from '../get-session.js';
import { listCandidates } from '../list-candidates.js';
import { computeQuorum } from '../quorum.js';
import { AdminSecretariatPage, type AdminSecretariatForms } from '../views/admin-secretariat.js';
import { AdminSecretariatsPage } from '../views/admin-secretariats.js';
import { AdminSessionPage, type AdminSessionForms } from '../views/admin-session.js';
import { sessionTitle } from '../session-calendar.js';
import { attendanceStatuses, type AttendanceStatus } from '../schema.js';
import { localDate } from '../sessions.js';

/** The time of day (HH:MM, 24 h) of an instant in a time zone. */
const localTime = (value: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(value);
import { access } from '../../../kernel/access.js';

type Deps = WebDeps & { db: Db; now: () => Date };

const notices: Record<string, MessageKey> = {
  instalado: 'secretariat.notice.installed',
  lugar: 'secretariat.notice.seatAdded',
  integrante: 'secretariat.notice.memberAdded',
  sesion: 'secretariat.notice.scheduled',
  convocada: 'secretariat.notice.convened',
  asistencia: 'secretariat.notice.attendance',
  acuerdo: 'secretariat.notice.agreement',
  minuta: 'secretariat.notice.minutes',
  aprobada: 'secretariat.notice.approved',
  cancelada: 'secretariat.notice.cancelled',
  reprogramada: 'secretariat.notice.rescheduled',
  'lugar-editado': 'secretariat.notice.seatUpdated',
  'lugar-borrado': 'secretariat.notice.seatDeleted',
  'integrante-editado': 'secretariat.notice.memberUpdated',
  documento: 'secretariat.notice.documentAdded',
  'documento-editado': 'secretariat.notice.documentUpdated',
  'documento-borrado': 'secretariat.notice.documentDeleted',
  seguimiento: 'secretariat.notice.followUp',
};

/** Conflicts the use cases report (details.reason), and what the person is told. */
const problems: Record<string, MessageKey> = {
  alreadyInstalled: 'secretariat.problem.alreadyInstalled',
  secondGuarantor: 'secretariat.problem.secondGuarantor',
  secondFacilitator: 'secretariat.problem.secondFacilitator',
  authorityTwice: 'secretariat.problem.authorityTwice',
  institutionRequired: 'secretariat.problem.institutionRequired',
  notAnAuthority: 'secretariat.problem.notAnAuthority',
  notAGuarantor: 'secretariat.problem.notAGuarantor',
  registrationNotAccepted: 'secretariat.problem.registrationNotAccepted',
  roleTaken: 'secretariat.problem.roleTaken',
  wrongStatus: 'secretariat.problem.wrongStatus',
  noQuorum: 'secretariat.problem.noQuorum',
  notAVoter: 'secretariat.problem.notAVoter',
  minutesMissing: 'secretariat.problem.minutesMissing',
  notApproved: 'secretariat.problem.notApproved',
  wrongMove: 'secretariat.problem.wrongMove',
  attendanceIncomplete: 'secretariat.problem.attendanceIncomplete',
  seatHasSessions: 'secretariat.problem.seatHasSessions',
};
const problemOf = (error: unknown): MessageKey | undefined => {
  if (!(error instanceof AppError) || (error.code !== 'conflict' && error.code !== 'validation')) return undefined;
  const reason = error.details?.reason;
  return typeof reason === 'string' ? problems[reason] : undefined;
};

/** A refused document file (files/store-file.ts reasons), or a document with neither or both of file and link. */
const fileReasons: Record<string, MessageKey> = {
  fileType: 'secretariat.error.file.type',
  fileEmpty: 'secretariat.error.file.empty',
  fileSize: 'secretariat.error.file.size',
  fileArchive: 'secretariat.error.file.archive',
};
/**
 * The id of a document field's input: the admin page of a Secretariat holds the seat form too (whose `kind` is its
 * own), so the document's fields have ids of their own.
 */
const documentFieldId = (field: string) => `document${field.charAt(0).toUpperCase()}${field.slice(1)}`;
const documentForms: FormMessages = {
  prefix: 'secretariat.error',
  fallback: 'error.badRequest.body',
  idFor: documentFieldId,
};
const documentIssues = (problems: { field: string; reason: string }[]): FormIssue[] =>
  problems.map((p) => ({ path: [p.field], message: `${p.field}.${p.reason}` }));
const documentFailure = (
  request: FastifyRequest,
  error: unknown,
  values: Record<string, string>,
): FormState | FormIssue[] | undefined => {
  if (!(error instanceof AppError) || error.code !== 'validation') return undefined;
  const { reason, field } = error.details ?? {};
  if (typeof reason !== 'string' || typeof field !== 'string') return undefined;
  const key = fileReasons[reason];
  if (key) return formWithMessage(values, field, request.t(key), documentFieldId(field));
  return reason === 'missing' || reason === 'both' ? documentIssues([{ field, reason }]) : undefined;
};
const trimmed = (value: string | undefined) => value?.trim() || undefined;

const prefixed = (body: unknown, prefix: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body ?? {}).flatMap(([key, value]) =>
      key.startsWith(prefix) && typeof value === 'string' ? [[key, value]] : [],
    ),
  );
const isAttendanceStatus = (value: string | undefined): value is AttendanceStatus =>
  (attendanceStatuses as readonly (string | undefined)[]).includes(value);
const forms: FormMessages = { prefix: 'secretariat.error', fallback: 'error.badRequest.body' };

/** What every admin page of the Secretariat needs: the database, the role checks, the time zone, the notice. */
function baseContext(deps: Deps) {
  const { db, config } = deps;
  const admin = access.roles('admin');
  const runners = access.roles('admin', 'facilitator');
  const zone = config.TIME_ZONE;
  const noticeOf = (request: FastifyRequest) => {
    const key = noticeKey(request, notices);
    return key ? request.t(key) : undefined;
  };
  const uuidParam = (id: string) => requireId(id, 'secretariat record');
  return { db, config, admin, runners, zone, noticeOf, uuidParam };
}

/**
 * What the admin pages of the Technical Secretariat share (/admin/secretariado): the role checks, the notices, and
 * each page rendered with a form's state, so a refused form shows its page again with what was typed.
 */
export function secretariatAdminContext(deps: Deps) {
  const base = baseContext(deps);
  const { db, zone, noticeOf } = base;
  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    options: { status?: number; problem?: string } = {},
  ) => {
    const [exercises, installed] = await Promise.all([listExercises(db), listSecretariatIds(db)]);
    const entries = exercises.map((e) => ({
      exercise: { id: e.id, title: e.title, slug: e.slug },
      secretariatId: installed.get(e.id),
    }));
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('secretariat.admin.title'),
      body: (
        <AdminSecretariatsPage
          entries={entries}
          form={form}
          canInstall={hasRole(request.actor, 'admin')}
          notice={noticeOf(request)}
          problem={options.problem}
        />
      ),
    });
  };

  const secretariatPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    options: { forms?: Partial<AdminSecretariatForms>; status?: number; problem?: string } = {},
  ) => {
    const detail = await getSecretariat(db, { id });
    const [institutions, candidates] = await Promise.all([
      listInstitutions(db),
      listCandidates(db, detail.exercise.id),
    ]);
    const forms: AdminSecretariatForms = {
      seat: emptyForm(),
      member: emptyForm({ role: 'titular' }),
      session: emptyForm({ kind: 'ordinary' }),
      document: emptyForm({ kind: 'minutes' }),
      ...options.forms,
    };
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('secretariat.admin.of', { exercise: detail.exercise.title }),
      body: (
        <AdminSecretariatPage
          detail={detail}
          institutions={institutions.map(({ institution: i }) => ({ id: i.id, name: i.name }))}
          candidates={candidates}
          forms={forms}
          canManageComposition={hasRole(request.actor, 'admin')}
          zone={zone}
          notice={noticeOf(request)}
          problem={options.problem}
        />
      ),
    });
  };
  /**
   * A known refusal of the composition's use cases: the Secretariat's page with the message on the form's field (409).
   */
  const compositionProblem = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    error: unknown,
    form: 'seat' | 'member',
    field: string,
    values: Record<string, string>,
  ) => {
    const problem = problemOf(error);
    return problem
      ? secretariatPage(request, reply, id, {
          forms: { [form]: formWithMessage(values, field, request.t(problem)) },
          status: 409,
        })
      : undefined;
  };

  return { ...base, listPage, secretariatPage, compositionProblem };
}

/** The admin page of one session (/admin/secretariado/sesiones/:id), rendered with a form's state, and its refusals. */
export function sessionAdminContext(deps: Deps) {
  const base = baseContext(deps);
  const { db, noticeOf } = base;

  const sessionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    sessionId: string,
    options: { forms?: Partial<AdminSessionForms>; status?: number; problem?: string } = {},
  ) => {
    const detail = await getSession(db, { id: sessionId });
    const secretariat = await getSecretariat(db, { id: detail.session.secretariatId });
    const quorum = computeQuorum({
      seats: secretariat.seats,
      attendance: detail.attendance,
      rule: secretariat.secretariat.quorumRule,
    });
    const call = await getExerciseCall(db, secretariat.exercise.id);
    const linkOptions = [
      {
        value: `exercise:${secretariat.exercise.id}`,
        label: request.t('secretariat.linkType.exercise', { title: secretariat.exercise.title }),
      },
      ...(call
        ? [{ value: `call:${call.id}`, label: request.t('secretariat.linkType.call', { title: call.title }) }]
        : []),
    ];
    const forms: AdminSessionForms = {
      attendance: emptyForm(),
      agreement: emptyForm({ decisionMethod: 'vote' }),
      minutes: emptyForm(),
      cancel: emptyForm(),
      followUp: emptyForm(),
      reschedule: emptyForm({
        startsDate: localDate(detail.session.startsAt, base.zone),
        startsTime: localTime(detail.session.startsAt, base.zone),
        place: detail.session.place ?? '',
        onlineUrl: detail.session.onlineUrl ?? '',
      }),
      ...options.forms,
    };
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: sessionTitle(request.t, detail.session),
      body: (
        <AdminSessionPage
          secretariat={secretariat}
          detail={detail}
          quorum={quorum}
          forms={forms}
          linkOptions={linkOptions}
          notice={noticeOf(request)}
          problem={options.problem}
        />
      ),
    });
  };
  /** A known conflict of a session action: the page again with what went wrong (409). */
  const sessionProblem = (
    request: FastifyRequest,
    reply: FastifyReply,
    sessionId: string,
    error: unknown,
    forms?: Partial<AdminSessionForms>,
  ) => {
    const problem = problemOf(error);
    return problem
      ? sessionPage(request, reply, sessionId, { problem: request.t(problem), status: 409, forms })
      : undefined;
  };
  /** Runs a session action without a form of its own; then back to the session with its notice. */
  const attempt = async (
    request: FastifyRequest,
    reply: FastifyReply,
    sessionId: string,
    action: () => Promise<unknown>,
    notice: string,
    forms?: Partial<AdminSessionForms>,
  ) => {
    try {
      await action();
    } catch (error) {
      const answered = sessionProblem(request, reply, sessionId, error, forms);
      if (answered) return answered;
      throw error;
    }
    return reply.redirect(`/admin/secretariado/sesiones/${sessionId}?aviso=${notice}`, 303);
  };

  return { ...base, sessionPage, sessionProblem, attempt };
}

export {
  documentFailure,
  documentForms,
  documentIssues,
  forms,
  isAttendanceStatus,
  prefixed,
  problemOf,
  trimmed,
  type Deps,
};
