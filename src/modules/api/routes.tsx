import { createHash } from 'node:crypto';
import { publicBaseUrl } from '../../config.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { AppError, statusByCode } from '../../shared/errors.js';
import { sendPage } from '../../web/http.js';
import { matchesEtag } from '../../web/render-cache.js';
import { isMalformedMultipart } from '../../web/input.js';
import { BadCursorError, type Page } from './keyset.js';
import { getApiActivity, listApiActivities } from './read-activities.js';
import { getApiCall, listApiCalls } from './read-calls.js';
import { getApiChange, lastPublicChange, listApiChanges } from './read-change-log.js';
import { getApiCommitment, listApiCommitments } from './read-commitments.js';
import { getInstitution, getMunicipality, listInstitutions, listMunicipalities } from './read-directory.js';
import { getApiExercise, listApiExercises } from './read-exercises.js';
import { getApiPlan, listApiPlans } from './read-plans.js';
import { getApiAgreement, getApiSession, listApiAgreements, listApiSessions } from './read-secretariat.js';
import {
  activitiesQuery,
  activitySchema,
  agreementSchema,
  callSchema,
  changeSchema,
  collectionQuery,
  commitmentSchema,
  commitmentsQuery,
  cvegeoParams,
  exerciseSchema,
  institutionSchema,
  langQuery,
  municipalitySchema,
  pageOf,
  planSchema,
  problemSchema,
  seqParams,
  sessionSchema,
  uuidParams,
} from './schemas.js';
import { apiMessages } from './messages.js';
import { ApiReferencePage, type ApiDocument } from './views/api-reference-page.js';

export const API_PREFIX = '/api/v1';
/** The licence of every open dataset of the portal (see /datos): Términos de Libre Uso MX. */
export const LICENCE_URL = 'https://datos.gob.mx/libreusomx';
const CACHE_CONTROL = 'public, max-age=60';
/** Data routes: public, and their 200 answers kept in the render cache until the next public write (decision 8). */
const publicData = { config: { ...access.public.config, renderCache: 'json' as const } };

type ProblemKind = 'bad-parameter' | 'not-found' | 'method-not-allowed' | 'server-error';

/** An expected failure of an API request, answered as application/problem+json (RFC 9457). */
class ApiProblem extends Error {
  constructor(
    readonly status: 400 | 404 | 405,
    readonly kind: ProblemKind,
    readonly detailKey: Parameters<FastifyRequest['t']>[0],
    readonly params: Record<string, string> = {},
  ) {
    super(kind);
  }
}

const notFound = () => new ApiProblem(404, 'not-found', 'api.problem.notFound.record');
const badCursor = () => new ApiProblem(400, 'bad-parameter', 'api.problem.badParameter.cursor');

/** An operation's summary (English) and description (Spanish) in the OpenAPI document, from the texts of /api. */
const operation = (operationId: string) => {
  const key = `api.op.${operationId}` as keyof typeof apiMessages.es;
  return { operationId, summary: apiMessages.en[key], description: apiMessages.es[key] };
};

const titleKeys = {
  'bad-parameter': 'api.problem.badParameter.title',
  'not-found': 'api.problem.notFound.title',
  'method-not-allowed': 'api.problem.methodNotAllowed.title',
  'server-error': 'api.problem.server.title',
} as const;

/** The portal's own address: the configured one (publicBaseUrl), never the Host a request names. */
const originOf = (_request: FastifyRequest, deps: ModuleDeps) => publicBaseUrl(deps.config);

function sendProblem(request: FastifyRequest, reply: FastifyReply, deps: ModuleDeps, status: number, kind: ProblemKind, detail: string) {
  const body = { type: `${originOf(request, deps)}/api#${kind}`, title: request.t(titleKeys[kind]), status, detail };
  return reply
    .code(status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', request.locale)
    .header('cache-control', 'no-store')
    .send(JSON.stringify(body));
}

/** Which message explains a parameter that failed its schema. */
function badParameterDetail(request: FastifyRequest, name: string): string {
  if (name === 'limit') return request.t('api.problem.badParameter.limit');
  if (name === 'cursor') return request.t('api.problem.badParameter.cursor');
  if (name === 'cvegeo') return request.t('api.problem.badParameter.cvegeo');
  if (name === 'seq') return request.t('api.problem.badParameter.seq');
  if (['id', 'plan', 'commitment'].includes(name)) return request.t('api.problem.badParameter.uuid', { name });
  return request.t('api.problem.badParameter.other', { name });
}

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });
const errorResponses = {
  400: problemResponse('A parameter is not valid.'),
  404: problemResponse('No public record with that id, or no such route.'),
};

/**
 * The public, read-only API (decision 17): GET and HEAD only, no session or CSRF token, CORS open, the licence in a
 * Link header, problem+json errors in the caller's language, keyset pages, ETags. Its routes are described by the
 * zod schemas that validate them, from which @fastify/swagger builds the OpenAPI 3.1 document; `/api` renders that
 * document as a page of the portal.
 */
export function apiRoutes(app: FastifyInstance, deps: ModuleDeps) {
  let openApiDocument: (() => ApiDocument) | undefined;
  /** The newest change-log instant this process has read (see sendData). */
  let latestChange: Date | undefined;

  app.get('/api', access.public, async (request, reply) => {
    const [sample] = (await listApiCommitments(deps.db, { limit: 1 }, today(deps))).data;
    return sendPage(request, reply, deps, {
      title: request.t('api.title'),
      body: <ApiReferencePage document={openApiDocument!()} origin={originOf(request, deps)} sampleCommitmentId={sample?.id} licenceUrl={LICENCE_URL} />,
    });
  });

  app.register(
    async (api) => {
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
        transformObject: jsonSchemaTransformObject,
      });
      openApiDocument = () => api.swagger() as unknown as ApiDocument;

      // Every answer of the API, errors, 304s and render-cache hits included (a hit is answered before this context's
      // onRequest hooks, never before its onSend): CORS open, the licence, readable from any origin, and no cookie ever
      // (not the language one of ?lang=, not the clearing of a stale session).
      api.addHook('onSend', async (_request, reply, payload) => {
        reply
          .header('access-control-allow-origin', '*')
          .header('access-control-expose-headers', 'ETag, Last-Modified, Link, Content-Language')
          .header('cross-origin-resource-policy', 'cross-origin')
          .header('link', `<${LICENCE_URL}>; rel="license"`)
          .removeHeader('set-cookie');
        if (reply.getHeader('x-render-cache') === 'hit') {
          reply.header('cache-control', CACHE_CONTROL);
          if (latestChange) reply.header('last-modified', latestChange.toUTCString());
        }
        return payload;
      });

      api.setNotFoundHandler((request, reply) => sendProblem(request, reply, deps, 404, 'not-found', request.t('api.problem.notFound.route')));
      api.setErrorHandler((error, request, reply) => {
        if (hasZodFastifySchemaValidationErrors(error)) {
          const name = String(error.validation[0]?.instancePath ?? '').split('/')[1] ?? '';
          return sendProblem(request, reply, deps, 400, 'bad-parameter', badParameterDetail(request, name));
        }
        if (error instanceof ApiProblem) return sendProblem(request, reply, deps, error.status, error.kind, request.t(error.detailKey, error.params));
        if (error instanceof AppError && error.code === 'not_found') return sendProblem(request, reply, deps, 404, 'not-found', request.t('api.problem.notFound.record'));
        // The edge refuses a body or a NUL character before the route runs: a write is still a 405, a bad value a 400.
        if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
          reply.header('allow', 'GET, HEAD');
          return sendProblem(request, reply, deps, 405, 'method-not-allowed', request.t('api.problem.methodNotAllowed.detail'));
        }
        if (error instanceof AppError && statusByCode[error.code] < 500) {
          const name = typeof error.details?.field === 'string' ? error.details.field : '?';
          return sendProblem(request, reply, deps, 400, 'bad-parameter', request.t('api.problem.badParameter.other', { name }));
        }
        const status = (error as { statusCode?: number }).statusCode;
        if ((status && status >= 400 && status < 500) || isMalformedMultipart(error, request)) {
          request.log.info({ code: (error as { code?: string }).code, status }, (error as Error).message);
          return sendProblem(request, reply, deps, 400, 'bad-parameter', request.t('api.problem.badParameter.other', { name: '?' }));
        }
        request.log.error({ err: error }, 'unexpected error');
        return sendProblem(request, reply, deps, 500, 'server-error', request.t('api.problem.server.detail', { requestId: String(request.id) }));
      });

      /** Sends a 200 with its ETag (a hash of the very bytes), or a 304 when the caller already has them. */
      async function sendData(request: FastifyRequest, reply: FastifyReply, body: unknown) {
        const json = String(reply.serialize(body));
        const etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
        const lastModified = await lastPublicChange(deps.db);
        // Every public write empties the render cache, so a cached answer was built after the latest write this
        // process has read here: its Last-Modified is this one.
        if (lastModified && (!latestChange || lastModified > latestChange)) latestChange = lastModified;
        reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
        if (lastModified) reply.header('last-modified', lastModified.toUTCString());
        if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
        return reply.header('content-type', 'application/json; charset=utf-8').send(json);
      }

      const fileUrl = (request: FastifyRequest) => (fileId: string) => `${originOf(request, deps)}/archivos/${fileId}/archivo`;

      /** A collection: `limit` and `cursor`, rows in `data`, the next page's address in `links.next`. */
      function collection<Item extends z.ZodType, Query extends typeof collectionQuery>(
        url: string,
        operationId: string,
        tag: string,
        item: Item,
        querystring: Query,
        load: (request: FastifyRequest, query: z.output<Query>) => Promise<Page<z.output<Item>>>,
      ) {
        api.get(
          url,
          { ...publicData, schema: { ...operation(operationId), tags: [tag], querystring, response: { 200: pageOf(item), ...errorResponses } } },
          async (request, reply) => {
            const query = request.query as z.output<Query>;
            let page: Page<z.output<Item>>;
            try {
              page = await load(request, query);
            } catch (error) {
              if (error instanceof BadCursorError) throw badCursor();
              throw error;
            }
            const self = new URL(request.url, `${originOf(request, deps)}/`);
            const next = page.next === null ? null : new URL(self);
            next?.searchParams.set('cursor', page.next!);
            return sendData(request, reply, { data: page.data, links: { self: self.toString(), next: next?.toString() ?? null } });
          },
        );
      }

      /** One record by its key; 404 unless it exists and is public. */
      function item<Item extends z.ZodType, Params extends z.ZodObject>(
        url: string,
        operationId: string,
        tag: string,
        schema: Item,
        params: Params,
        load: (request: FastifyRequest, params: z.output<Params>) => Promise<z.output<Item> | undefined>,
      ) {
        api.get(url, { ...publicData, schema: { ...operation(operationId), tags: [tag], params, querystring: langQuery, response: { 200: schema, ...errorResponses } } }, async (request, reply) => {
          const found = await load(request, request.params as z.output<Params>);
          if (found === undefined) throw notFound();
          return sendData(request, reply, found);
        });
      }

      const { db } = deps;
      collection('/exercises', 'listExercises', 'exercises', exerciseSchema, collectionQuery, (_r, q) => listApiExercises(db, q));
      item('/exercises/:id', 'getExercise', 'exercises', exerciseSchema, uuidParams, (_r, p) => getApiExercise(db, p.id));
      collection('/calls', 'listCalls', 'calls', callSchema, collectionQuery, (_r, q) => listApiCalls(db, q));
      item('/calls/:id', 'getCall', 'calls', callSchema, uuidParams, (_r, p) => getApiCall(db, p.id));
      collection('/secretariat/sessions', 'listSessions', 'secretariat', sessionSchema, collectionQuery, (r, q) => listApiSessions(db, q, { fileUrl: fileUrl(r) }));
      item('/secretariat/sessions/:id', 'getSession', 'secretariat', sessionSchema, uuidParams, (r, p) => getApiSession(db, p.id, { fileUrl: fileUrl(r) }));
      collection('/secretariat/agreements', 'listAgreements', 'secretariat', agreementSchema, collectionQuery, (_r, q) => listApiAgreements(db, q));
      item('/secretariat/agreements/:id', 'getAgreement', 'secretariat', agreementSchema, uuidParams, (_r, p) => getApiAgreement(db, p.id));
      collection('/plans', 'listPlans', 'plans', planSchema, collectionQuery, (_r, q) => listApiPlans(db, q));
      item('/plans/:id', 'getPlan', 'plans', planSchema, uuidParams, (_r, p) => getApiPlan(db, p.id));
      collection('/commitments', 'listCommitments', 'plans', commitmentSchema, commitmentsQuery, (_r, q) => listApiCommitments(db, { ...q, planId: q.plan }, today(deps)));
      item('/commitments/:id', 'getCommitment', 'plans', commitmentSchema, uuidParams, (_r, p) => getApiCommitment(db, p.id, today(deps)));
      collection('/activities', 'listActivities', 'plans', activitySchema, activitiesQuery, (r, q) => listApiActivities(db, { ...q, commitmentId: q.commitment }, { fileUrl: fileUrl(r) }));
      item('/activities/:id', 'getActivity', 'plans', activitySchema, uuidParams, (r, p) => getApiActivity(db, p.id, { fileUrl: fileUrl(r) }));
      collection('/institutions', 'listInstitutions', 'directory', institutionSchema, collectionQuery, (_r, q) => listInstitutions(db, q));
      item('/institutions/:id', 'getInstitution', 'directory', institutionSchema, uuidParams, (_r, p) => getInstitution(db, p.id));
      collection('/municipalities', 'listMunicipalities', 'directory', municipalitySchema, collectionQuery, (_r, q) => listMunicipalities(db, q));
      item('/municipalities/:cvegeo', 'getMunicipality', 'directory', municipalitySchema, cvegeoParams, (_r, p) => getMunicipality(db, p.cvegeo));
      collection('/changes', 'listChanges', 'change log', changeSchema, collectionQuery, (_r, q) => listApiChanges(db, q));
      item('/changes/:seq', 'getChange', 'change log', changeSchema, seqParams, (_r, p) => getApiChange(db, p.seq));

      api.get('/openapi.json', { ...publicData, schema: { ...operation('getOpenApi'), tags: ['meta'], querystring: langQuery } }, async (request, reply) =>
        sendData(request, reply, api.swagger()),
      );

      // Read-only: every other method gets a 405 naming the two it accepts, before any session or CSRF check.
      api.route({
        method: ['POST', 'PUT', 'PATCH', 'DELETE'],
        url: '/*',
        ...access.public,
        schema: { hide: true },
        onRequest: async (request, reply) => {
          reply.header('allow', 'GET, HEAD');
          return sendProblem(request, reply, deps, 405, 'method-not-allowed', request.t('api.problem.methodNotAllowed.detail'));
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
    },
    { prefix: API_PREFIX },
  );
}

const today = (deps: ModuleDeps) => deps.now().toISOString().slice(0, 10);
