import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { formValues, submitForm, withIssues, type FormMessages, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage, type WebDeps } from '../../web/http.js';
import { formatters, translator, type MessageKey } from '../../web/i18n/i18n.js';
import { idParams, noticeKey, parseParams, parseQuery, queryString, uuidParam } from '../../web/params.js';
import { listRecordHistory } from '../audit/list-record-history.js';
import { listExercises } from '../exercises/list-exercises.js';
import { blankCallForm, callFormFields, callFormValuesOf, parseCallForm } from './call-form.js';
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
import { access, actorOf } from '../../kernel/access.js';

type Deps = WebDeps & { db: Db; now: () => Date };

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
  error instanceof AppError && error.code === 'conflict' && typeof error.details?.reason === 'string'
    ? problems[error.details.reason]
    : undefined;

const forms: FormMessages = { prefix: 'calls.error', fallback: 'error.badRequest.body' };
const mailingParams = z.object({ id: z.string(), mailingId: uuidParam });
/** `?aviso=enviado&n=12` after a mailing is sent (or `?aviso=repetido`). */
const mailingQuery = z.object({
  aviso: queryString,
  n: z.coerce.number().int().positive().optional().catch(undefined),
});

/**
 * Admin pages of calls under /admin/convocatorias: list, new (a draft), edit, preview, publish, cancel, results,
 * and the next-step mailing with its progress. Admins only; every form carries the CSRF token.
 */
export function callAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const admin = access.roles('admin');
  const zone = config.TIME_ZONE;

  const callId = (request: FastifyRequest) => parseParams(request, idParams, 'call').id;
  /** A known conflict of a call's use case: the call's page with what went wrong (409). */
  const problemPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    error: unknown,
    forms?: Partial<AdminCallPageProps['forms']>,
  ) => {
    const problem = problemOf(error);
    return problem ? callPage(request, reply, id, { forms, problem: request.t(problem), status: 409 }) : undefined;
  };

  /** The next-step message prefilled in both languages, to be completed by the admin. */
  const defaultMailing = (call: CallWithExercise['call']): Record<string, string> => {
    const texts = (locale: 'es-MX' | 'en') => {
      const t = translator(locale);
      const params = {
        call: call.title,
        date: formatters(locale, zone).date(call.closesAt),
        contact: call.contactEmail,
      };
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
    const [recipients, mailings] = await Promise.all([
      countMailingRecipients(db, call.id),
      listCallMailings(db, call.id),
    ]);
    const forms = {
      cancel: emptyForm(),
      results: emptyForm(),
      mailing: emptyForm(defaultMailing(call)),
      ...options.forms,
    };
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: call.title,
      body: (
        <AdminCallPage
          call={call}
          exercise={exercise}
          now={deps.now()}
          recipients={recipients}
          mailings={mailings}
          forms={forms}
          notice={options.notice}
          problem={options.problem}
        />
      ),
    });
  };

  const newCallPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const exercises = await listExercises(db);
    return sendPage(request, reply, deps, {
      status,
      title: request.t('calls.form.newTitle'),
      body: (
        <CallFormPage
          form={form}
          zone={zone}
          mode={{ kind: 'new', exercises: exercises.map((e) => ({ id: e.id, title: e.title })) }}
        />
      ),
    });
  };

  const editPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: CallWithExercise,
    form: FormState,
    status = 200,
  ) =>
    sendPage(request, reply, deps, {
      status,
      title: request.t('calls.form.editTitle'),
      body: (
        <CallFormPage
          form={form}
          zone={zone}
          mode={{
            kind: 'edit',
            id: found.call.id,
            title: found.call.title,
            status: found.call.status,
            exerciseTitle: found.exercise.title,
          }}
        />
      ),
    });

  app.get<{ Querystring: { aviso?: string } }>('/admin/convocatorias', admin, async (request, reply) => {
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: request.t('calls.admin.title'),
      body: (
        <AdminCallsPage
          calls={await listCalls(db)}
          zone={zone}
          now={deps.now()}
          notice={notice ? request.t(notice) : undefined}
        />
      ),
    });
  });

  app.get<{ Querystring: { ejercicio?: string } }>('/admin/convocatorias/nueva', admin, (request, reply) =>
    newCallPage(request, reply, emptyForm(blankCallForm(request.query.ejercicio ?? ''))),
  );

  app.post('/admin/convocatorias/nueva', admin, async (request, reply) => {
    const values = formValues(request.body, callFormFields);
    const exercise = (await listExercises(db)).find((e) => e.id === values.exerciseId);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: withIssues(parseCallForm(values, zone), {
        before: exercise ? [] : [{ path: ['exerciseId'], message: 'exerciseId.required' }],
      }),
      invalid: (form, status) => newCallPage(request, reply, form, status),
      submit: async (data) => {
        const call = await createCall(
          db,
          { ...data, exerciseId: exercise!.id, eligibleStateCode: exercise!.stateCode, status: 'draft' },
          actorOf(request),
        );
        return `/admin/convocatorias/${call.id}?aviso=creada`;
      },
    });
  });

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
    const history = await listRecordHistory(db, { recordType: 'call', recordId: call.id });
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

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/envios', admin, async (request, reply) => {
    const { call } = await getCall(db, callId(request));
    const values = formValues(request.body, ['subjectEs', 'bodyEs', 'subjectEn', 'bodyEn']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: callMailingInput.safeParse(values),
      invalid: (form, status) => callPage(request, reply, call.id, { forms: { mailing: form }, status }),
      submit: async (data) => {
        const sent = await sendCallMailing(db, call.id, data, {
          actor: actorOf(request),
          siteName: config.SITE_NAME,
          now: deps.now(),
        });
        return `/admin/convocatorias/${call.id}/envios/${sent.mailingId}?aviso=enviado&n=${sent.recipients}`;
      },
      refused: (error) =>
        error instanceof AppError && error.details?.reason === 'alreadySent'
          ? reply.redirect(
              `/admin/convocatorias/${call.id}/envios/${String(error.details.mailingId)}?aviso=repetido`,
              303,
            )
          : problemPage(request, reply, call.id, error, { mailing: emptyForm(values) }),
    });
  });

  app.get<{ Params: { id: string; mailingId: string }; Querystring: { aviso?: string; n?: string } }>(
    '/admin/convocatorias/:id/envios/:mailingId',
    admin,
    async (request, reply) => {
      const { call } = await getCall(db, callId(request));
      const { mailingId } = parseParams(request, mailingParams, 'mailing');
      const progress = await getMailingProgress(db, call.id, mailingId);
      const { aviso, n: count } = parseQuery(request, mailingQuery);
      const notice =
        aviso === 'repetido'
          ? request.t('calls.notice.alreadySent')
          : aviso === 'enviado' && count !== undefined
            ? count === 1
              ? request.t('calls.notice.mailingOne')
              : request.t('calls.notice.mailing', { count: formatters(request.locale, zone).number(count) })
            : undefined;
      return sendPage(request, reply, deps, {
        title: request.t('calls.progress.title'),
        body: <MailingProgressPage call={call} progress={progress} notice={notice} />,
      });
    },
  );
}
