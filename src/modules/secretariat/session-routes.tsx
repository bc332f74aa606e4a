import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../web/http.js';
import { listRecordHistory } from '../audit/list-record-history.js';
import { canSeeDraftMinutes } from './policy.js';
import { computeQuorum } from './quorum.js';
import { sessionEvent, sessionsCalendar, sessionTitle } from './session-calendar.js';
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
      const [canSeeDraft, history] = await Promise.all([
        canSeeDraftMinutes(db, request.actor, secretariat.secretariat.id),
        listRecordHistory(db, { recordType: 'secretariat_session', recordId: detail.session.id }),
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
          />
        ),
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
