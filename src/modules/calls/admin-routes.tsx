import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, notFound } from '../../shared/errors.js';
import { fieldErrors, formString } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { formatters, translator, type MessageKey } from '../../web/i18n/i18n.js';
import { publicActor } from '../../kernel/actor.js';
import { emptyForm, type FormState } from '../accounts/views/auth-pages.js';
import { listRecordHistory } from '../audit/list-record-history.js';
import { listExercises } from '../exercises/list-exercises.js';
import { blankCallForm, callFormFields, callFormValuesOf, parseCallForm, type CallFormValues } from './call-form.js';
import { cancelCall, cancelCallInput } from './cancel-call.js';
import { countMailingRecipients } from './count-mailing-recipients.js';
import { createCall } from './create-call.js';
import { getCall, type CallWithExercise } from './get-call.js';
import { getMailingProgress } from './get-mailing-progress.js';
import { listCallMailings } from './list-call-mailings.js';
import { listCalls } from './list-calls.js';
import { publishCall } from './publish-call.js';
import { callMailingInput, sendCallMailing } from './send-call-mailing.js';
import { callResultsInput, setCallResults } from './set-call-results.js';
import { updateCall } from './update-call.js';
import { AdminCallPage, type AdminCallPageProps } from './views/admin-call-page.js';
import { CallFormPage } from './views/admin-call-form.js';
import { CallPreviewPage } from './views/admin-call-preview.js';
import { AdminCallsPage } from './views/admin-calls.js';
import { MailingProgressPage } from './views/admin-mailing-progress.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;
type Issue = z.core.$ZodIssue | { code: 'custom'; path: PropertyKey[]; message: string; input: unknown };

/** Notices after a redirect (`?aviso=`), by their name in the URL. */
const notices: Record<string, MessageKey> = {
  creada: 'calls.notice.created',
  guardada: 'calls.notice.saved',
  publicada: 'calls.notice.published',
  cancelada: 'calls.notice.cancelled',
  resultados: 'calls.notice.results',
};

/** Conflicts a use case reports (AppError details.reason) and what the admin is told. */
const problems: Record<string, MessageKey> = {
  notEditable: 'calls.problem.notEditable',
  notDraft: 'calls.problem.notDraft',
  closesInPast: 'calls.problem.closesInPast',
  notPublished: 'calls.problem.notPublished',
  notClosed: 'calls.problem.notClosed',
  callNotClosed: 'calls.problem.callNotClosed',
  noRecipients: 'calls.problem.noRecipients',
};
const problemOf = (error: unknown): MessageKey | undefined =>
  error instanceof AppError && error.code === 'conflict' && typeof error.details?.reason === 'string' ? problems[error.details.reason] : undefined;

const formOf = (body: unknown, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, formString(body, name)]));

/**
 * Admin pages of calls under /admin/convocatorias: list, new (a draft), edit, preview, publish, cancel, results,
 * and the next-step mailing with its progress. Admins only; every form carries the CSRF token.
 */
export function callAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const admin = access.roles('admin');
  const zone = config.TIME_ZONE;

  const failed = (request: FastifyRequest, issues: Issue[], values: Record<string, string>): FormState => {
    const { byField, summary } = fieldErrors(issues as z.core.$ZodIssue[], request.t, 'calls.error', 'error.badRequest.body');
    return { values, errors: byField, summary };
  };

  /** The next-step message prefilled in both languages, to be completed by the admin. */
  const defaultMailing = (call: CallWithExercise['call']): Record<string, string> => {
    const texts = (locale: 'es-MX' | 'en') => {
      const t = translator(locale);
      const params = { call: call.title, date: formatters(locale, zone).date(call.closesAt), contact: call.contactEmail };
      return { subject: t('calls.mailing.defaultSubject', params), body: t('calls.mailing.defaultBody', params) };
    };
    const es = texts('es-MX');
    const en = texts('en');
    return { subjectEs: es.subject, bodyEs: es.body, subjectEn: en.subject, bodyEn: en.body };
  };

  const callPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    options: { forms?: Partial<AdminCallPageProps['forms']>; notice?: string; problem?: string; status?: number } = {},
  ) => {
    const { call, exercise } = await getCall(db, id);
    const [recipients, mailings] = await Promise.all([countMailingRecipients(db, call.id), listCallMailings(db, call.id)]);
    const forms = { cancel: emptyForm(), results: emptyForm(), mailing: emptyForm(defaultMailing(call)), ...options.forms };
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: call.title,
      body: <AdminCallPage call={call} exercise={exercise} now={deps.now()} recipients={recipients} mailings={mailings} forms={forms} notice={options.notice} problem={options.problem} />,
    });
  };

  const newCallPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const exercises = await listExercises(db);
    return sendPage(request, reply, deps, {
      status,
      title: request.t('calls.form.newTitle'),
      body: <CallFormPage form={form} zone={zone} mode={{ kind: 'new', exercises: exercises.map((e) => ({ id: e.id, title: e.title })) }} />,
    });
  };

  const editPage = (request: FastifyRequest, reply: FastifyReply, found: CallWithExercise, form: FormState, status = 200) =>
    sendPage(request, reply, deps, {
      status,
      title: request.t('calls.form.editTitle'),
      body: <CallFormPage form={form} zone={zone} mode={{ kind: 'edit', id: found.call.id, title: found.call.title, status: found.call.status, exerciseTitle: found.exercise.title }} />,
    });

  app.get<{ Querystring: { aviso?: string } }>('/admin/convocatorias', admin, async (request, reply) => {
    const notice = notices[request.query.aviso ?? ''];
    return sendPage(request, reply, deps, {
      title: request.t('calls.admin.title'),
      body: <AdminCallsPage calls={await listCalls(db)} zone={zone} now={deps.now()} notice={notice ? request.t(notice) : undefined} />,
    });
  });

  app.get<{ Querystring: { ejercicio?: string } }>('/admin/convocatorias/nueva', admin, (request, reply) => newCallPage(request, reply, emptyForm(blankCallForm(request.query.ejercicio ?? ''))));

  app.post('/admin/convocatorias/nueva', admin, async (request, reply) => {
    const values = formOf(request.body, callFormFields) as CallFormValues;
    const exercise = (await listExercises(db)).find((e) => e.id === values.exerciseId);
    const parsed = parseCallForm(values, zone);
    const issues: Issue[] = [...(exercise ? [] : [{ code: 'custom' as const, path: ['exerciseId'], message: 'exerciseId.required', input: undefined }]), ...(parsed.success ? [] : parsed.issues)];
    if (!parsed.success || !exercise) return newCallPage(request, reply, failed(request, issues, values), 400);
    const call = await createCall(db, { ...parsed.data, exerciseId: exercise.id, eligibleStateCode: exercise.stateCode, status: 'draft' }, publicActor(request.actor!));
    return reply.redirect(`/admin/convocatorias/${call.id}?aviso=creada`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { aviso?: string } }>('/admin/convocatorias/:id', admin, (request, reply) => {
    const notice = notices[request.query.aviso ?? ''];
    return callPage(request, reply, request.params.id, { notice: notice ? request.t(notice) : undefined });
  });

  app.get<{ Params: { id: string } }>('/admin/convocatorias/:id/editar', admin, async (request, reply) => {
    const found = await getCall(db, request.params.id);
    if (found.call.status !== 'draft' && found.call.status !== 'published') return callPage(request, reply, found.call.id, { problem: request.t('calls.problem.notEditable'), status: 409 });
    return editPage(request, reply, found, emptyForm(callFormValuesOf(found.call, zone)));
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/editar', admin, async (request, reply) => {
    const found = await getCall(db, request.params.id);
    const values = { ...(formOf(request.body, callFormFields) as CallFormValues), exerciseId: found.call.exerciseId };
    const parsed = parseCallForm(values, zone);
    if (!parsed.success) return editPage(request, reply, found, failed(request, parsed.issues, values), 400);
    try {
      await updateCall(db, found.call.id, parsed.data, { actor: publicActor(request.actor!), now: deps.now() });
    } catch (error) {
      if (error instanceof AppError && error.details?.reason === 'closesInPast') {
        return editPage(request, reply, found, failed(request, [{ code: 'custom', path: ['closesDate'], message: 'closesDate.inPast', input: undefined }], values), 400);
      }
      const problem = problemOf(error);
      if (problem) return callPage(request, reply, found.call.id, { problem: request.t(problem), status: 409 });
      throw error;
    }
    return reply.redirect(`/admin/convocatorias/${found.call.id}?aviso=guardada`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/convocatorias/:id/vista-previa', admin, async (request, reply) => {
    const { call, exercise } = await getCall(db, request.params.id);
    const history = await listRecordHistory(db, { recordType: 'call', recordId: call.id });
    return sendPage(request, reply, deps, { title: call.title, body: <CallPreviewPage call={call} exercise={exercise} history={history} now={deps.now()} /> });
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/publicar', admin, async (request, reply) => {
    const { call } = await getCall(db, request.params.id);
    try {
      await publishCall(db, call.id, { actor: publicActor(request.actor!), now: deps.now() });
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return callPage(request, reply, call.id, { problem: request.t(problem), status: 409 });
      throw error;
    }
    return reply.redirect(`/admin/convocatorias/${call.id}?aviso=publicada`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/cancelar', admin, async (request, reply) => {
    const { call } = await getCall(db, request.params.id);
    const values = formOf(request.body, ['reason']);
    const parsed = cancelCallInput.safeParse(values);
    if (!parsed.success) return callPage(request, reply, call.id, { forms: { cancel: failed(request, parsed.error.issues, values) }, status: 400 });
    try {
      await cancelCall(db, call.id, parsed.data, { actor: publicActor(request.actor!) });
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return callPage(request, reply, call.id, { problem: request.t(problem), status: 409 });
      throw error;
    }
    return reply.redirect(`/admin/convocatorias/${call.id}?aviso=cancelada`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/resultados', admin, async (request, reply) => {
    const { call } = await getCall(db, request.params.id);
    const values = formOf(request.body, ['resultsText']);
    const parsed = callResultsInput.safeParse(values);
    if (!parsed.success) return callPage(request, reply, call.id, { forms: { results: failed(request, parsed.error.issues, values) }, status: 400 });
    try {
      await setCallResults(db, call.id, parsed.data, { actor: publicActor(request.actor!) });
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return callPage(request, reply, call.id, { problem: request.t(problem), status: 409 });
      throw error;
    }
    return reply.redirect(`/admin/convocatorias/${call.id}?aviso=resultados`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/envios', admin, async (request, reply) => {
    const { call } = await getCall(db, request.params.id);
    const values = formOf(request.body, ['subjectEs', 'bodyEs', 'subjectEn', 'bodyEn']);
    const parsed = callMailingInput.safeParse(values);
    if (!parsed.success) return callPage(request, reply, call.id, { forms: { mailing: failed(request, parsed.error.issues, values) }, status: 400 });
    let sent: Awaited<ReturnType<typeof sendCallMailing>>;
    try {
      sent = await sendCallMailing(db, call.id, parsed.data, { userId: request.actor!.userId, siteName: config.SITE_NAME, now: deps.now() });
    } catch (error) {
      if (error instanceof AppError && error.details?.reason === 'alreadySent') {
        return reply.redirect(`/admin/convocatorias/${call.id}/envios/${String(error.details.mailingId)}?aviso=repetido`, 303);
      }
      const problem = problemOf(error);
      if (problem) return callPage(request, reply, call.id, { forms: { mailing: emptyForm(values) }, problem: request.t(problem), status: 409 });
      throw error;
    }
    return reply.redirect(`/admin/convocatorias/${call.id}/envios/${sent.mailingId}?aviso=enviado&n=${sent.recipients}`, 303);
  });

  app.get<{ Params: { id: string; mailingId: string }; Querystring: { aviso?: string; n?: string } }>('/admin/convocatorias/:id/envios/:mailingId', admin, async (request, reply) => {
    const { call } = await getCall(db, request.params.id);
    if (!/^[0-9a-f-]{36}$/i.test(request.params.mailingId)) throw notFound('mailing');
    const progress = await getMailingProgress(db, call.id, request.params.mailingId);
    const { aviso, n } = request.query;
    const count = Number(n);
    const notice =
      aviso === 'repetido'
        ? request.t('calls.notice.alreadySent')
        : aviso === 'enviado' && Number.isInteger(count) && count > 0
          ? count === 1
            ? request.t('calls.notice.mailingOne')
            : request.t('calls.notice.mailing', { count: formatters(request.locale, zone).number(count) })
          : undefined;
    return sendPage(request, reply, deps, { title: request.t('calls.progress.title'), body: <MailingProgressPage call={call} progress={progress} notice={notice} /> });
  });
}
