import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formValues, submitForm, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { parseQuery } from '../../web/params.js';
import { formatters } from '../../web/i18n/i18n.js';
import { SESSION_COOKIE } from '../accounts/guards.js';
import { cancelAccount } from './cancel-account.js';
import { fileArcoRequest, fileArcoRequestInput } from './file-arco-request.js';
import { listOwnArcoRequests } from './list-arco-requests.js';
import { exportPersonalData } from './export-personal-data.js';
import { RightsPage } from './views/rights-pages.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { forms, todayOf } from './route-context.js';

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

/** A person's own data (/cuenta/datos): its download, their ARCO requests, and cancelling the account. */
export function rightsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;
  const today = todayOf(deps);

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
    const data = await exportPersonalData(db, actorOf(request).userId, deps.personalData, deps.now());
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
    await cancelAccount(db, actor.userId, actor, { parts: deps.personalData, now: deps.now() });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/cuenta/cancelada', 303);
  });
  app.get('/cuenta/cancelada', access.public, (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('privacy.cancel.title'),
      body: <PageDone text={request.t('privacy.cancel.done')} title={request.t('privacy.cancel.title')} />,
    }),
  );
}

function PageDone(props: { title: string; text: string }) {
  return (
    <>
      <h1>{props.title}</h1>
      <p class="lead">{props.text}</p>
    </>
  );
}
