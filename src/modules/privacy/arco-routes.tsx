import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { formValues, submitForm } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { idParams, parseParams, parseQuery, queryString } from '../../web/params.js';
import { answerArcoRequest, answerArcoRequestInput } from './answer-arco-request.js';
import { listAllArcoRequests } from './list-arco-requests.js';
import { AdminArcoPage } from './views/rights-pages.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { forms, todayOf } from './route-context.js';

const arcoAdminQuery = z.object({ aviso: queryString });

/** The ARCO requests of every person (/admin/arco, admins only): answering them, extending their deadline. */
export function arcoAdminRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;
  const today = todayOf(deps);

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
}
