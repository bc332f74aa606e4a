import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { withTimeout } from '../db/errors.js';
import { access } from '../kernel/access.js';
import { themeCss } from '../web/theme.js';

/** `/healthz` (the process answers), `/readyz` (the database answers too) and `/theme.css` (the brand colour). */
export function registerOperationalRoutes(app: FastifyInstance, config: Config, database: Database) {
  app.get('/healthz', access.public, async () => ({ status: 'ok' }));
  app.get('/readyz', access.public, async (_request, reply) => {
    // Shutting down: the load balancer should stop sending anything new here.
    if (app.draining) return reply.status(503).send({ status: 'stopping', database: database.kind });
    try {
      await withTimeout(database.db.execute(sql`select 1`), config.READYZ_TIMEOUT_MS, 'readyz');
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });
  app.get('/theme.css', access.public, async (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(themeCss(config.BRAND_COLOR)),
  );
}
