import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendPage } from '../../web/http.js';
import { idParams, parseParams, parseQuery } from '../../web/params.js';
import { getEmail } from './get-email.js';
import { listEmails } from './list-emails.js';
import { retryFailedEmails } from './retry-failed-emails.js';
import { emailStatuses, OLDEST_UNSENT_ALARM_SECONDS } from './schema.js';
import { EmailPage, OutboxPage } from './views/outbox-page.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

const outboxQuery = z.object({
  estado: z.enum(emailStatuses).optional().catch(undefined),
  pagina: z.coerce.number().int().min(1).catch(1).default(1),
  reintentados: z.coerce.number().int().min(0).max(10_000_000).optional().catch(undefined),
});

/** The portal's e-mail for admins: /admin/correo (the list), /admin/correo/:id (one e-mail) and its HTML as text. */
export function notificationsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const onlyAdmins = {
    // E-mails carry sign-in and confirmation links: no cache may keep a copy of these pages.
    onRequest: async (_request: FastifyRequest, reply: FastifyReply) => void reply.header('cache-control', 'no-store'),
    ...access.roles('admin'),
  };

  app.get('/admin/correo', onlyAdmins, async (request, reply) => {
    const query = parseQuery(request, outboxQuery);
    const list = await listEmails(deps.db, { status: query.estado, page: query.pagina });
    const isDelivering = Boolean(deps.config.SMTP_URL);
    const waitedMs = list.oldestUnsentAt ? deps.now().getTime() - list.oldestUnsentAt.getTime() : 0;
    return sendPage(request, reply, deps, {
      title: request.t('notifications.outbox.title'),
      body: (
        <OutboxPage
          list={list}
          status={query.estado}
          isDelivering={isDelivering}
          retryHorizonHours={deps.config.EMAIL_RETRY_HORIZON_HOURS}
          isLate={isDelivering && waitedMs > OLDEST_UNSENT_ALARM_SECONDS * 1000}
          retried={query.reintentados}
        />
      ),
    });
  });

  app.post('/admin/correo/reintentar-fallidos', onlyAdmins, async (_request, reply) => {
    const count = await retryFailedEmails(deps.db);
    return reply.redirect(`/admin/correo?reintentados=${count}`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/correo/:id', onlyAdmins, async (request, reply) => {
    const email = await getEmail(deps.db, parseParams(request, idParams, 'e-mail').id);
    return sendPage(request, reply, deps, {
      title: request.t('notifications.email.title', { subject: email.subject }),
      body: <EmailPage email={email} />,
    });
  });

  // The HTML exactly as sent, shown as text: rendering it here would need inline styles the CSP forbids.
  app.get<{ Params: { id: string } }>('/admin/correo/:id/html', onlyAdmins, async (request, reply) => {
    const email = await getEmail(deps.db, parseParams(request, idParams, 'e-mail').id);
    return reply.type('text/plain; charset=utf-8').send(email.html);
  });
}
