import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { isDatabaseUnavailable, isValueRefusedByDatabase, withTimeout } from './db/errors.js';
import { staticDir } from './paths.js';
import { AppError, statusByCode } from './shared/errors.js';
import { loadAssetManifest } from './web/assets.js';
import { LOCALE_COOKIE, resolveLocale, sendPage } from './web/http.js';
import { translator } from './web/i18n/i18n.js';
import { themeCss } from './web/theme.js';
import { ErrorPage } from './modules/site/views/error-page.js';
import { loadSiteChrome } from './modules/site/load-site-chrome.js';
import { registerSessionHooks } from './modules/accounts/guards.js';
import { SessionCache, SESSIONS_CHANNEL } from './modules/accounts/session-cache.js';
import { listenForNotifications } from './db/listen.js';
import { PUBLIC_PAGES_CHANNEL, publicWriteCount } from './modules/audit/append-change.js';
import { registerRenderCache, RenderCache } from './web/render-cache.js';
import { registerSecurityHeaders } from './web/security-headers.js';
import { registerPageCompression } from './web/page-compression.js';
import { isMalformedMultipart, registerInputNormalisation } from './web/input.js';
import { logSerializers } from './web/logging.js';
import multipart from '@fastify/multipart';
import { multipartOptions } from './modules/files/routes.js';
import { access, checkRouteAccess, requireDeclaredAccess } from './kernel/access.js';
import type { ModuleDeps } from './kernel/manifest.js';
import type { Registry } from './kernel/registry.js';
import { registry as portalRegistry } from './registry.js';

export interface AppOptions {
  config: Config;
  database: Database;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Where log lines go: standard output, unless a test captures them. */
  logStream?: { write(line: string): void };
  /** The modules to serve; the portal's own registry unless a test brings another. */
  registry?: Registry;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** What a 503 asks the visitor (and a proxy) to wait before trying again. */
const RETRY_AFTER_SECONDS = 10;
const isHttps = (config: Config) => config.PUBLIC_URL?.startsWith('https://') ?? false;

/**
 * Fastify's trust in X-Forwarded-*: nobody, the listed proxies, or a number of hops (the socket's peer and the
 * entries nearest it in X-Forwarded-For, so with one nginx the client is the address nginx appended). Fastify fails
 * closed on a bare hop count, so it is given as a function.
 */
const trustProxyOption = (setting: Config['TRUST_PROXY']) => (typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting);

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const registry = options.registry ?? portalRegistry;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    // No personal data or secrets in the logs: tokens redacted from URLs, errors without their bound values.
    logger: { level: config.LOG_LEVEL, serializers: logSerializers, ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.REQUEST_TIMEOUT_MS + 5000,
    keepAliveTimeout: 5000,
    forceCloseConnections: 'idle',
    bodyLimit: 1024 * 1024,
    // Fastify would take any incoming X-Request-Id as it is: genReqId reads the header itself and keeps it only when well-formed.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Malformed URLs fail in the router, before hooks and the error handler: answer them with the same 400 page.
    frameworkErrors: (error, request, reply) => {
      // The message quotes the URL, which may hold a token: the code says enough.
      request.log.info({ code: error.code }, 'malformed request');
      const t = translator(config.DEFAULT_LOCALE);
      void sendPage(request, reply, deps, { status: 400, title: t('error.badRequest.title'), body: <ErrorPage title={t('error.badRequest.title')} body={t('error.badRequest.body')} /> });
    },
  });

  // Anonymous pages and the site header, kept until a public write commits (see docs/decisions/0008-render-cache.md).
  const renderCache = new RenderCache({ maxEntries: 2000, maxBytes: 64 * 1024 * 1024, maxAgeMs: config.RENDER_CACHE_SECONDS * 1000, compressThreshold: 1024, now: () => now().getTime() });
  const sessionCache = new SessionCache();
  const deps: ModuleDeps & { sessionCache: SessionCache } = {
    config,
    db: database.db,
    now,
    sessionCache,
    assets: loadAssetManifest(),
    loadChrome: () => renderCache.memo('chrome', () => loadSiteChrome(database.db)),
    valueLabel: registry.records.valueLabel,
    records: registry.records,
    datasets: registry.datasets,
    fileAccessChecks: registry.fileAccessChecks,
  };
  const listener = await listenForNotifications(database, {
    channels: { [PUBLIC_PAGES_CHANNEL]: () => renderCache.invalidate(), [SESSIONS_CHANNEL]: () => sessionCache.invalidate() },
    onConnected: (connected) => {
      // RENDER_CACHE_SECONDS=0 leaves the render cache (and the header's) off for good.
      renderCache.setConnected(connected && config.RENDER_CACHE_SECONDS > 0);
      sessionCache.setConnected(connected);
    },
    onError: (error) => app.log.warn({ err: error }, 'caches: lost the notification connection; nothing is served from memory until it is back'),
  });
  app.addHook('onClose', () => listener.stop());

  // Before any route (plugins' included): a route that does not declare who may use it stops the start.
  requireDeclaredAccess(app);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(isHttps(config) ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: isHttps(config) ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(multipart, multipartOptions);
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/static/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });

  app.addHook('onRequest', async (request, reply) => {
    const { locale, fromQuery } = resolveLocale(request, config.DEFAULT_LOCALE);
    request.locale = locale;
    request.t = translator(locale);
    if (fromQuery) {
      reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, secure: isHttps(config), maxAge: 60 * 60 * 24 * 365 });
    }
  });
  // A request still unanswered after REQUEST_TIMEOUT_MS (a frozen database, say) gets the 503 page rather than a
  // dropped connection. A response already under way (a long export) is left to finish.
  app.addHook('onRequest', async (request, reply) => {
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      request.log.warn(`no answer after ${config.REQUEST_TIMEOUT_MS} ms: answered 503`);
      void sendUnavailable(request, reply);
    }, config.REQUEST_TIMEOUT_MS);
    timer.unref();
    reply.raw.once('close', () => clearTimeout(timer));
  });
  registerInputNormalisation(app);
  registerRenderCache(app, renderCache, { publicWriteCount });
  registerSessionHooks(app, deps);
  app.addHook('preHandler', checkRouteAccess);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Last of the onSend hooks: they read the page as a string (the form-token cookie, the render cache).
  registerPageCompression(app, { threshold: 1024, maxBytes: 256 * 1024 });

  app.get('/healthz', access.public, async () => ({ status: 'ok' }));
  app.get('/readyz', access.public, async (_request, reply) => {
    try {
      await withTimeout(database.db.execute(sql`select 1`), config.READYZ_TIMEOUT_MS, 'readyz');
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });
  app.get('/theme.css', access.public, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(themeCss(config.BRAND_COLOR)),
  );

  for (const module of registry.modules) module.routes?.(app, deps);

  // While the database is away (stopped, restarting, frozen): 503 with Retry-After, and a page that asks nothing of
  // the database (no site header).
  const withoutDatabase = { ...deps, loadChrome: async () => ({ header: undefined, callHref: undefined }) };
  const sendUnavailable = (request: FastifyRequest, reply: FastifyReply) => {
    const t = request.t ?? translator(config.DEFAULT_LOCALE);
    reply.header('retry-after', RETRY_AFTER_SECONDS);
    return sendPage(request, reply, withoutDatabase, { status: 503, title: t('error.unavailable.title'), body: <ErrorPage title={t('error.unavailable.title')} body={t('error.unavailable.body')} /> });
  };

  app.setNotFoundHandler(async (request, reply) => {
    const t = request.t ?? translator(config.DEFAULT_LOCALE);
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply.status(404).send({ error: 'not_found' });
    return sendPage(request, reply, deps, { status: 404, title: t('error.notFound.title'), body: <ErrorPage title={t('error.notFound.title')} body={t('error.notFound.body')} /> });
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'the database is unavailable: answered 503');
      return sendUnavailable(request, reply);
    }
    const t = request.t ?? translator(config.DEFAULT_LOCALE);
    const appError = error instanceof AppError ? error : undefined;
    // A malformed multipart body, or a value the database refused (a safety net behind each form's own checks), is the sender's: 400.
    const fastifyStatus = isMalformedMultipart(error, request) || isValueRefusedByDatabase(error) ? 400 : (error as { statusCode?: number }).statusCode;
    const status = appError ? statusByCode[appError.code] : fastifyStatus && fastifyStatus >= 400 && fastifyStatus < 500 ? fastifyStatus : 500;
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    else if (isValueRefusedByDatabase(error)) request.log.warn({ err: error, status }, 'the database refused a value of the request');
    else request.log.info({ code: appError?.code ?? (error as { code?: string }).code, status }, (error as Error).message);
    if (status === 404) {
      return sendPage(request, reply, deps, { status, title: t('error.notFound.title'), body: <ErrorPage title={t('error.notFound.title')} body={t('error.notFound.body')} /> });
    }
    if (status === 403) {
      const kind = appError?.code === 'csrf' ? 'csrf' : 'forbidden';
      return sendPage(request, reply, deps, { status, title: t(`error.${kind}.title`), body: <ErrorPage title={t(`error.${kind}.title`)} body={t(`error.${kind}.body`)} /> });
    }
    if (status === 429) {
      const retryAfterMs = Number(appError?.details?.retryAfterMs ?? 60000);
      const minutes = Math.max(1, Math.ceil(retryAfterMs / 60000));
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      reply.header('retry-after', seconds);
      // An account's back-off asks for seconds; a window, for minutes.
      const body = seconds < 60 ? t('error.tooMany.bodySeconds', { seconds }) : minutes === 1 ? t('error.tooMany.bodyOneMinute') : t('error.tooMany.body', { minutes });
      return sendPage(request, reply, deps, { status, title: t('error.tooMany.title'), body: <ErrorPage title={t('error.tooMany.title')} body={body} /> });
    }
    if (status === 415) {
      return sendPage(request, reply, deps, { status, title: t('error.unsupportedType.title'), body: <ErrorPage title={t('error.unsupportedType.title')} body={t('error.unsupportedType.body')} /> });
    }
    if (appError?.details?.reason === 'nul') {
      return sendPage(request, reply, deps, { status, title: t('error.nul.title'), body: <ErrorPage title={t('error.nul.title')} body={t('error.nul.body', { field: String(appError.details.field) })} /> });
    }
    if (status < 500) {
      return sendPage(request, reply, deps, { status, title: t('error.badRequest.title'), body: <ErrorPage title={t('error.badRequest.title')} body={t('error.badRequest.body')} /> });
    }
    return sendPage(request, reply, deps, {
      status: 500,
      title: t('error.server.title'),
      body: <ErrorPage title={t('error.server.title')} body={t('error.server.body', { requestId: String(request.id) })} />,
    });
  });

  return app;
}
