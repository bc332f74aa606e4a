import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { loadAssetManifest } from './web/assets.js';
import { chromeFor, loadSiteChrome } from './modules/site/load-site-chrome.js';
import { SessionCache, SESSIONS_CHANNEL } from './modules/accounts/session-cache.js';
import { listenForNotifications } from './db/listen.js';
import { PUBLIC_PAGES_CHANNEL } from './modules/audit/append-change.js';
import { RenderCache } from './web/render-cache.js';
import { answerCachedPagesFirst } from './web/render-cache-fast-path.js';
import type { ModuleDeps } from './kernel/manifest.js';
import type { Registry } from './kernel/registry.js';
import { registry as portalRegistry } from './registry.js';
import { registerErrorHandler, registerNotFoundHandler, unavailablePageSender } from './app/error-handler.js';
import { fastifyOptions, requestId } from './app/fastify-options.js';
import { registerDrain } from './app/drain.js';
import { registerOperationalRoutes } from './app/operational-routes.js';
import { registerPlugins } from './app/plugins.js';
import { registerRequestHooks } from './app/request-hooks.js';

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

/**
 * The portal: the server's options (src/app/fastify-options.ts), the caches and their notifications, the plugins
 * (src/app/plugins.ts), the request hooks (src/app/request-hooks.ts), the operational routes
 * (src/app/operational-routes.ts), every module's routes, then the not-found and error handlers
 * (src/app/error-handler.tsx). Fastify runs hooks in the order they are added: keep this order.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const registry = options.registry ?? portalRegistry;
  const now = options.now ?? (() => new Date());

  // Anonymous pages and the site header, kept until a public write commits (see docs/decisions/0008-render-cache.md).
  const renderCache = new RenderCache({
    maxEntries: 2000,
    maxBytes: 64 * 1024 * 1024,
    maxAgeMs: config.RENDER_CACHE_SECONDS * 1000,
    compressThreshold: 1024,
    now: () => now().getTime(),
  });
  const sessionCache = new SessionCache();
  const deps: ModuleDeps & { sessionCache: SessionCache } = {
    config,
    db: database.db,
    now,
    sessionCache,
    assets: loadAssetManifest(),
    loadChrome: async (path, fresh) =>
      chromeFor(
        await (fresh ? loadSiteChrome(database.db) : renderCache.memo('chrome', () => loadSiteChrome(database.db))),
        path,
      ),
    records: registry.records,
    datasets: registry.datasets,
    deprecations: registry.deprecations,
    fileAccessChecks: registry.fileAccessChecks,
    sections: registry.sections,
    personalData: registry.personalData,
  };
  const sendUnavailable = unavailablePageSender(config, deps);

  const app = Fastify(fastifyOptions(config, options.logStream, deps));
  const listener = await listenForNotifications(database, {
    channels: {
      [PUBLIC_PAGES_CHANNEL]: () => renderCache.invalidate(),
      [SESSIONS_CHANNEL]: () => sessionCache.invalidate(),
    },
    onConnected: (connected) => {
      // RENDER_CACHE_SECONDS=0 leaves the render cache (and the header's) off for good.
      renderCache.setConnected(connected && config.RENDER_CACHE_SECONDS > 0);
      sessionCache.setConnected(connected);
    },
    onError: (error) =>
      app.log.warn(
        { err: error },
        'caches: lost the notification connection; nothing is served from memory until it is back',
      ),
  });
  app.addHook('onClose', () => listener.stop());

  const { securityHeaders } = await registerPlugins(app, config);
  registerRequestHooks(app, { config, deps, renderCache, sendUnavailable });
  registerDrain(app);
  answerCachedPagesFirst(app, {
    cache: renderCache,
    defaultLocale: config.DEFAULT_LOCALE,
    headers: securityHeaders,
    requestId,
    isDraining: () => app.draining,
  });
  registerOperationalRoutes(app, config, database);

  for (const module of registry.modules) module.routes?.(app, deps);

  registerNotFoundHandler(app, config, deps);
  registerErrorHandler(app, config, deps, sendUnavailable);

  return app;
}
