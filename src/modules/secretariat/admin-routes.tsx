import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicBaseUrl } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { formValues, formWithMessage, submitForm, withIssues, type FormIssue, type FormMessages, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage, type WebDeps } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { noticeKey, requireId } from '../../web/params.js';
import { hasRole } from '../../kernel/actor.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { zonedTimeToUtc } from '../calls/local-time.js';
import { linesOf } from '../calls/call-form.js';
import { listInstitutions } from '../directory/list-institutions.js';
import { listExercises } from '../exercises/list-exercises.js';
import { uploadedFile } from '../files/routes.js';
import { addMembership, addMembershipInput } from './add-membership.js';
import { addSeat, addSeatInput } from './add-seat.js';
import { conveneSession } from './convene-session.js';
import { followUpAgreement, followUpAgreementInput } from './follow-up-agreement.js';
import { getSecretariat, listSecretariatIds } from './get-secretariat.js';
import { getSession } from './get-session.js';
import { installDocumentProblems, installSecretariat, installSecretariatInput } from './install-secretariat.js';
import { getAgreement } from './list-agreements.js';
import { listCandidates } from './list-candidates.js';
import { computeQuorum } from './quorum.js';
import { recordAgreement, recordAgreementInput } from './record-agreement.js';
import { recordAttendance } from './record-attendance.js';
import { scheduleSession, scheduleSessionInput } from './schedule-session.js';
import { approveMinutes, cancelSession, cancelSessionInput, minutesProblem, writeMinutes, writeMinutesInput } from './write-minutes.js';
import { AdminSecretariatPage, type AdminSecretariatForms } from './views/admin-secretariat.js';
import { AdminSecretariatsPage } from './views/admin-secretariats.js';
import { AdminSessionPage, type AdminSessionForms } from './views/admin-session.js';
import { sessionTitle } from './session-calendar.js';
import { attendanceStatuses, type AttendanceStatus } from './schema.js';
import { access, actorOf } from '../../kernel/access.js';

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
};
const problemOf = (error: unknown): MessageKey | undefined => {
  if (!(error instanceof AppError) || (error.code !== 'conflict' && error.code !== 'validation')) return undefined;
  const reason = error.details?.reason;
  return typeof reason === 'string' ? problems[reason] : undefined;
};

/** Route options for a form with two file fields (the multipart default takes one). */
const twoFiles = { multipartOptions: { limits: { files: 2 } } };

/** A refused document file (files/store-file.ts reasons), or a document with neither or both of file and link. */
const fileReasons: Record<string, MessageKey> = { fileType: 'secretariat.error.file.type', fileEmpty: 'secretariat.error.file.empty', fileSize: 'secretariat.error.file.size' };
const documentIssues = (problems: { field: string; reason: string }[]): FormIssue[] => problems.map((p) => ({ path: [p.field], message: `${p.field}.${p.reason}` }));
const documentFailure = (request: FastifyRequest, error: unknown, values: Record<string, string>): FormState | FormIssue[] | undefined => {
  if (!(error instanceof AppError) || error.code !== 'validation') return undefined;
  const { reason, field } = error.details ?? {};
  if (typeof reason !== 'string' || typeof field !== 'string') return undefined;
  const key = fileReasons[reason];
  if (key) return formWithMessage(values, field, request.t(key));
  return reason === 'missing' || reason === 'both' ? documentIssues([{ field, reason }]) : undefined;
};
const trimmed = (value: string | undefined) => value?.trim() || undefined;

const prefixed = (body: unknown, prefix: string): Record<string, string> =>
  Object.fromEntries(Object.entries(body ?? {}).flatMap(([key, value]) => (key.startsWith(prefix) && typeof value === 'string' ? [[key, value]] : [])));
const isAttendanceStatus = (value: string | undefined): value is AttendanceStatus => (attendanceStatuses as readonly (string | undefined)[]).includes(value);
const forms: FormMessages = { prefix: 'secretariat.error', fallback: 'error.badRequest.body' };

/**
 * Admin pages of the Technical Secretariat under /admin/secretariado. Admins install it and manage its composition;
 * admins and the facilitator schedule and run sessions, record agreements and follow them up.
 */
export function secretariatAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const admin = access.roles('admin');
  const runners = access.roles('admin', 'facilitator');
  const zone = config.TIME_ZONE;
  const noticeOf = (request: FastifyRequest) => {
    const key = noticeKey(request, notices);
    return key ? request.t(key) : undefined;
  };

  // ---- list and installation ----
  const listPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, options: { status?: number; problem?: string } = {}) => {
    const [exercises, installed] = await Promise.all([listExercises(db), listSecretariatIds(db)]);
    const entries = exercises.map((e) => ({ exercise: { id: e.id, title: e.title, slug: e.slug }, secretariatId: installed.get(e.id) }));
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('secretariat.admin.title'),
      body: <AdminSecretariatsPage entries={entries} form={form} canInstall={hasRole(request.actor, 'admin')} notice={noticeOf(request)} problem={options.problem} />,
    });
  };

  app.get('/admin/secretariado', runners, (request, reply) => listPage(request, reply, emptyForm({ quorumRule: 'more_than_half' })));

  app.post('/admin/secretariado', { config: { ...admin.config, ...twoFiles } }, async (request, reply) => {
    const values = formValues(request.body, ['exerciseId', 'installedOn', 'quorumRule', 'installationActUrl', 'operatingRulesUrl']);
    const files = { installationActFile: uploadedFile(request.body, 'installationActFile'), operatingRulesFile: uploadedFile(request.body, 'operatingRulesFile') };
    const documents = installDocumentProblems({ installationActUrl: trimmed(values.installationActUrl), operatingRulesUrl: trimmed(values.operatingRulesUrl) }, files);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: withIssues(installSecretariatInput.safeParse(values), { after: documentIssues(documents) }),
      invalid: (form, status) => listPage(request, reply, form, { status }),
      submit: async (data) => {
        const row = await installSecretariat(db, { ...data, ...files }, {
          actor: actorOf(request),
          documentTitles: { installationAct: request.t('secretariat.document.installationAct'), operatingRules: request.t('secretariat.document.operatingRules') },
        });
        return `/admin/secretariado/${row.id}?aviso=instalado`;
      },
      rejected: (error) => documentFailure(request, error, values),
      refused: (error) => {
        const problem = problemOf(error);
        return problem ? listPage(request, reply, emptyForm(values), { status: 409, problem: request.t(problem) }) : undefined;
      },
    });
  });

  // ---- one Secretariat: composition and sessions ----
  const secretariatPage = async (request: FastifyRequest, reply: FastifyReply, id: string, options: { forms?: Partial<AdminSecretariatForms>; status?: number; problem?: string } = {}) => {
    const detail = await getSecretariat(db, { id });
    const [institutions, candidates] = await Promise.all([listInstitutions(db), listCandidates(db, detail.exercise.id)]);
    const forms: AdminSecretariatForms = { seat: emptyForm(), member: emptyForm({ role: 'titular' }), session: emptyForm({ kind: 'ordinary' }), ...options.forms };
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
  const uuidParam = (id: string) => requireId(id, 'secretariat record');
  /** A known refusal of the composition's use cases: the Secretariat's page with the message on the form's field (409). */
  const compositionProblem = (request: FastifyRequest, reply: FastifyReply, id: string, error: unknown, form: 'seat' | 'member', field: string, values: Record<string, string>) => {
    const problem = problemOf(error);
    return problem ? secretariatPage(request, reply, id, { forms: { [form]: formWithMessage(values, field, request.t(problem)) }, status: 409 }) : undefined;
  };

  app.get<{ Params: { id: string } }>('/admin/secretariado/:id', runners, (request, reply) => secretariatPage(request, reply, uuidParam(request.params.id)));

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/lugares', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, ['kind', 'institutionId', 'label']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: addSeatInput.safeParse(values),
      invalid: (form, status) => secretariatPage(request, reply, id, { forms: { seat: form }, status }),
      submit: async (data) => {
        await addSeat(db, id, data, { actor: actorOf(request) });
        return `/admin/secretariado/${id}?aviso=lugar`;
      },
      refused: (error) => compositionProblem(request, reply, id, error, 'seat', 'kind', values),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/integrantes', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, ['seatId', 'role', 'registrationId', 'displayName', 'organization', 'email', 'bio', 'startsOn', 'endsOn']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: addMembershipInput.safeParse(values),
      invalid: (form, status) => secretariatPage(request, reply, id, { forms: { member: form }, status }),
      submit: async (data) => {
        await addMembership(db, data, { actor: actorOf(request) });
        return `/admin/secretariado/${id}?aviso=integrante`;
      },
      refused: (error) => compositionProblem(request, reply, id, error, 'member', 'seatId', values),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/sesiones', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, ['kind', 'startsDate', 'startsTime', 'place', 'onlineUrl', 'agenda']);
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(values.startsDate);
    const startsAt = isDate && /^\d{2}:\d{2}$/.test(values.startsTime) ? zonedTimeToUtc(values.startsDate, values.startsTime, zone) : undefined;
    const dateIssues: FormIssue[] = startsAt ? [] : [isDate ? { path: ['startsTime'], message: 'startsTime.invalid' } : { path: ['startsDate'], message: 'startsDate.invalid' }];
    const parsed = scheduleSessionInput.safeParse({ kind: values.kind, startsAt: startsAt ?? new Date(0), place: values.place, onlineUrl: values.onlineUrl, agenda: linesOf(values.agenda) });
    return submitForm(request, reply, {
      messages: { ...forms, idFor: (field) => (field === 'kind' ? 'sessionKind' : field) },
      values,
      parsed: withIssues(parsed, { before: dateIssues }),
      invalid: (form, status) => secretariatPage(request, reply, id, { forms: { session: form }, status }),
      submit: async (data) => {
        const session = await scheduleSession(db, id, data, { actor: actorOf(request) });
        return `/admin/secretariado/sesiones/${session.id}?aviso=sesion`;
      },
    });
  });

  // ---- one session ----
  const sessionPage = async (request: FastifyRequest, reply: FastifyReply, sessionId: string, options: { forms?: Partial<AdminSessionForms>; status?: number; problem?: string } = {}) => {
    const detail = await getSession(db, { id: sessionId });
    const secretariat = await getSecretariat(db, { id: detail.session.secretariatId });
    const quorum = computeQuorum({ seats: secretariat.seats, attendance: detail.attendance, rule: secretariat.secretariat.quorumRule });
    const call = await getExerciseCall(db, secretariat.exercise.id);
    const linkOptions = [
      { value: `exercise:${secretariat.exercise.id}`, label: request.t('secretariat.linkType.exercise', { title: secretariat.exercise.title }) },
      ...(call ? [{ value: `call:${call.id}`, label: request.t('secretariat.linkType.call', { title: call.title }) }] : []),
    ];
    const forms: AdminSessionForms = { attendance: emptyForm(), agreement: emptyForm({ decisionMethod: 'vote' }), minutes: emptyForm(), cancel: emptyForm(), followUp: emptyForm(), ...options.forms };
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: sessionTitle(request.t, detail.session),
      body: <AdminSessionPage secretariat={secretariat} detail={detail} quorum={quorum} forms={forms} linkOptions={linkOptions} notice={noticeOf(request)} problem={options.problem} />,
    });
  };
  /** A known conflict of a session action: the page again with what went wrong (409). */
  const sessionProblem = (request: FastifyRequest, reply: FastifyReply, sessionId: string, error: unknown, forms?: Partial<AdminSessionForms>) => {
    const problem = problemOf(error);
    return problem ? sessionPage(request, reply, sessionId, { problem: request.t(problem), status: 409, forms }) : undefined;
  };
  /** Runs a session action without a form of its own; then back to the session with its notice. */
  const attempt = async (request: FastifyRequest, reply: FastifyReply, sessionId: string, action: () => Promise<unknown>, notice: string, forms?: Partial<AdminSessionForms>) => {
    try {
      await action();
    } catch (error) {
      const answered = sessionProblem(request, reply, sessionId, error, forms);
      if (answered) return answered;
      throw error;
    }
    return reply.redirect(`/admin/secretariado/sesiones/${sessionId}?aviso=${notice}`, 303);
  };

  app.get<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id', runners, (request, reply) => sessionPage(request, reply, uuidParam(request.params.id)));

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/convocar', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    return attempt(request, reply, id, () => conveneSession(db, id, { actor: actorOf(request), baseUrl: publicBaseUrl(config), siteName: config.SITE_NAME, timeZone: zone, now: deps.now() }), 'convocada');
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/asistencia', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = prefixed(request.body, 'seat-');
    const detail = await getSession(db, { id });
    const secretariat = await getSecretariat(db, { id: detail.session.secretariatId });
    const missing = secretariat.seats.filter((s) => !isAttendanceStatus(values[`seat-${s.id}`]));
    if (missing.length) {
      const message = request.t('secretariat.error.attendance.required');
      const form: FormState = { values, errors: Object.fromEntries(missing.map((s) => [`seat-${s.id}`, message])), summary: missing.map((s) => ({ field: `seat-${s.id}`, message })) };
      return sessionPage(request, reply, id, { forms: { attendance: form }, status: 400 });
    }
    const attendance = Object.fromEntries(
      secretariat.seats.flatMap((s) => {
        const status = values[`seat-${s.id}`];
        return isAttendanceStatus(status) ? [[s.id, status]] : [];
      }),
    );
    return attempt(request, reply, id, () => recordAttendance(db, id, attendance, { actor: actorOf(request) }), 'asistencia', { attendance: emptyForm(values) });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/acuerdos', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const fields = formValues(request.body, ['text', 'decisionMethod', 'responsible', 'dueOn', 'link']);
    const values = { ...fields, ...prefixed(request.body, 'vote-') };
    const votes = Object.fromEntries(Object.entries(prefixed(request.body, 'vote-')).map(([key, vote]) => [key.slice('vote-'.length), vote]));
    const [linkType, linkId] = fields.link.split(':');
    const links = linkType && linkId ? [{ recordType: linkType, recordId: linkId }] : [];
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: recordAgreementInput.safeParse({ text: fields.text, decisionMethod: fields.decisionMethod, votes: fields.decisionMethod === 'vote' ? votes : {}, responsible: fields.responsible, dueOn: fields.dueOn, links }),
      invalid: (form, status) => sessionPage(request, reply, id, { forms: { agreement: form }, status }),
      submit: async (data) => {
        await recordAgreement(db, id, data, { actor: actorOf(request), timeZone: zone });
        return `/admin/secretariado/sesiones/${id}?aviso=acuerdo`;
      },
      refused: (error) => sessionProblem(request, reply, id, error, { agreement: emptyForm(values) }),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/minuta', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, ['minutesText', 'minutesUrl', 'recordingUrl']);
    const minutesFile = uploadedFile(request.body, 'minutesFile');
    const both = minutesProblem({ minutesUrl: trimmed(values.minutesUrl) }, minutesFile);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: withIssues(writeMinutesInput.safeParse(values), { after: documentIssues(both ? [{ field: 'minutesUrl', reason: both }] : []) }),
      invalid: (form, status) => sessionPage(request, reply, id, { forms: { minutes: form }, status }),
      submit: async (data) => {
        await writeMinutes(db, id, { ...data, minutesFile }, { actor: actorOf(request) });
        return `/admin/secretariado/sesiones/${id}?aviso=minuta`;
      },
      rejected: (error) => documentFailure(request, error, values),
      refused: (error) => sessionProblem(request, reply, id, error, { minutes: emptyForm(values) }),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/aprobar-minuta', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    return attempt(request, reply, id, () => approveMinutes(db, id, { actor: actorOf(request), now: deps.now() }), 'aprobada');
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/cancelar', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, ['reason']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: cancelSessionInput.safeParse(values),
      invalid: (form, status) => sessionPage(request, reply, id, { forms: { cancel: form }, status }),
      submit: async (data) => {
        await cancelSession(db, id, data, { actor: actorOf(request) });
        return `/admin/secretariado/sesiones/${id}?aviso=cancelada`;
      },
      refused: (error) => sessionProblem(request, reply, id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/acuerdos/:id/seguimiento', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const { agreement } = await getAgreement(db, { id });
    const values = formValues(request.body, ['status', 'note']);
    return submitForm(request, reply, {
      messages: { ...forms, idFor: (field) => `${field}-${id}` },
      values,
      parsed: followUpAgreementInput.safeParse(values),
      invalid: (form, status) => sessionPage(request, reply, agreement.sessionId, { forms: { followUp: { ...form, agreementId: id } }, status }),
      submit: async (data) => {
        await followUpAgreement(db, id, data, { actor: actorOf(request) });
        return `/admin/secretariado/sesiones/${agreement.sessionId}?aviso=seguimiento`;
      },
      refused: (error) => sessionProblem(request, reply, agreement.sessionId, error),
    });
  });
}
