import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.js';
import { requireDeclaredAccess } from '../kernel/access.js';
import { multipartOptions } from '../modules/files/routes.js';
import { staticDir } from '../paths.js';
import { registerSecurityHeaders } from '../web/security-headers.js';

export const isHttps = (config: Config) => config.PUBLIC_URL?.startsWith('https://') ?? false;

/**
 * The access check of every route, the security headers, compression, cookies, form and multipart bodies and the
 * hashed static assets, in this order.
 */
export async function registerPlugins(app: FastifyInstance, config: Config) {
  // Before any route (plugins' included): a route that does not declare who may use it stops the start.
  requireDeclaredAccess(app);
  const securityHeaders = registerSecurityHeaders(app, {
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
  return { securityHeaders };
}
