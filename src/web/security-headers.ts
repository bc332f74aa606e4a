import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers helmet would set with `options`, worked out once. They depend on nothing in the request
 * (every directive is a constant), so building helmet's middleware again for each request, as @fastify/helmet does,
 * only cost time on every page (decision 12).
 */
export function securityHeaders(options: HelmetOptions): {
  set: [string, string | number | readonly string[]][];
  remove: string[];
} {
  const set = new Map<string, string | number | readonly string[]>();
  const remove: string[] = [];
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name, value);
      return response;
    },
    removeHeader(name: string) {
      set.delete(name);
      remove.push(name);
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return { set: [...set], remove };
}

/**
 * Browser features the portal never uses, turned off for its pages and anything they might embed: a page that is
 * ever made to run someone else's code still cannot reach the camera, the microphone, the location or payments.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/**
 * Sets the security headers on every response (as helmet does, on the raw response, so a route can still override
 * one), with a Permissions-Policy that helmet does not set.
 */
/** Sets the headers on every response; returns them, for answers written without Fastify (render-cache-fast-path.ts). */
export function registerSecurityHeaders(
  app: FastifyInstance,
  options: HelmetOptions,
): readonly [string, string | number | readonly string[]][] {
  const { set, remove } = securityHeaders(options);
  set.push(['Permissions-Policy', PERMISSIONS_POLICY]);
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const name of remove) raw.removeHeader(name);
    for (const [name, value] of set) raw.setHeader(name, value);
    done();
  });
  return set;
}
