import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/errors.js';
import { formValues, submitForm, emptyForm } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import { noticeKey } from '../../../web/params.js';
import { loadRecordHistory } from '../../audit/present-history.js';
import { callFormFields, callFormValuesOf, parseCallForm } from '../call-form.js';
import { cancelCall, cancelCallInput } from '../cancel-call.js';
import { getCall } from '../get-call.js';
import { publishCall } from '../publish-call.js';
import { callResultsInput, setCallResults } from '../set-call-results.js';
import { updateCall } from '../update-call.js';
import { CallPreviewPage } from '../views/admin-call-preview.js';
import { actorOf } from '../../../kernel/access.js';
import { callAdminContext, forms, notices, type Deps } from './route-context.js';

/** One call (/admin/convocatorias/:id): its page, editing, preview, publishing, cancelling and its results. */
export function callAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, admin, zone, callId, problemPage, callPage, editPage } = callAdminContext(deps);

  app.get<{ Params: { id: string }; Querystring: { aviso?: string } }>(
    '/admin/convocatorias/:id',
    admin,
    (request, reply) => {
      const notice = noticeKey(request, notices);
      return callPage(request, reply, callId(request), { notice: notice ? request.t(notice) : undefined });
    },
  );

  app.get<{ Params: { id: string } }>('/admin/convocatorias/:id/editar', admin, async (request, reply) => {
    const found = await getCall(db, callId(request));
    if (found.call.status !== 'draft' && found.call.status !== 'published')
      return callPage(request, reply, found.call.id, { problem: request.t('calls.problem.notEditable'), status: 409 });
    return editPage(request, reply, found, emptyForm(callFormValuesOf(found.call, zone)));
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/editar', admin, async (request, reply) => {
    const found = await getCall(db, callId(request));
    const values = { ...formValues(request.body, callFormFields), exerciseId: found.call.exerciseId };
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: parseCallForm(values, zone),
      invalid: (form, status) => editPage(request, reply, found, form, status),
      submit: async (data) => {
        await updateCall(db, found.call.id, data, { actor: actorOf(request), now: deps.now() });
        return `/admin/convocatorias/${found.call.id}?aviso=guardada`;
      },
      rejected: (error) =>
        error instanceof AppError && error.details?.reason === 'closesInPast'
          ? [{ path: ['closesDate'], message: 'closesDate.inPast' }]
          : undefined,
      refused: (error) => problemPage(request, reply, found.call.id, error),
    });
  });

  app.get<{ Params: { id: string } }>('/admin/convocatorias/:id/vista-previa', admin, async (request, reply) => {
    const { call, exercise } = await getCall(db, callId(request));
    const history = await loadRecordHistory(db, deps.records, { recordType: 'call', recordId: call.id });
    return sendPage(request, reply, deps, {
      title: call.title,
      body: <CallPreviewPage call={call} exercise={exercise} history={history} now={deps.now()} />,
    });
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/publicar', admin, async (request, reply) => {
    const { call } = await getCall(db, callId(request));
    try {
      await publishCall(db, call.id, { actor: actorOf(request), now: deps.now() });
    } catch (error) {
      const answered = problemPage(request, reply, call.id, error);
      if (answered) return answered;
      throw error;
    }
    return reply.redirect(`/admin/convocatorias/${call.id}?aviso=publicada`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/cancelar', admin, async (request, reply) => {
    const { call } = await getCall(db, callId(request));
    const values = formValues(request.body, ['reason']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: cancelCallInput.safeParse(values),
      invalid: (form, status) => callPage(request, reply, call.id, { forms: { cancel: form }, status }),
      submit: async (data) => {
        await cancelCall(db, call.id, data, { actor: actorOf(request) });
        return `/admin/convocatorias/${call.id}?aviso=cancelada`;
      },
      refused: (error) => problemPage(request, reply, call.id, error),
    });
  });

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/resultados', admin, async (request, reply) => {
    const { call } = await getCall(db, callId(request));
    const values = formValues(request.body, ['resultsText']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: callResultsInput.safeParse(values),
      invalid: (form, status) => callPage(request, reply, call.id, { forms: { results: form }, status }),
      submit: async (data) => {
        await setCallResults(db, call.id, data, { actor: actorOf(request) });
        return `/admin/convocatorias/${call.id}?aviso=resultados`;
      },
      refused: (error) => problemPage(request, reply, call.id, error),
    });
  });
}
