import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { listApiCommitments } from './read-commitments.js';
import { applyDeprecations } from './deprecations.js';
import { langQuery } from './schemas.js';
import { LICENCE_URL, operation, originOf, publicData, sendData, today, type ApiContext } from './route-context.js';
import { ApiReferencePage, type ApiDocument } from './views/api-reference-page.js';

/** `/api`: the reference page, which renders the OpenAPI document (read when the page is asked for). */
export function apiReferenceRoutes(app: FastifyInstance, deps: ModuleDeps, openApiDocument: () => ApiDocument) {
  app.get('/api', access.public, async (request, reply) => {
    const [sample] = (await listApiCommitments(deps.db, { limit: 1 }, today(deps))).data;
    return sendPage(request, reply, deps, {
      title: request.t('api.title'),
      body: (
        <ApiReferencePage
          document={openApiDocument()}
          origin={originOf(request, deps)}
          sampleCommitmentId={sample?.id}
          licenceUrl={LICENCE_URL}
        />
      ),
    });
  });
}

/** The zod compilers of the API's routes, and @fastify/swagger, which builds the OpenAPI 3.1 document from them. */
export async function registerOpenApi({ api, deps }: ApiContext) {
  api.setValidatorCompiler(validatorCompiler);
  api.setSerializerCompiler(serializerCompiler);
  await api.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${deps.config.SITE_NAME}: API pública de datos abiertos`,
        version: '1.0.0',
        description:
          'Read-only public API of the open-government portal: exercises, calls, the Technical Secretariat, action plans, commitments (OGP template), milestones, activities with evidence, institutions, municipalities and the change log. No authentication, no cookies; GET and HEAD only (other methods get 405). Errors are application/problem+json (RFC 9457), in Spanish or English (Accept-Language or ?lang=en). Lists are paged by an opaque keyset cursor. Human reference: /api.',
        license: { name: 'Términos de Libre Uso MX', url: LICENCE_URL },
      },
      servers: deps.config.PUBLIC_URL ? [{ url: deps.config.PUBLIC_URL.replace(/\/+$/, '') }] : [],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => applyDeprecations(jsonSchemaTransformObject(input), deps.deprecations),
  });
}

/** `/api/v1/openapi.json`: the OpenAPI document itself, with an ETag like every answer of the API. */
export function openApiDocumentRoutes(context: ApiContext) {
  const { api } = context;
  api.get(
    '/openapi.json',
    { ...publicData, schema: { ...operation('getOpenApi'), tags: ['meta'], querystring: langQuery } },
    async (request, reply) => sendData(context, request, reply, api.swagger()),
  );
}
