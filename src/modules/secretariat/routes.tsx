import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../web/http.js';
import { LATEST_CHANGES } from '../audit/list-record-history.js';
import { describeHistory } from '../audit/present-history.js';
import { sendRecordHistoryPage } from '../audit/history-routes.js';
import { listSecretariatHistory } from './secretariat-history.js';
import { listAgreements } from './list-agreements.js';
import { sessionEvent, sessionsCalendar } from './session-calendar.js';
import { SecretariatPage } from './views/secretariat-page.js';
import { getSessionAgendaTitles } from './get-session-agenda.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { secretariatPublicContext } from './public-route-context.js';

/** Public page of an exercise's Technical Secretariat and the calendar feed of its sessions. */
export function secretariatRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, today, baseUrl, load } = secretariatPublicContext(deps);

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/secretariado', access.public, async (request, reply) => {
    const detail = await load(request.params.slug);
    const [agreementRows, latest] = await Promise.all([
      listAgreements(db, detail.secretariat.id, {}, today()),
      listSecretariatHistory(db, detail.secretariat.id, { limit: LATEST_CHANGES }),
    ]);
    const history = {
      entries: await describeHistory(db, deps.records, latest.entries, undefined, { nameRecords: true }),
      hasMore: latest.hasMore,
    };
    return sendPage(request, reply, deps, {
      title: `${request.t('secretariat.title')} · ${detail.exercise.title}`,
      body: (
        <SecretariatPage
          detail={detail}
          agreements={agreementRows}
          today={today()}
          now={deps.now()}
          history={history}
        />
      ),
    });
  });

  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/secretariado/historial',
    access.public,
    async (request, reply) => {
      const detail = await load(request.params.slug);
      const path = `/ejercicios/${detail.exercise.slug}/secretariado`;
      return sendRecordHistoryPage(request, reply, deps, {
        title: request.t('secretariat.title'),
        crumbs: [
          { href: '/', label: request.t('nav.home') },
          { href: `/ejercicios/${detail.exercise.slug}`, label: detail.exercise.title },
          { href: path, label: request.t('secretariat.title') },
        ],
        recordHref: path,
        historyHref: `${path}/historial`,
        load: (page) => listSecretariatHistory(db, detail.secretariat.id, page),
        nameRecords: true,
      });
    },
  );

  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/secretariado/sesiones.ics',
    access.public,
    async (request, reply) => {
      const detail = await load(request.params.slug);
      const bodyName = request.t('secretariat.bodyName');
      const agendas = await getSessionAgendaTitles(
        db,
        detail.sessions.map((s) => s.id),
      );
      const events = detail.sessions.map((s) =>
        sessionEvent(s, agendas.get(s.id) ?? [], {
          t: request.t,
          baseUrl: baseUrl(),
          exerciseSlug: detail.exercise.slug,
          bodyName,
        }),
      );
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="sesiones.ics"')
        .send(sessionsCalendar(events, { name: `${bodyName} · ${detail.exercise.title}`, now: deps.now() }));
    },
  );
}
