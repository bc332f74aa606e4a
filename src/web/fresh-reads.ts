import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Read-your-writes across processes. A write clears its own process's caches at once, but another process behind
 * the same nginx clears its render cache, its remembered sessions and its site header only when PostgreSQL's
 * notification of the commit reaches it, a few milliseconds later. The page a person is redirected to after a form
 * may be served by that other process in between. So every state-changing request leaves a short-lived cookie, and
 * while a browser holds it every process renders its pages from the database: the person who wrote always sees the
 * write; everyone else within the notification's delay. See docs/decisions/0034-workers-and-fresh-reads.md.
 */
export const FRESH_COOKIE = 'fresh';
/** Long enough for any notification to arrive (milliseconds on one network), short enough to cost nothing. */
export const FRESH_SECONDS = 10;

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether this visitor wrote something a moment ago: their pages skip every cache. */
export const wroteRecently = (request: FastifyRequest): boolean => request.cookies?.[FRESH_COOKIE] !== undefined;

export function registerFreshReads(app: FastifyInstance, options: { secure: boolean }): void {
  app.addHook('onSend', async (request, reply) => {
    if (!unsafeMethods.has(request.method) || reply.statusCode >= 500) return;
    reply.setCookie(FRESH_COOKIE, '1', {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      maxAge: FRESH_SECONDS,
    });
  });
}
