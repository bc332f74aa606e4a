import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import { type FormMessages, emptyForm, type FormState } from '../../../web/forms.js';
import { sendPage, type WebDeps } from '../../../web/http.js';
import { formatters, translator, type MessageKey } from '../../../web/i18n/i18n.js';
import { idParams, parseParams } from '../../../web/params.js';
import { listExercises } from '../../exercises/list-exercises.js';
import { countMailingRecipients } from '../count-mailing-recipients.js';
import { getCall, type CallWithExercise } from '../get-call.js';
import { listCallMailings } from '../list-call-mailings.js';
import { AdminCallPage, type AdminCallPageProps } from '../views/admin-call-page.js';
import { CallFormPage } from '../views/admin-call-form.js';
import { access } from '../../../kernel/access.js';

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

/**
 * What the admin pages of calls share (/admin/convocatorias, admins only): the role check, a call's id from the
 * address, and each page rendered with a form's state, so a refused form shows its page again with what was typed.
 */
export function callAdminContext(deps: Deps) {
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

  return { db, config, admin, zone, callId, problemPage, callPage, newCallPage, editPage };
}

export { forms, notices, type Deps };
