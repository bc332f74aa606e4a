import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { fieldErrors, formString } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { formatters } from '../../web/i18n/i18n.js';
import { SESSION_COOKIE } from '../accounts/guards.js';
import { cancelAccount } from '../accounts/cancel-account.js';
import { emptyForm, type FormState } from '../accounts/views/auth-pages.js';
import { getCurrentPrivacyNotices } from './get-current-privacy-notices.js';
import { publishPrivacyNotice } from './publish-privacy-notice.js';
import { fileArcoRequest, fileArcoRequestInput } from './file-arco-request.js';
import { answerArcoRequest, answerArcoRequestInput } from './answer-arco-request.js';
import { listAllArcoRequests, listOwnArcoRequests } from './list-arco-requests.js';
import { exportPersonalData } from './export-personal-data.js';
import { localDate } from './business-days.js';
import { privacyNoticeKinds } from './schema.js';
import { PrivacyPage } from './views/privacy-page.js';
import { AdminArcoPage, AdminNoticesPage, RightsPage } from './views/rights-pages.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

const noticeInput = z.object({
  kind: z.enum(privacyNoticeKinds),
  responsible: z.string().trim().min(3, 'responsible').max(300, 'responsible'),
  body: z.string().trim().min(20, 'body').max(50000, 'body'),
});

const formOf = (body: unknown, names: string[]) => Object.fromEntries(names.map((name) => [name, formString(body, name)]));

function failed(request: FastifyRequest, issues: z.core.$ZodIssue[], values: Record<string, string>): FormState {
  const { byField, summary } = fieldErrors(issues, request.t, 'privacy.error', 'error.badRequest.body');
  return { values, errors: byField, summary };
}

export function privacyRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);

  app.get('/privacidad', access.public, async (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('privacy.title'), body: <PrivacyPage notices={await getCurrentPrivacyNotices(db)} /> }),
  );

  // A person's own data: download, ARCO requests, cancellation.
  const rightsPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, notice?: string, status = 200) =>
    sendPage(request, reply, deps, {
      status,
      title: request.t('privacy.rights.title'),
      body: <RightsPage requests={await listOwnArcoRequests(db, request.actor!.userId)} form={form} notice={notice} today={today()} />,
    });
  app.get<{ Querystring: { folio?: string; vence?: string } }>('/cuenta/datos', access.signedIn, (request, reply) => {
    const { folio, vence } = request.query;
    const isValid = folio && /^ARCO-\d{4}-\d{4,}$/.test(folio) && vence && /^\d{4}-\d{2}-\d{2}$/.test(vence);
    const notice = isValid ? request.t('privacy.arco.filed', { folio, date: formatters(request.locale, config.TIME_ZONE).calendarDate(vence) }) : undefined;
    return rightsPage(request, reply, emptyForm(), notice);
  });
  app.get('/cuenta/datos/descarga', access.signedIn, async (request, reply) => {
    const data = await exportPersonalData(db, request.actor!.userId, deps.now());
    return reply
      .header('content-disposition', `attachment; filename="mis-datos-${today()}.json"`)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });
  app.post('/cuenta/datos/arco', access.signedIn, async (request, reply) => {
    const values = formOf(request.body, ['kind', 'description']);
    const parsed = fileArcoRequestInput.safeParse(values);
    if (!parsed.success) return rightsPage(request, reply, failed(request, parsed.error.issues, values), undefined, 400);
    const filed = await fileArcoRequest(db, request.actor!.userId, parsed.data, { now: deps.now(), timeZone: config.TIME_ZONE });
    return reply.redirect(`/cuenta/datos?folio=${filed.folio}&vence=${filed.dueOn}`, 303);
  });
  app.post('/cuenta/cancelar', access.signedIn, async (request, reply) => {
    await cancelAccount(db, request.actor!.userId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/cuenta/cancelada', 303);
  });
  app.get('/cuenta/cancelada', access.public, (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('privacy.cancel.title'), body: <PageDone text={request.t('privacy.cancel.done')} title={request.t('privacy.cancel.title')} /> }),
  );

  // Administration: ARCO requests and notices.
  const arcoPage = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<Parameters<typeof AdminArcoPage>[0]> = {}, status = 200) =>
    sendPage(request, reply, deps, { status, title: request.t('privacy.arco.adminTitle'), body: <AdminArcoPage rows={await listAllArcoRequests(db)} today={today()} {...extra} /> });
  app.get<{ Querystring: { aviso?: string } }>('/admin/arco', access.roles('admin'), (request, reply) =>
    arcoPage(request, reply, { notice: request.query.aviso === 'saved' ? request.t('privacy.arco.saved') : undefined }),
  );
  app.post<{ Params: { id: string } }>('/admin/arco/:id', access.roles('admin'), async (request, reply) => {
    if (!z.uuid().safeParse(request.params.id).success) throw new AppError('not_found', 'ARCO request');
    const values = formOf(request.body, ['decision', 'answer']);
    const parsed = answerArcoRequestInput.safeParse(values);
    if (!parsed.success) return arcoPage(request, reply, { errorsFor: { id: request.params.id, form: failed(request, parsed.error.issues, values) } }, 400);
    try {
      await answerArcoRequest(db, request.actor!.userId, request.params.id, parsed.data, deps.now());
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        return arcoPage(request, reply, { problem: request.t(error.details?.reason === 'alreadyExtended' ? 'privacy.arco.alreadyExtended' : 'privacy.arco.closed') }, 409);
      }
      throw error;
    }
    return reply.redirect('/admin/arco?aviso=saved', 303);
  });

  const noticesPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, notice?: string, status = 200) => {
    const current = await getCurrentPrivacyNotices(db);
    return sendPage(request, reply, deps, { status, title: request.t('privacy.admin.title'), body: <AdminNoticesPage current={current} form={form} notice={notice} /> });
  };
  app.get<{ Querystring: { aviso?: string; aviso_tipo?: string } }>('/admin/privacidad', access.roles('admin'), (request, reply) =>
    noticesPage(request, reply, emptyForm({ kind: request.query.aviso_tipo === 'simplified' ? 'simplified' : 'integral' }), request.query.aviso === 'published' ? request.t('privacy.admin.published') : undefined),
  );
  app.post('/admin/privacidad', access.roles('admin'), async (request, reply) => {
    const values = formOf(request.body, ['kind', 'responsible', 'body']);
    const parsed = noticeInput.safeParse(values);
    if (!parsed.success) return noticesPage(request, reply, failed(request, parsed.error.issues, values), undefined, 400);
    await publishPrivacyNotice(db, parsed.data);
    return reply.redirect(`/admin/privacidad?aviso=published&aviso_tipo=${parsed.data.kind}`, 303);
  });
}

function PageDone(props: { title: string; text: string }) {
  return (
    <>
      <h1>{props.title}</h1>
      <p class="lead">{props.text}</p>
    </>
  );
}
