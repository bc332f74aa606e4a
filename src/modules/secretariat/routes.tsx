import type { FastifyInstance } from 'fastify';
import { publicBaseUrl } from '../../config.js';
import { z } from 'zod';
import { notFound } from '../../shared/errors.js';
import { sendPage } from '../../web/http.js';
import { parseParams } from '../../web/params.js';
import { listRecordHistory } from '../audit/list-record-history.js';
import { getExercise } from '../exercises/get-exercise.js';
import { getSecretariat } from './get-secretariat.js';
import { getSession } from './get-session.js';
import { agreementFilters, getAgreement, listAgreements } from './list-agreements.js';
import { canSeeDraftMinutes } from './policy.js';
import { computeQuorum } from './quorum.js';
import { parseSessionKey, sessionEvent, sessionsCalendar, sessionTitle } from './session-calendar.js';
import { localDate } from './sessions.js';
import { AgreementPage, type LinkTarget } from './views/agreement-page.js';
import { AgreementsPage } from './views/agreements-page.js';
import { SecretariatPage } from './views/secretariat-page.js';
import { SessionPage } from './views/session-page.js';
import { getSessionAgendaTitles } from './get-session-agenda.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

/** An agreement's page: its exercise and its code, e.g. STL-2026-ORD-01-03. */
const agreementParams = z.object({ slug: z.string(), code: z.string().regex(/^STL-\d{4}-(INS|ORD|EXT)-\d{2,}-\d{2,}$/) });

/** Public pages of an exercise's Technical Secretariat: the body, its sessions, its agreements, and a calendar feed. */
export function secretariatRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const today = () => localDate(deps.now(), config.TIME_ZONE);

  const load = async (slug: string) => {
    const { exercise } = await getExercise(db, slug);
    return getSecretariat(db, { exerciseId: exercise.id });
  };

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/secretariado', access.public, async (request, reply) => {
    const detail = await load(request.params.slug);
    const [agreementRows, history] = await Promise.all([
      listAgreements(db, detail.secretariat.id, {}, today()),
      listRecordHistory(db, { recordType: 'secretariat', recordId: detail.secretariat.id }),
    ]);
    return sendPage(request, reply, deps, {
      title: `${request.t('secretariat.title')} · ${detail.exercise.title}`,
      body: <SecretariatPage detail={detail} agreements={agreementRows} today={today()} now={deps.now()} history={history} />,
    });
  });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/secretariado/sesiones.ics', access.public, async (request, reply) => {
    const detail = await load(request.params.slug);
    const bodyName = request.t('secretariat.bodyName');
    const agendas = await getSessionAgendaTitles(db, detail.sessions.map((s) => s.id));
    const events = detail.sessions.map((s) => sessionEvent(s, agendas.get(s.id) ?? [], { t: request.t, baseUrl: publicBaseUrl(config), exerciseSlug: detail.exercise.slug, bodyName }));
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="sesiones.ics"')
      .send(sessionsCalendar(events, { name: `${bodyName} · ${detail.exercise.title}`, now: deps.now() }));
  });

  const loadSession = async (slug: string, key: string) => {
    const parsed = parseSessionKey(key);
    if (!parsed) throw notFound('session');
    const secretariat = await load(slug);
    const detail = await getSession(db, { secretariatId: secretariat.secretariat.id, ...parsed });
    return { secretariat, detail };
  };

  app.get<{ Params: { slug: string; key: string } }>('/ejercicios/:slug/secretariado/sesiones/:key', access.public, async (request, reply) => {
    const { secretariat, detail } = await loadSession(request.params.slug, request.params.key);
    const [canSeeDraft, history] = await Promise.all([
      canSeeDraftMinutes(db, request.actor, secretariat.secretariat.id),
      listRecordHistory(db, { recordType: 'secretariat_session', recordId: detail.session.id }),
    ]);
    const quorum = computeQuorum({ seats: secretariat.seats, attendance: detail.attendance, rule: secretariat.secretariat.quorumRule });
    return sendPage(request, reply, deps, {
      title: `${sessionTitle(request.t, detail.session)} · ${request.t('secretariat.title')}`,
      body: <SessionPage secretariat={secretariat} detail={detail} quorum={quorum} canSeeDraft={canSeeDraft} today={today()} history={history} />,
    });
  });

  app.get<{ Params: { slug: string; key: string } }>('/ejercicios/:slug/secretariado/sesiones/:key/calendario.ics', access.public, async (request, reply) => {
    const { secretariat, detail } = await loadSession(request.params.slug, request.params.key);
    const bodyName = request.t('secretariat.bodyName');
    const event = sessionEvent(detail.session, detail.agenda.map((a) => a.title), { t: request.t, baseUrl: publicBaseUrl(config), exerciseSlug: secretariat.exercise.slug, bodyName });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${request.params.key}.ics"`)
      .send(sessionsCalendar([event], { name: bodyName, now: deps.now() }));
  });

  app.get<{ Params: { slug: string }; Querystring: Record<string, string | undefined> }>('/ejercicios/:slug/secretariado/acuerdos', access.public, async (request, reply) => {
    const detail = await load(request.params.slug);
    const filters = agreementFilters.parse({ sessionId: request.query.sesion || undefined, status: request.query.estado || undefined, responsible: request.query.responsable || undefined });
    const rows = await listAgreements(db, detail.secretariat.id, filters, today());
    return sendPage(request, reply, deps, { title: `${request.t('secretariat.agreements.title')} · ${request.t('secretariat.title')}`, body: <AgreementsPage secretariat={detail} agreements={rows} filters={filters} /> });
  });

  app.get<{ Params: { slug: string; code: string } }>('/ejercicios/:slug/secretariado/acuerdos/:code', access.public, async (request, reply) => {
    const { slug, code } = parseParams(request, agreementParams, 'agreement');
    const secretariat = await load(slug);
    const detail = await getAgreement(db, { code });
    if (detail.session.secretariatId !== secretariat.secretariat.id) throw notFound('agreement');
    const history = await listRecordHistory(db, { recordType: 'agreement', recordId: detail.agreement.id });
    const links: LinkTarget[] = detail.links.map((link) => {
      if (link.recordType === 'exercise' && link.recordId === secretariat.exercise.id) return { ...link, label: secretariat.exercise.title, href: `/ejercicios/${secretariat.exercise.slug}` };
      if (link.recordType === 'action_plan' || link.recordType === 'commitment') return { ...link, label: request.t(`secretariat.link.${link.recordType}`), href: undefined };
      if (link.recordType === 'call') return { ...link, label: request.t('secretariat.link.call'), href: `/ejercicios/${secretariat.exercise.slug}/convocatoria` };
      return { ...link, label: request.t('secretariat.link.other', { type: link.recordType }), href: undefined };
    });
    return sendPage(request, reply, deps, {
      title: `${detail.agreement.code} · ${request.t('secretariat.title')}`,
      body: <AgreementPage secretariat={secretariat} detail={detail} links={links} today={today()} history={history} />,
    });
  });
}
