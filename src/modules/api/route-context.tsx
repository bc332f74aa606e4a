import { createHash } from 'node:crypto';
import { publicBaseUrl } from '../../config.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { AppError, statusByCode } from '../../shared/errors.js';
import { matchesEtag } from '../../web/render-cache.js';
import { isMalformedMultipart } from '../../web/input.js';
import { deprecationHeaders } from './deprecations.js';
import { BadCursorError, type Page } from './keyset.js';
import { lastPublicChange } from '../audit/list-change-log.js';
import { collectionQuery, langQuery, pageOf, problemSchema } from './schemas.js';
import { apiMessages } from './messages.js';

export const API_PREFIX = '/api/v1';
/** The licence of every open dataset of the portal (see /datos): Términos de Libre Uso MX. */
export const LICENCE_URL = 'https://datos.gob.mx/libreusomx';
export const CACHE_CONTROL = 'public, max-age=60';
/** Data routes: public, and their 200 answers kept in the render cache until the next public write (decision 8). */
export const publicData = { config: { ...access.public.config, renderCache: 'json' as const } };

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
export const operation = (operationId: string) => {
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
export const originOf = (_request: FastifyRequest, deps: ModuleDeps) => publicBaseUrl(deps.config);

export const today = (deps: ModuleDeps) => deps.now().toISOString().slice(0, 10);

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ModuleDeps,
  status: number,
  kind: ProblemKind,
  detail: string,
) {
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

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});
const errorResponses = {
  400: problemResponse('A parameter is not valid.'),
  404: problemResponse('No public record with that id, or no such route.'),
};

/**
 * What the API's route files share: the encapsulated instance, the module's deps, the newest change-log instant this
 * process has read (see sendData), and the helpers that declare a collection or an item.
 */
export interface ApiContext {
  readonly api: FastifyInstance;
  readonly deps: ModuleDeps;
  /** The newest change-log instant this process has read (see sendData). */
  latestChange: Date | undefined;
}

export const createApiContext = (api: FastifyInstance, deps: ModuleDeps): ApiContext => ({
  api,
  deps,
  latestChange: undefined,
});

/**
 * Every answer of the API, errors, 304s and render-cache hits included (a hit is answered before this context's
 * onRequest hooks, never before its onSend): CORS open, the licence, readable from any origin, and no cookie ever
 * (not the language one of ?lang=, not the clearing of a stale session).
 */
export function registerApiHeaders(context: ApiContext) {
  context.api.addHook('onSend', async (request, reply, payload) => {
    reply.headers(deprecationHeaders(context.deps.deprecations, request.routeOptions.url ?? ''));
    reply
      .header('access-control-allow-origin', '*')
      .header('access-control-expose-headers', 'ETag, Last-Modified, Link, Content-Language')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('link', `<${LICENCE_URL}>; rel="license"`)
      .removeHeader('set-cookie');
    if (reply.getHeader('x-render-cache') === 'hit') {
      reply.header('cache-control', CACHE_CONTROL);
      if (context.latestChange) reply.header('last-modified', context.latestChange.toUTCString());
    }
    return payload;
  });
}

/** The API's own 404 and error handler: problem+json in the caller's language, never a page. */
export function registerApiErrors({ api, deps }: ApiContext) {
  api.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, deps, 404, 'not-found', request.t('api.problem.notFound.route')),
  );
  api.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const name = String(error.validation[0]?.instancePath ?? '').split('/')[1] ?? '';
      return sendProblem(request, reply, deps, 400, 'bad-parameter', badParameterDetail(request, name));
    }
    if (error instanceof ApiProblem)
      return sendProblem(request, reply, deps, error.status, error.kind, request.t(error.detailKey, error.params));
    if (error instanceof AppError && error.code === 'not_found')
      return sendProblem(request, reply, deps, 404, 'not-found', request.t('api.problem.notFound.record'));
    // The edge refuses a body or a NUL character before the route runs: a write is still a 405, a bad value a 400.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      reply.header('allow', 'GET, HEAD');
      return sendProblem(
        request,
        reply,
        deps,
        405,
        'method-not-allowed',
        request.t('api.problem.methodNotAllowed.detail'),
      );
    }
    if (error instanceof AppError && statusByCode[error.code] < 500) {
      const name = typeof error.details?.field === 'string' ? error.details.field : '?';
      return sendProblem(
        request,
        reply,
        deps,
        400,
        'bad-parameter',
        request.t('api.problem.badParameter.other', { name }),
      );
    }
    const status = (error as { statusCode?: number }).statusCode;
    if ((status && status >= 400 && status < 500) || isMalformedMultipart(error, request)) {
      request.log.info({ code: (error as { code?: string }).code, status }, (error as Error).message);
      return sendProblem(
        request,
        reply,
        deps,
        400,
        'bad-parameter',
        request.t('api.problem.badParameter.other', { name: '?' }),
      );
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(
      request,
      reply,
      deps,
      500,
      'server-error',
      request.t('api.problem.server.detail', { requestId: String(request.id) }),
    );
  });
}

/** Sends a 200 with its ETag (a hash of the very bytes), or a 304 when the caller already has them. */
export async function sendData(context: ApiContext, request: FastifyRequest, reply: FastifyReply, body: unknown) {
  const json = String(reply.serialize(body));
  const etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  const lastModified = await lastPublicChange(context.deps.db);
  // Every public write empties the render cache, so a cached answer was built after the latest write this
  // process has read here: its Last-Modified is this one.
  if (lastModified && (!context.latestChange || lastModified > context.latestChange))
    context.latestChange = lastModified;
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  if (lastModified) reply.header('last-modified', lastModified.toUTCString());
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.header('content-type', 'application/json; charset=utf-8').send(json);
}

/** The public address of an uploaded file (evidence, a session's documents). */
export const fileUrl = (request: FastifyRequest, deps: ModuleDeps) => (fileId: string) =>
  `${originOf(request, deps)}/archivos/${fileId}/archivo`;

/** A collection: `limit` and `cursor`, rows in `data`, the next page's address in `links.next`. */
export function collection<Item extends z.ZodType, Query extends typeof collectionQuery>(
  context: ApiContext,
  url: string,
  operationId: string,
  tag: string,
  item: Item,
  querystring: Query,
  load: (request: FastifyRequest, query: z.output<Query>) => Promise<Page<z.output<Item>>>,
) {
  context.api.get(
    url,
    {
      ...publicData,
      schema: {
        ...operation(operationId),
        tags: [tag],
        querystring,
        response: { 200: pageOf(item), ...errorResponses },
      },
    },
    async (request, reply) => {
      const query = request.query as z.output<Query>;
      let page: Page<z.output<Item>>;
      try {
        page = await load(request, query);
      } catch (error) {
        if (error instanceof BadCursorError) throw badCursor();
        throw error;
      }
      const self = new URL(request.url, `${originOf(request, context.deps)}/`);
      const next = page.next === null ? null : new URL(self);
      next?.searchParams.set('cursor', page.next!);
      return sendData(context, request, reply, {
        data: page.data,
        links: { self: self.toString(), next: next?.toString() ?? null },
      });
    },
  );
}

/** One record by its key; 404 unless it exists and is public. */
export function item<Item extends z.ZodType, Params extends z.ZodObject>(
  context: ApiContext,
  url: string,
  operationId: string,
  tag: string,
  schema: Item,
  params: Params,
  load: (request: FastifyRequest, params: z.output<Params>) => Promise<z.output<Item> | undefined>,
) {
  context.api.get(
    url,
    {
      ...publicData,
      schema: {
        ...operation(operationId),
        tags: [tag],
        params,
        querystring: langQuery,
        response: { 200: schema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await load(request, request.params as z.output<Params>);
      if (found === undefined) throw notFound();
      return sendData(context, request, reply, found);
    },
  );
}
