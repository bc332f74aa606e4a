import { Server as NetServer } from 'node:net';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Stops taking new connections, answers what is in flight (and anything more that arrives on an open keep-alive
     * connection) with `Connection: close`, and resolves once every connection has ended or `withinMs` has passed.
     * Call `close()` afterwards.
     */
    drain(withinMs: number): Promise<void>;
    /** Whether `drain` has begun: `/readyz` answers 503 from then on. */
    readonly draining: boolean;
  }
}

/**
 * Rolling restarts without errors behind nginx (docs/decisions/0034-workers-and-fresh-reads.md). Node's own
 * `server.close()` also closes idle keep-alive connections at once; nginx may be sending a request on one of them at
 * that instant, and a POST cut that way is a 502 (nginx retries only what it may repeat). Draining instead stops
 * listening (nginx's next connection is refused and goes to the other process, whatever its method) and lets each
 * open connection end on its own: after its next answer, which says `Connection: close`, or when it has been idle
 * for the keep-alive timeout, which nginx's is shorter than (deploy/nginx/cocrea.conf).
 */
export function registerDrain(app: FastifyInstance): void {
  let draining = false;
  app.decorate('draining', {
    getter: () => draining,
  });
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  app.decorate('drain', async (withinMs: number) => {
    if (draining) return;
    draining = true;
    if (!app.server.listening) return;
    const ended = new Promise<void>((resolve) => {
      // net.Server's close: no new connections, and the callback once the open ones have ended; unlike
      // http.Server's, it leaves idle keep-alive connections to end by themselves.
      NetServer.prototype.close.call(app.server, () => resolve());
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, withinMs);
      timer.unref();
    });
    await Promise.race([ended, late]);
    clearTimeout(timer);
  });
}
