import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { fieldErrors, formString } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { hasRole } from '../../kernel/actor.js';
import { publicActor } from '../../kernel/actor.js';
import { emptyForm, type FormState } from '../accounts/views/auth-pages.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { zonedTimeToUtc } from '../calls/local-time.js';
import { linesOf } from '../calls/call-form.js';
import { listInstitutions } from '../directory/list-institutions.js';
import { listExercises } from '../exercises/list-exercises.js';
import { isUploadedFile } from '../files/routes.js';
import { addMembership, addMembershipInput } from './add-membership.js';
import { addSeat, addSeatInput } from './add-seat.js';
import { conveneSession } from './convene-session.js';
import { followUpAgreement, followUpAgreementInput } from './follow-up-agreement.js';
import { getSecretariat, listSecretariatIds } from './get-secretariat.js';
import { getSession } from './get-session.js';
import type { FileUpload } from './document-files.js';
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
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;
type Issue = z.core.$ZodIssue;

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

/** An uploaded file of a multipart form by its field name (an empty file input arrives with no name and no bytes). */
const uploadOf = (body: unknown, name: string): FileUpload | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return isUploadedFile(value) ? { filename: value.filename, content: value.content } : undefined;
};
/** Route options for a form with two file fields (the multipart default takes one). */
const twoFiles = { multipartOptions: { limits: { files: 2 } } };

/** A refused document file (files/store-file.ts reasons), or a document with neither or both of file and link. */
const fileReasons: Record<string, MessageKey> = { fileType: 'secretariat.error.file.type', fileEmpty: 'secretariat.error.file.empty', fileSize: 'secretariat.error.file.size' };
const documentFailure = (request: FastifyRequest, error: unknown, values: Record<string, string>): FormState | undefined => {
  if (!(error instanceof AppError) || error.code !== 'validation') return undefined;
  const { reason, field } = error.details ?? {};
  if (typeof reason !== 'string' || typeof field !== 'string') return undefined;
  const key = fileReasons[reason] ?? (reason === 'missing' || reason === 'both' ? (`secretariat.error.${field}.${reason}` as MessageKey) : undefined);
  if (!key) return undefined;
  const message = request.t(key);
  return { values, errors: { [field]: message }, summary: [{ field, message }] };
};
const documentIssues = (problems: { field: string; reason: string }[]): Issue[] => problems.map((p) => ({ code: 'custom', path: [p.field], message: `${p.field}.${p.reason}`, input: undefined }));
const trimmed = (value: string | undefined) => value?.trim() || undefined;

const formOf = (body: unknown, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, formString(body, name)]));
const prefixed = (body: unknown, prefix: string) =>
  Object.fromEntries(Object.entries((body ?? {}) as Record<string, unknown>).filter(([key, value]) => key.startsWith(prefix) && typeof value === 'string') as [string, string][]);

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
    const key = notices[(request.query as { aviso?: string }).aviso ?? ''];
    return key ? request.t(key) : undefined;
  };
  const failed = (request: FastifyRequest, issues: Issue[], values: Record<string, string>, idFor?: (field: string) => string): FormState => {
    const { byField, summary } = fieldErrors(issues, request.t, 'secretariat.error', 'error.badRequest.body', idFor);
    return { values, errors: byField, summary };
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
    const values = formOf(request.body, ['exerciseId', 'installedOn', 'quorumRule', 'installationActUrl', 'operatingRulesUrl']);
    const files = { installationActFile: uploadOf(request.body, 'installationActFile'), operatingRulesFile: uploadOf(request.body, 'operatingRulesFile') };
    const parsed = installSecretariatInput.safeParse(values);
    const issues = [...(parsed.success ? [] : parsed.error.issues), ...documentIssues(installDocumentProblems({ installationActUrl: trimmed(values.installationActUrl), operatingRulesUrl: trimmed(values.operatingRulesUrl) }, files))];
    if (!parsed.success || issues.length) return listPage(request, reply, failed(request, issues, values), { status: 400 });
    try {
      const row = await installSecretariat(db, { ...parsed.data, ...files }, {
        actor: publicActor(request.actor!),
        documentTitles: { installationAct: request.t('secretariat.document.installationAct'), operatingRules: request.t('secretariat.document.operatingRules') },
      });
      return reply.redirect(`/admin/secretariado/${row.id}?aviso=instalado`, 303);
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return listPage(request, reply, emptyForm(values), { status: 409, problem: request.t(problem) });
      const refused = documentFailure(request, error, values);
      if (refused) return listPage(request, reply, refused, { status: 400 });
      throw error;
    }
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
  const uuidParam = (id: string) => {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new AppError('not_found', 'not found');
    return id;
  };

  app.get<{ Params: { id: string } }>('/admin/secretariado/:id', runners, (request, reply) => secretariatPage(request, reply, uuidParam(request.params.id)));

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/lugares', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formOf(request.body, ['kind', 'institutionId', 'label']);
    const parsed = addSeatInput.safeParse(values);
    if (!parsed.success) return secretariatPage(request, reply, id, { forms: { seat: failed(request, parsed.error.issues, values) }, status: 400 });
    try {
      await addSeat(db, id, parsed.data, { actor: publicActor(request.actor!) });
    } catch (error) {
      const problem = problemOf(error);
      if (problem) {
        const message = request.t(problem);
        return secretariatPage(request, reply, id, { forms: { seat: { values, errors: { kind: message }, summary: [{ field: 'kind', message }] } }, status: 409 });
      }
      throw error;
    }
    return reply.redirect(`/admin/secretariado/${id}?aviso=lugar`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/integrantes', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formOf(request.body, ['seatId', 'role', 'registrationId', 'displayName', 'organization', 'email', 'bio', 'startsOn', 'endsOn']);
    const parsed = addMembershipInput.safeParse(values);
    if (!parsed.success) return secretariatPage(request, reply, id, { forms: { member: failed(request, parsed.error.issues, values) }, status: 400 });
    try {
      await addMembership(db, parsed.data, { actor: publicActor(request.actor!) });
    } catch (error) {
      const problem = problemOf(error);
      if (problem) {
        const message = request.t(problem);
        return secretariatPage(request, reply, id, { forms: { member: { values, errors: { seatId: message }, summary: [{ field: 'seatId', message }] } }, status: 409 });
      }
      throw error;
    }
    return reply.redirect(`/admin/secretariado/${id}?aviso=integrante`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/:id/sesiones', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formOf(request.body, ['kind', 'startsDate', 'startsTime', 'place', 'onlineUrl', 'agenda']);
    const idFor = (field: string) => (field === 'kind' ? 'sessionKind' : field);
    const startsAt = /^\d{4}-\d{2}-\d{2}$/.test(values.startsDate!) && /^\d{2}:\d{2}$/.test(values.startsTime!) ? zonedTimeToUtc(values.startsDate!, values.startsTime!, zone) : undefined;
    const dateIssues: Issue[] = startsAt ? [] : [{ code: 'custom', path: [/^\d{4}-\d{2}-\d{2}$/.test(values.startsDate!) ? 'startsTime' : 'startsDate'], message: /^\d{4}-\d{2}-\d{2}$/.test(values.startsDate!) ? 'startsTime.invalid' : 'startsDate.invalid', input: undefined }];
    const parsed = scheduleSessionInput.safeParse({ kind: values.kind, startsAt: startsAt ?? new Date(0), place: values.place, onlineUrl: values.onlineUrl, agenda: linesOf(values.agenda ?? '') });
    const issues = [...dateIssues, ...(parsed.success ? [] : parsed.error.issues)];
    if (!parsed.success || issues.length) return secretariatPage(request, reply, id, { forms: { session: failed(request, issues, values, idFor) }, status: 400 });
    const session = await scheduleSession(db, id, parsed.data, { actor: publicActor(request.actor!) });
    return reply.redirect(`/admin/secretariado/sesiones/${session.id}?aviso=sesion`, 303);
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
  /** Runs a session action: a known conflict re-renders the page with what went wrong (409). */
  const attempt = async (request: FastifyRequest, reply: FastifyReply, sessionId: string, action: () => Promise<unknown>, notice: string, forms?: Partial<AdminSessionForms>) => {
    try {
      await action();
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return sessionPage(request, reply, sessionId, { problem: request.t(problem), status: 409, forms });
      throw error;
    }
    return reply.redirect(`/admin/secretariado/sesiones/${sessionId}?aviso=${notice}`, 303);
  };

  app.get<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id', runners, (request, reply) => sessionPage(request, reply, uuidParam(request.params.id)));

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/convocar', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    return attempt(request, reply, id, () => conveneSession(db, id, { actor: publicActor(request.actor!), baseUrl: config.PUBLIC_URL ?? `${request.protocol}://${request.host}`, siteName: config.SITE_NAME, timeZone: zone, now: deps.now() }), 'convocada');
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/asistencia', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = prefixed(request.body, 'seat-');
    const detail = await getSession(db, { id });
    const secretariat = await getSecretariat(db, { id: detail.session.secretariatId });
    const missing = secretariat.seats.filter((s) => !['titular_present', 'alternate_present', 'absent'].includes(values[`seat-${s.id}`] ?? ''));
    if (missing.length) {
      const message = request.t('secretariat.error.attendance.required');
      const form: FormState = { values, errors: Object.fromEntries(missing.map((s) => [`seat-${s.id}`, message])), summary: missing.map((s) => ({ field: `seat-${s.id}`, message })) };
      return sessionPage(request, reply, id, { forms: { attendance: form }, status: 400 });
    }
    const attendance = Object.fromEntries(secretariat.seats.map((s) => [s.id, values[`seat-${s.id}`] as 'absent']));
    return attempt(request, reply, id, () => recordAttendance(db, id, attendance, { actor: publicActor(request.actor!) }), 'asistencia', { attendance: emptyForm(values) });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/acuerdos', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = { ...formOf(request.body, ['text', 'decisionMethod', 'responsible', 'dueOn', 'link']), ...prefixed(request.body, 'vote-') };
    const votes = Object.fromEntries(Object.entries(prefixed(request.body, 'vote-')).map(([key, vote]) => [key.slice('vote-'.length), vote]));
    const [linkType, linkId] = (values.link ?? '').split(':');
    const links = linkType && linkId ? [{ recordType: linkType, recordId: linkId }] : [];
    const parsed = recordAgreementInput.safeParse({ text: values.text, decisionMethod: values.decisionMethod, votes: values.decisionMethod === 'vote' ? votes : {}, responsible: values.responsible, dueOn: values.dueOn, links });
    if (!parsed.success) return sessionPage(request, reply, id, { forms: { agreement: failed(request, parsed.error.issues, values) }, status: 400 });
    return attempt(request, reply, id, () => recordAgreement(db, id, parsed.data, { actor: publicActor(request.actor!), timeZone: zone }), 'acuerdo', { agreement: emptyForm(values) });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/minuta', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formOf(request.body, ['minutesText', 'minutesUrl', 'recordingUrl']);
    const minutesFile = uploadOf(request.body, 'minutesFile');
    const parsed = writeMinutesInput.safeParse(values);
    const both = minutesProblem({ minutesUrl: trimmed(values.minutesUrl) }, minutesFile);
    const issues = [...(parsed.success ? [] : parsed.error.issues), ...documentIssues(both ? [{ field: 'minutesUrl', reason: both }] : [])];
    if (!parsed.success || issues.length) return sessionPage(request, reply, id, { forms: { minutes: failed(request, issues, values) }, status: 400 });
    try {
      await writeMinutes(db, id, { ...parsed.data, minutesFile }, { actor: publicActor(request.actor!) });
    } catch (error) {
      const refused = documentFailure(request, error, values);
      if (refused) return sessionPage(request, reply, id, { forms: { minutes: refused }, status: 400 });
      const problem = problemOf(error);
      if (problem) return sessionPage(request, reply, id, { problem: request.t(problem), status: 409, forms: { minutes: emptyForm(values) } });
      throw error;
    }
    return reply.redirect(`/admin/secretariado/sesiones/${id}?aviso=minuta`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/aprobar-minuta', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    return attempt(request, reply, id, () => approveMinutes(db, id, { actor: publicActor(request.actor!), now: deps.now() }), 'aprobada');
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/cancelar', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formOf(request.body, ['reason']);
    const parsed = cancelSessionInput.safeParse(values);
    if (!parsed.success) return sessionPage(request, reply, id, { forms: { cancel: failed(request, parsed.error.issues, values) }, status: 400 });
    return attempt(request, reply, id, () => cancelSession(db, id, parsed.data, { actor: publicActor(request.actor!) }), 'cancelada');
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/acuerdos/:id/seguimiento', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const { agreement } = await getAgreement(db, { id });
    const values = formOf(request.body, ['status', 'note']);
    const parsed = followUpAgreementInput.safeParse(values);
    const idFor = (field: string) => `${field}-${id}`;
    if (!parsed.success) return sessionPage(request, reply, agreement.sessionId, { forms: { followUp: { ...failed(request, parsed.error.issues, values, idFor), agreementId: id } }, status: 400 });
    return attempt(request, reply, agreement.sessionId, () => followUpAgreement(db, id, parsed.data, { actor: publicActor(request.actor!) }), 'seguimiento');
  });
}
