import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { checkRouteAccess } from '../kernel/access.js';
import type { ModuleDeps } from '../kernel/manifest.js';
import { registerSessionHooks } from '../modules/accounts/guards.js';
import { checkForm } from '../modules/files/guards.js';
import type { SessionCache } from '../modules/accounts/session-cache.js';
import { publicWriteCount } from '../modules/audit/append-change.js';
import { LOCALE_COOKIE, resolveLocale } from '../web/http.js';
import { translator } from '../web/i18n/i18n.js';
import { registerFreshReads, wroteRecently } from '../web/fresh-reads.js';
import { registerInputNormalisation } from '../web/input.js';
import { registerPageCompression } from '../web/page-compression.js';
import { registerRenderCache, type RenderCache } from '../web/render-cache.js';
import type { SendUnavailable } from './error-handler.js';
import { isHttps } from './plugins.js';

/**
 * The hooks every request goes through, in this order: its language, the request timeout, input normalisation, the
 * render cache, the session hooks, the route's access check, the form's token (and reading a multipart form), the
 * request id header, and compression.
 */
export function registerRequestHooks(
  app: FastifyInstance,
  {
    config,
    deps,
    renderCache,
    sendUnavailable,
  }: {
    config: Config;
    deps: ModuleDeps & { sessionCache: SessionCache };
    renderCache: RenderCache;
    sendUnavailable: SendUnavailable;
  },
) {
  app.addHook('onRequest', async (request, reply) => {
    const { locale, fromQuery } = resolveLocale(request, config.DEFAULT_LOCALE);
    request.locale = locale;
    request.t = translator(locale);
    if (fromQuery) {
      reply.setCookie(LOCALE_COOKIE, locale, {
        path: '/',
        sameSite: 'lax',
        httpOnly: true,
        secure: isHttps(config),
        maxAge: 60 * 60 * 24 * 365,
      });
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
  registerSessionHooks(app, { ...deps, readsFresh: wroteRecently });
  registerFreshReads(app, { secure: isHttps(config) });
  app.addHook('preHandler', checkRouteAccess);
  // After the access check: the form's token, and a multipart form's fields and files only then (files/guards.ts).
  app.addHook('preHandler', checkForm);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Last of the onSend hooks: they read the page as a string (the form-token cookie, the render cache).
  registerPageCompression(app, { threshold: 1024, maxBytes: 256 * 1024 });
}
