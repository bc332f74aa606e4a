import type { FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { ModuleDeps } from '../kernel/manifest.js';
import { logSerializers } from '../web/logging.js';
import { frameworkErrorHandler } from './error-handler.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A request's id: the incoming X-Request-Id when well-formed (a proxy's), else a new one. */
export const requestId = (incoming: string | string[] | undefined): string =>
  typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();

/**
 * Fastify's trust in X-Forwarded-*: nobody, the listed proxies, or a number of hops (the socket's peer and the
 * entries nearest it in X-Forwarded-For, so with one nginx the client is the address nginx appended). Fastify fails
 * closed on a bare hop count, so it is given as a function.
 */
const trustProxyOption = (setting: Config['TRUST_PROXY']) =>
  typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;

/** The server's options: logging, proxies, timeouts, body limit, request ids, the router, malformed URLs. */
export function fastifyOptions(
  config: Config,
  logStream: { write(line: string): void } | undefined,
  deps: ModuleDeps,
): FastifyServerOptions {
  return {
    // No personal data or secrets in the logs: tokens redacted from URLs, errors without their bound values.
    logger: { level: config.LOG_LEVEL, serializers: logSerializers, ...(logStream ? { stream: logStream } : {}) },
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.REQUEST_TIMEOUT_MS + 5000,
    keepAliveTimeout: 5000,
    forceCloseConnections: 'idle',
    bodyLimit: 1024 * 1024,
    // Fastify would take any incoming X-Request-Id as it is: genReqId reads the header itself and keeps it only when
    // well-formed.
    requestIdHeader: false,
    genReqId: (request) => requestId(request.headers['x-request-id']),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Malformed URLs fail in the router, before hooks and the error handler: answer them with the same 400 page.
    frameworkErrors: frameworkErrorHandler(config, deps),
  };
}
