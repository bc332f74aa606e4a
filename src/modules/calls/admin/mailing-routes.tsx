import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import { formValues, submitForm, emptyForm } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import { formatters } from '../../../web/i18n/i18n.js';
import { parseParams, parseQuery, queryString, uuidParam } from '../../../web/params.js';
import { getCall } from '../get-call.js';
import { getMailingProgress } from '../get-mailing-progress.js';
import { callMailingInput, sendCallMailing } from '../send-call-mailing.js';
import { MailingProgressPage } from '../views/admin-mailing-progress.js';
import { actorOf } from '../../../kernel/access.js';
import { callAdminContext, forms, type Deps } from './route-context.js';

const mailingParams = z.object({ id: z.string(), mailingId: uuidParam });
/** `?aviso=enviado&n=12` after a mailing is sent (or `?aviso=repetido`). */
const mailingQuery = z.object({
  aviso: queryString,
  n: z.coerce.number().int().positive().optional().catch(undefined),
});

/** A call's next-step mailing (/admin/convocatorias/:id/envios) and its progress. */
export function mailingAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config, admin, zone, callId, problemPage, callPage } = callAdminContext(deps);

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
