import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import { type FormMessages, emptyForm, type FormState } from '../../../web/forms.js';
import { sendPage, type WebDeps } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { idParams, parseParams } from '../../../web/params.js';
import { listExercises } from '../../exercises/list-exercises.js';
import { getCall, type CallWithExercise } from '../get-call.js';
import { AdminCallPage, type AdminCallPageProps } from '../views/admin-call-page.js';
import { CallFormPage } from '../views/admin-call-form.js';
import { access } from '../../../kernel/access.js';
import type { PageSections } from '../../../kernel/page-sections.js';
import type { RecordCatalog } from '../../../kernel/records.js';
import { adminCallSlot } from '../admin-call-slot.js';

type Deps = WebDeps & { db: Db; now: () => Date; sections: PageSections; records: RecordCatalog };

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

  const callPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    options: {
      forms?: Partial<AdminCallPageProps['forms']>;
      /** A refused form of a section added by a later module (see admin-call-slot.ts), under the section's id. */
      sectionStates?: Record<string, unknown>;
      notice?: string | undefined;
      problem?: string | undefined;
      status?: number;
    } = {},
  ) => {
    const found = await getCall(db, id);
    const { call, exercise } = found;
    const sections = await deps.sections.render(adminCallSlot, {
      db,
      config,
      request,
      now: deps.now(),
      subject: found,
      states: options.sectionStates,
    });
    const forms = { cancel: emptyForm(), results: emptyForm(), ...options.forms };
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: call.title,
      body: (
        <AdminCallPage
          call={call}
          exercise={exercise}
          now={deps.now()}
          sections={sections}
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
