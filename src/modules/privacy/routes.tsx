import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { sendPage, type WebDeps } from '../../web/http.js';
import { getCurrentPrivacyNotices } from './get-current-privacy-notices.js';
import { PrivacyPage } from './views/privacy-page.js';

export function privacyRoutes(app: FastifyInstance, deps: WebDeps & { db: Db }) {
  app.get('/privacidad', async (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('privacy.title'), body: <PrivacyPage notices={await getCurrentPrivacyNotices(deps.db)} /> }),
  );
}
