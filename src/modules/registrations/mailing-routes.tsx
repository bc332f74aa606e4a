import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { actorOf } from '../../kernel/access.js';
import { AppError } from '../../shared/errors.js';
import { formValues, submitForm, emptyForm, type FormMessages } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { formatters, type MessageKey } from '../../web/i18n/i18n.js';
import { parseParams, parseQuery, queryString, uuidParam } from '../../web/params.js';
import { callAdminContext } from '../calls/admin/route-context.js';
import { getCall } from '../calls/get-call.js';
import { getMailingProgress } from './get-mailing-progress.js';
import { MAILING_SECTION } from './mailing-section.js';
import { callMailingInput, sendCallMailing } from './send-call-mailing.js';
import { MailingProgressPage } from './views/admin-mailing-progress.js';

const mailingParams = z.object({ id: z.string(), mailingId: uuidParam });
/** `?aviso=enviado&n=12` after a mailing is sent (or `?aviso=repetido`). */
const mailingQuery = z.object({
  aviso: queryString,
  n: z.coerce.number().int().positive().optional().catch(undefined),
});
const forms: FormMessages = { prefix: 'mailing.error', fallback: 'error.badRequest.body' };

/** Conflicts sendCallMailing reports (AppError details.reason) and what the admin is told on the call's page. */
const problems: Record<string, MessageKey> = {
  callNotClosed: 'mailing.problem.callNotClosed',
  noRecipients: 'mailing.problem.noRecipients',
};

/**
 * A call's next-step mailing (/admin/convocatorias/:id/envios, admins only) and its progress. The form lives in this
 * module's section of the call's admin page (mailing-section.tsx); a refused form shows that page again.
 */
export function mailingAdminRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, admin, zone, callId, callPage } = callAdminContext(deps);

  app.post<{ Params: { id: string } }>('/admin/convocatorias/:id/envios', admin, async (request, reply) => {
    const { call } = await getCall(db, callId(request));
    const values = formValues(request.body, ['subjectEs', 'bodyEs', 'subjectEn', 'bodyEn']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: callMailingInput.safeParse(values),
      invalid: (form, status) =>
        callPage(request, reply, call.id, { sectionStates: { [MAILING_SECTION]: form }, status }),
      submit: async (data) => {
        const sent = await sendCallMailing(db, call.id, data, {
          actor: actorOf(request),
          siteName: config.SITE_NAME,
          now: deps.now(),
        });
        return `/admin/convocatorias/${call.id}/envios/${sent.mailingId}?aviso=enviado&n=${sent.recipients}`;
      },
      refused: (error) => {
        if (!(error instanceof AppError) || error.code !== 'conflict') return undefined;
        const reason = error.details?.reason;
        if (reason === 'alreadySent')
          return reply.redirect(
            `/admin/convocatorias/${call.id}/envios/${String(error.details?.mailingId)}?aviso=repetido`,
            303,
          );
        const problem = typeof reason === 'string' ? problems[reason] : undefined;
        return problem
          ? callPage(request, reply, call.id, {
              sectionStates: { [MAILING_SECTION]: emptyForm(values) },
              problem: request.t(problem),
              status: 409,
            })
          : undefined;
      },
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
          ? request.t('mailing.notice.alreadySent')
          : aviso === 'enviado' && count !== undefined
            ? count === 1
              ? request.t('mailing.notice.queuedOne')
              : request.t('mailing.notice.queued', { count: formatters(request.locale, zone).number(count) })
            : undefined;
      return sendPage(request, reply, deps, {
        title: request.t('mailing.progress.title'),
        body: <MailingProgressPage call={call} progress={progress} notice={notice} />,
      });
    },
  );
}
