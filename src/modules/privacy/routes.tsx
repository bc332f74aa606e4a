import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { formValues, submitForm, type FormMessages, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { idParams, parseParams, parseQuery, queryString } from '../../web/params.js';
import { formatters } from '../../web/i18n/i18n.js';
import { SESSION_COOKIE } from '../accounts/guards.js';
import { cancelAccount } from '../accounts/cancel-account.js';
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
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

const noticeInput = z.object({
  kind: z.enum(privacyNoticeKinds),
  responsible: z.string().trim().min(3, 'responsible').max(300, 'responsible'),
  body: z.string().trim().min(20, 'body').max(50000, 'body'),
});

const forms: FormMessages = { prefix: 'privacy.error', fallback: 'error.badRequest.body' };

/** `?folio=&vence=` after filing an ARCO request: the notice shows only for a well-formed pair. */
const filedQuery = z.object({
  folio: z
    .string()
    .regex(/^ARCO-\d{4}-\d{4,}$/)
    .optional()
    .catch(undefined),
  vence: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});
const arcoAdminQuery = z.object({ aviso: queryString });
const noticesAdminQuery = z.object({ aviso: queryString, aviso_tipo: queryString });

export function privacyRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);

  app.get('/privacidad', access.public, async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('privacy.title'),
      body: <PrivacyPage notices={await getCurrentPrivacyNotices(db)} />,
    }),
  );

  // A person's own data: download, ARCO requests, cancellation.
  const rightsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    notice?: string,
    status = 200,
  ) =>
    sendPage(request, reply, deps, {
      status,
      title: request.t('privacy.rights.title'),
      body: (
        <RightsPage
          requests={await listOwnArcoRequests(db, actorOf(request).userId)}
          form={form}
          notice={notice}
          today={today()}
        />
      ),
    });
  app.get<{ Querystring: { folio?: string; vence?: string } }>('/cuenta/datos', access.signedIn, (request, reply) => {
    const { folio, vence } = parseQuery(request, filedQuery);
    const notice =
      folio && vence
        ? request.t('privacy.arco.filed', {
            folio,
            date: formatters(request.locale, config.TIME_ZONE).calendarDate(vence),
          })
        : undefined;
    return rightsPage(request, reply, emptyForm(), notice);
  });
  app.get('/cuenta/datos/descarga', access.signedIn, async (request, reply) => {
    const data = await exportPersonalData(db, actorOf(request).userId, deps.now());
    return reply
      .header('content-disposition', `attachment; filename="mis-datos-${today()}.json"`)
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });
  app.post('/cuenta/datos/arco', access.signedIn, async (request, reply) => {
    const values = formValues(request.body, ['kind', 'description']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: fileArcoRequestInput.safeParse(values),
      invalid: (form, status) => rightsPage(request, reply, form, undefined, status),
      submit: async (data) => {
        const filed = await fileArcoRequest(db, actorOf(request).userId, data, {
          now: deps.now(),
          timeZone: config.TIME_ZONE,
        });
        return `/cuenta/datos?folio=${filed.folio}&vence=${filed.dueOn}`;
      },
    });
  });
  app.post('/cuenta/cancelar', access.signedIn, async (request, reply) => {
    const actor = actorOf(request);
    await cancelAccount(db, actor.userId, actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/cuenta/cancelada', 303);
  });
  app.get('/cuenta/cancelada', access.public, (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('privacy.cancel.title'),
      body: <PageDone text={request.t('privacy.cancel.done')} title={request.t('privacy.cancel.title')} />,
    }),
  );

  // Administration: ARCO requests and notices.
  const arcoPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<Parameters<typeof AdminArcoPage>[0]> = {},
    status = 200,
  ) =>
    sendPage(request, reply, deps, {
      status,
      title: request.t('privacy.arco.adminTitle'),
      body: <AdminArcoPage rows={await listAllArcoRequests(db)} today={today()} {...extra} />,
    });
  app.get<{ Querystring: { aviso?: string } }>('/admin/arco', access.roles('admin'), (request, reply) =>
    arcoPage(request, reply, {
      notice: parseQuery(request, arcoAdminQuery).aviso === 'saved' ? request.t('privacy.arco.saved') : undefined,
    }),
  );
  app.post<{ Params: { id: string } }>('/admin/arco/:id', access.roles('admin'), async (request, reply) => {
    const { id } = parseParams(request, idParams, 'ARCO request');
    const values = formValues(request.body, ['decision', 'answer']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: answerArcoRequestInput.safeParse(values),
      invalid: (form, status) => arcoPage(request, reply, { errorsFor: { id, form } }, status),
      submit: async (data) => {
        await answerArcoRequest(db, actorOf(request), id, data, deps.now());
        return '/admin/arco?aviso=saved';
      },
      refused: (error) =>
        error instanceof AppError && error.code === 'conflict'
          ? arcoPage(
              request,
              reply,
              {
                problem: request.t(
                  error.details?.reason === 'alreadyExtended' ? 'privacy.arco.alreadyExtended' : 'privacy.arco.closed',
                ),
              },
              409,
            )
          : undefined,
    });
  });

  const noticesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    notice?: string,
    status = 200,
  ) => {
    const current = await getCurrentPrivacyNotices(db);
    return sendPage(request, reply, deps, {
      status,
      title: request.t('privacy.admin.title'),
      body: <AdminNoticesPage current={current} form={form} notice={notice} />,
    });
  };
  app.get<{ Querystring: { aviso?: string; aviso_tipo?: string } }>(
    '/admin/privacidad',
    access.roles('admin'),
    (request, reply) =>
      noticesPage(
        request,
        reply,
        emptyForm({
          kind: parseQuery(request, noticesAdminQuery).aviso_tipo === 'simplified' ? 'simplified' : 'integral',
        }),
        parseQuery(request, noticesAdminQuery).aviso === 'published' ? request.t('privacy.admin.published') : undefined,
      ),
  );
  app.post('/admin/privacidad', access.roles('admin'), async (request, reply) => {
    const values = formValues(request.body, ['kind', 'responsible', 'body']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: noticeInput.safeParse(values),
      invalid: (form, status) => noticesPage(request, reply, form, undefined, status),
      submit: async (data) => {
        await publishPrivacyNotice(db, data, actorOf(request));
        return `/admin/privacidad?aviso=published&aviso_tipo=${data.kind}`;
      },
    });
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
