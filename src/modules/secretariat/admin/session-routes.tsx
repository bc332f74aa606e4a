import type { FastifyInstance } from 'fastify';
import { publicBaseUrl } from '../../../config.js';
import { formValues, submitForm, withIssues, emptyForm, type FormIssue, type FormState } from '../../../web/forms.js';
import { zonedTimeToUtc } from '../../calls/local-time.js';
import { rescheduleSession, rescheduleSessionInput } from '../reschedule-session.js';
import { withUpload } from '../../files/guards.js';
import { uploadedFile } from '../../files/routes.js';
import { conveneSession } from '../convene-session.js';
import { getSecretariat } from '../get-secretariat.js';
import { getSession } from '../get-session.js';
import { recordAgreement, recordAgreementInput } from '../record-agreement.js';
import { recordAttendance } from '../record-attendance.js';
import {
  approveMinutes,
  cancelSession,
  cancelSessionInput,
  minutesProblem,
  writeMinutes,
  writeMinutesInput,
} from '../write-minutes.js';
import { actorOf } from '../../../kernel/access.js';
import {
  sessionAdminContext,
  documentFailure,
  documentIssues,
  forms,
  isAttendanceStatus,
  prefixed,
  trimmed,
  type Deps,
} from './route-context.js';

/**
 * One session (/admin/secretariado/sesiones/:id): convening it, attendance, agreements, minutes, approval, cancelling.
 */
export function sessionAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config, runners, zone, uuidParam, sessionPage, sessionProblem, attempt } = sessionAdminContext(deps);

  app.get<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id', runners, (request, reply) =>
    sessionPage(request, reply, uuidParam(request.params.id)),
  );

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/convocar', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    return attempt(
      request,
      reply,
      id,
      () =>
        conveneSession(db, id, {
          actor: actorOf(request),
          baseUrl: publicBaseUrl(config),
          siteName: config.SITE_NAME,
          timeZone: zone,
          now: deps.now(),
        }),
      'convocada',
    );
  });

  app.post<{ Params: { id: string } }>(
    '/admin/secretariado/sesiones/:id/asistencia',
    runners,
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const values = prefixed(request.body, 'seat-');
      const detail = await getSession(db, { id });
      const secretariat = await getSecretariat(db, { id: detail.session.secretariatId });
      const missing = secretariat.seats.filter((s) => !isAttendanceStatus(values[`seat-${s.id}`]));
      if (missing.length) {
        const message = request.t('secretariat.error.attendance.required');
        const form: FormState = {
          values,
          errors: Object.fromEntries(missing.map((s) => [`seat-${s.id}`, message])),
          summary: missing.map((s) => ({ field: `seat-${s.id}`, message })),
        };
        return sessionPage(request, reply, id, { forms: { attendance: form }, status: 400 });
      }
      const attendance = Object.fromEntries(
        secretariat.seats.flatMap((s) => {
          const status = values[`seat-${s.id}`];
          return isAttendanceStatus(status) ? [[s.id, status]] : [];
        }),
      );
      return attempt(
        request,
        reply,
        id,
        () => recordAttendance(db, id, attendance, { actor: actorOf(request) }),
        'asistencia',
        { attendance: emptyForm(values) },
      );
    },
  );

  app.post<{ Params: { id: string } }>('/admin/secretariado/sesiones/:id/acuerdos', runners, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const fields = formValues(request.body, ['text', 'decisionMethod', 'responsible', 'dueOn', 'link']);
    const values = { ...fields, ...prefixed(request.body, 'vote-') };
    const votes = Object.fromEntries(
      Object.entries(prefixed(request.body, 'vote-')).map(([key, vote]) => [key.slice('vote-'.length), vote]),
    );
    const [linkType, linkId] = fields.link.split(':');
    const links = linkType && linkId ? [{ recordType: linkType, recordId: linkId }] : [];
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: recordAgreementInput.safeParse({
        text: fields.text,
        decisionMethod: fields.decisionMethod,
        votes: fields.decisionMethod === 'vote' ? votes : {},
        responsible: fields.responsible,
        dueOn: fields.dueOn,
        links,
      }),
      invalid: (form, status) => sessionPage(request, reply, id, { forms: { agreement: form }, status }),
      submit: async (data) => {
        await recordAgreement(db, id, data, { actor: actorOf(request), timeZone: zone });
        return `/admin/secretariado/sesiones/${id}?aviso=acuerdo`;
      },
      refused: (error) => sessionProblem(request, reply, id, error, { agreement: emptyForm(values) }),
    });
  });

  app.post<{ Params: { id: string } }>(
    '/admin/secretariado/sesiones/:id/minuta',
    withUpload(runners, { files: ['minutesFile'] }),
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const values = formValues(request.body, ['minutesText', 'minutesUrl', 'recordingUrl']);
      const minutesFile = uploadedFile(request.body, 'minutesFile');
      const both = minutesProblem({ minutesUrl: trimmed(values.minutesUrl) }, minutesFile);
      return submitForm(request, reply, {
        messages: forms,
        values,
        parsed: withIssues(writeMinutesInput.safeParse(values), {
          after: documentIssues(both ? [{ field: 'minutesUrl', reason: both }] : []),
        }),
        invalid: (form, status) => sessionPage(request, reply, id, { forms: { minutes: form }, status }),
        submit: async (data) => {
          await writeMinutes(db, id, { ...data, minutesFile }, { actor: actorOf(request) });
          return `/admin/secretariado/sesiones/${id}?aviso=minuta`;
        },
        rejected: (error) => documentFailure(request, error, values),
        refused: (error) => sessionProblem(request, reply, id, error, { minutes: emptyForm(values) }),
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/secretariado/sesiones/:id/aprobar-minuta',
    runners,
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      return attempt(
        request,
        reply,
        id,
        () => approveMinutes(db, id, { actor: actorOf(request), now: deps.now() }),
        'aprobada',
      );
    },
  );

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
}

/** Moving a session that has not been held to another date, time or place (/admin/secretariado/sesiones/:id/reprogramar). */
export function sessionRescheduleRoutes(app: FastifyInstance, deps: Deps) {
  const { db, runners, zone, uuidParam, sessionPage, sessionProblem } = sessionAdminContext(deps);

  app.post<{ Params: { id: string } }>(
    '/admin/secretariado/sesiones/:id/reprogramar',
    runners,
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const values = formValues(request.body, ['startsDate', 'startsTime', 'place', 'onlineUrl']);
      const isDate = /^\d{4}-\d{2}-\d{2}$/.test(values.startsDate);
      const startsAt =
        isDate && /^\d{2}:\d{2}$/.test(values.startsTime)
          ? zonedTimeToUtc(values.startsDate, values.startsTime, zone)
          : undefined;
      const dateIssues: FormIssue[] = startsAt
        ? []
        : [
            isDate
              ? { path: ['startsTime'], message: 'startsTime.invalid' }
              : { path: ['startsDate'], message: 'startsDate.invalid' },
          ];
      const parsed = rescheduleSessionInput.safeParse({
        startsAt: startsAt ?? new Date(0),
        place: values.place,
        onlineUrl: values.onlineUrl,
      });
      return submitForm(request, reply, {
        messages: forms,
        values,
        parsed: withIssues(parsed, { before: dateIssues }),
        invalid: (form, status) => sessionPage(request, reply, id, { forms: { reschedule: form }, status }),
        submit: async (data) => {
          await rescheduleSession(db, id, data, { actor: actorOf(request) });
          return `/admin/secretariado/sesiones/${id}?aviso=reprogramada`;
        },
        refused: (error) => sessionProblem(request, reply, id, error),
      });
    },
  );
}
