import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../web/http.js';
import { findLatestChange } from '../audit/list-record-history.js';
import { loadRecordHistory } from '../audit/present-history.js';
import { sendRecordHistoryPage } from '../audit/history-routes.js';
import { canSeeDraftMinutes } from './policy.js';
import { computeQuorum } from './quorum.js';
import { sessionEvent, sessionPath, sessionsCalendar, sessionTitle } from './session-calendar.js';
import { SessionPage } from './views/session-page.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { secretariatPublicContext } from './public-route-context.js';

/** Public page of one session of the Secretariat and its calendar entry. */
export function sessionRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, today, baseUrl, loadSession } = secretariatPublicContext(deps);

  app.get<{ Params: { slug: string; key: string } }>(
    '/ejercicios/:slug/secretariado/sesiones/:key',
    access.public,
    async (request, reply) => {
      const { secretariat, detail } = await loadSession(request.params.slug, request.params.key);
      const ref = { recordType: 'secretariat_session', recordId: detail.session.id };
      const [canSeeDraft, history, approval] = await Promise.all([
        canSeeDraftMinutes(db, request.actor, secretariat.secretariat.id),
        loadRecordHistory(db, deps.records, ref),
        detail.session.status === 'minutes_approved'
          ? findLatestChange(db, ref, 'status', 'minutes_approved')
          : undefined,
      ]);
      const quorum = computeQuorum({
        seats: secretariat.seats,
        attendance: detail.attendance,
        rule: secretariat.secretariat.quorumRule,
      });
      return sendPage(request, reply, deps, {
        title: `${sessionTitle(request.t, detail.session)} · ${request.t('secretariat.title')}`,
        body: (
          <SessionPage
            secretariat={secretariat}
            detail={detail}
            quorum={quorum}
            canSeeDraft={canSeeDraft}
            today={today()}
            history={history}
            approval={approval}
          />
        ),
      });
    },
  );

  app.get<{ Params: { slug: string; key: string } }>(
    '/ejercicios/:slug/secretariado/sesiones/:key/historial',
    access.public,
    async (request, reply) => {
      const { secretariat, detail } = await loadSession(request.params.slug, request.params.key);
      const base = `/ejercicios/${secretariat.exercise.slug}`;
      const path = sessionPath(secretariat.exercise.slug, detail.session);
      const title = sessionTitle(request.t, detail.session);
      return sendRecordHistoryPage(request, reply, deps, {
        title,
        crumbs: [
          { href: '/', label: request.t('nav.home') },
          { href: base, label: secretariat.exercise.title },
          { href: `${base}/secretariado`, label: request.t('secretariat.title') },
          { href: path, label: title },
        ],
        recordHref: path,
        historyHref: `${path}/historial`,
        load: { recordType: 'secretariat_session', recordId: detail.session.id },
      });
    },
  );

  app.get<{ Params: { slug: string; key: string } }>(
    '/ejercicios/:slug/secretariado/sesiones/:key/calendario.ics',
    access.public,
    async (request, reply) => {
      const { secretariat, detail } = await loadSession(request.params.slug, request.params.key);
      const bodyName = request.t('secretariat.bodyName');
      const event = sessionEvent(
        detail.session,
        detail.agenda.map((a) => a.title),
        { t: request.t, baseUrl: baseUrl(), exerciseSlug: secretariat.exercise.slug, bodyName },
      );
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.key}.ics"`)
        .send(sessionsCalendar([event], { name: bodyName, now: deps.now() }));
    },
  );
}
