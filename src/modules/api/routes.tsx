import type { FastifyInstance } from 'fastify';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { changeLogApiRoutes } from './change-log-routes.js';
import { directoryApiRoutes } from './directory-routes.js';
import { exerciseApiRoutes } from './exercise-routes.js';
import { planApiRoutes } from './plan-routes.js';
import { apiReferenceRoutes, openApiDocumentRoutes, registerOpenApi } from './reference-routes.js';
import {
  API_PREFIX,
  createApiContext,
  registerApiErrors,
  registerApiHeaders,
  sendProblem,
  type ApiContext,
} from './route-context.js';
import { secretariatApiRoutes } from './secretariat-routes.js';
import type { ApiDocument } from './views/api-reference-page.js';

export { API_PREFIX, LICENCE_URL } from './route-context.js';

/**
 * The public, read-only API (decision 17): GET and HEAD only, no session or CSRF token, CORS open, the licence in a
 * Link header, problem+json errors in the caller's language, keyset pages, ETags. Its routes are described by the
 * zod schemas that validate them, from which @fastify/swagger builds the OpenAPI 3.1 document; `/api` renders that
 * document as a page of the portal.
 *
 * Every route under `/api/v1` lives in one encapsulated plugin, with its own compilers, hooks, error and not-found
 * handlers; each resource's route file registers its routes on that plugin's instance through the shared context.
 */
export function apiRoutes(app: FastifyInstance, deps: ModuleDeps) {
  let openApiDocument: (() => ApiDocument) | undefined;

  apiReferenceRoutes(app, deps, () => openApiDocument!());

  app.register(
    async (api) => {
      const context = createApiContext(api, deps);
      await registerOpenApi(context);
      openApiDocument = () => api.swagger() as unknown as ApiDocument;
      registerApiHeaders(context);
      registerApiErrors(context);

      exerciseApiRoutes(context);
      secretariatApiRoutes(context);
      planApiRoutes(context);
      directoryApiRoutes(context);
      changeLogApiRoutes(context);
      openApiDocumentRoutes(context);
      readOnlyRoutes(context);
    },
    { prefix: API_PREFIX },
  );
}

/** Read-only: every other method gets a 405 naming the two it accepts, before any session or CSRF check. */
function readOnlyRoutes({ api, deps }: ApiContext) {
  api.route({
    method: ['POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    ...access.public,
    schema: { hide: true },
    onRequest: async (request, reply) => {
      reply.header('allow', 'GET, HEAD');
      return sendProblem(
        request,
        reply,
        deps,
        405,
        'method-not-allowed',
        request.t('api.problem.methodNotAllowed.detail'),
      );
    },
    handler: async () => undefined,
  });
  // A browser asks before sending If-None-Match from another origin.
  api.options('/*', { ...access.public, schema: { hide: true } }, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-allow-headers', 'Accept-Language, If-None-Match, If-Modified-Since')
      .header('access-control-max-age', '86400')
      .send(),
  );
}
