import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { localeFromAcceptLanguage, matchLocale, type Locale } from './i18n/i18n.js';
import { chooseEncoding, matchesEtag, type CachedPage, type Encoding, type RenderCache } from './render-cache.js';

/**
 * Render-cache hits answered before Fastify sees the request (docs/decisions/0036-render-cache-fast-path.md).
 *
 * A hit needs no route, no session and no hook that changes anything: only the language, the cookies that make a
 * visitor ineligible, and the headers every page carries. Going through Fastify's routing, hook chain and reply cost
 * about half of each hit's time; answering here roughly doubles the cached pages' throughput. Anything this path is
 * unsure of goes to Fastify as before, where `registerRenderCache` decides with the same rules:
 * - not GET or HEAD, the cache off, the process draining (Fastify adds `Connection: close`);
 * - a `sid` (signed in) or `fresh` (just wrote something) cookie, or a cookie header with quotes or escapes;
 * - a `lang` query parameter (it sets the language cookie);
 * - a URL that is not in the cache under the visitor's language, or whose entry is not an HTML page (JSON routes
 *   get their cache headers from their own hooks).
 * An entry exists only once Fastify has rendered and stored it under the same key, so this path can only ever serve
 * what `registerRenderCache` would have served.
 */
export interface FastPathOptions {
  cache: RenderCache;
  defaultLocale: Locale;
  /** The security headers every response carries (security-headers.ts). */
  headers: readonly (readonly [string, string | number | readonly string[]])[];
  requestId: (incoming: string | string[] | undefined) => string;
  isDraining: () => boolean;
  /** pino's logger: `isLevelEnabled` keeps the per-request lines free when info is off. */
  log: FastifyBaseLogger & { isLevelEnabled?(level: string): boolean };
}

const SESSION_COOKIE = 'sid';
const FRESH_COOKIE = 'fresh';
const LOCALE_COOKIE = 'lang';
const LANG_QUERY = /[?&]lang(?:[=&]|$)/;

/** The visitor's language, or undefined when the request should go to Fastify. */
function eligibleLocale(request: IncomingMessage, defaultLocale: Locale): Locale | undefined {
  const url = request.url ?? '';
  if (url.includes('?') && LANG_QUERY.test(url)) return undefined;
  const cookieHeader = request.headers.cookie;
  let fromCookie: string | undefined;
  if (cookieHeader !== undefined) {
    if (cookieHeader.includes('"') || cookieHeader.includes('%')) return undefined;
    for (const part of cookieHeader.split(';')) {
      const equals = part.indexOf('=');
      if (equals === -1) continue;
      const name = part.slice(0, equals).trim();
      if (name === SESSION_COOKIE || name === FRESH_COOKIE) return undefined;
      if (name === LOCALE_COOKIE && fromCookie === undefined) fromCookie = part.slice(equals + 1).trim();
    }
  }
  return matchLocale(fromCookie) ?? localeFromAcceptLanguage(request.headers['accept-language']) ?? defaultLocale;
}

type Flat = (string | number | readonly string[])[];

/** Answers the request from the render cache and returns true, or returns false and writes nothing. */
export function cachedPageAnswerer(options: FastPathOptions) {
  const { cache, headers } = options;
  const logRequests = () => options.log.isLevelEnabled?.('info') ?? true;
  // A page's headers are the same on every hit but the request id: built once per page, answer and encoding.
  const built = new WeakMap<CachedPage, Map<string, Flat>>();
  const headersFor = (page: CachedPage, answer: Encoding | 'not-modified'): Flat => {
    let byAnswer = built.get(page);
    if (!byAnswer) built.set(page, (byAnswer = new Map()));
    let flat = byAnswer.get(answer);
    if (!flat) {
      flat = [];
      for (const [name, value] of headers) flat.push(name, value);
      flat.push('etag', page.etag, 'vary', page.vary, 'x-render-cache', 'hit');
      // As the session hooks say of an anonymous page without a form (accounts/guards.ts); cached pages have none.
      flat.push('cache-control', 'public, no-cache');
      if (answer !== 'not-modified') {
        flat.push('content-type', page.contentType);
        if (answer !== 'identity') flat.push('content-encoding', answer);
        flat.push('content-length', page.bodies[answer]!.length);
      }
      byAnswer.set(answer, flat);
    }
    return flat;
  };

  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const method = request.method;
    if ((method !== 'GET' && method !== 'HEAD') || !cache.enabled || options.isDraining()) return false;
    const locale = eligibleLocale(request, options.defaultLocale);
    if (!locale) return false;
    const page = cache.get(`${locale} ${request.url}`);
    if (!page || !page.contentType.startsWith('text/html')) return false;

    const startedAt = performance.now();
    const id = options.requestId(request.headers['x-request-id']);
    const logging = logRequests();
    if (logging) options.log.info({ reqId: id, req: request }, 'incoming request');
    if (matchesEtag(request.headers['if-none-match'], page.etag)) {
      response.writeHead(304, [...headersFor(page, 'not-modified'), 'x-request-id', id] as string[]);
      response.end();
    } else {
      const encoding = chooseEncoding(request.headers['accept-encoding'], page.bodies);
      response.writeHead(200, [...headersFor(page, encoding), 'x-request-id', id] as string[]);
      if (method === 'HEAD') response.end();
      else response.end(page.bodies[encoding]);
    }
    if (logging)
      options.log.info(
        { reqId: id, res: { statusCode: response.statusCode }, responseTime: performance.now() - startedAt },
        'request completed',
      );
    return true;
  };
}

/** Puts the answerer in front of Fastify's own request listener. */
export function answerCachedPagesFirst(app: FastifyInstance, options: Omit<FastPathOptions, 'log'>): void {
  const answer = cachedPageAnswerer({ ...options, log: app.log });
  const server = app.server;
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (listeners.length !== 1) throw new Error(`expected Fastify's one request listener, found ${listeners.length}`);
  const fastify = listeners[0]!;
  server.removeListener('request', fastify);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!answer(request, response)) fastify(request, response);
  });
}
