import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../shared/errors.js';
import { sendPage } from '../../web/http.js';
import { parseParams } from '../../web/params.js';
import { loadRecordHistory } from '../audit/present-history.js';
import { sendRecordHistoryPage } from '../audit/history-routes.js';
import { agreementFilters, getAgreement, listAgreements } from './list-agreements.js';
import { AgreementPage, type LinkTarget } from './views/agreement-page.js';
import { AgreementsPage } from './views/agreements-page.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { secretariatPublicContext } from './public-route-context.js';

/** An agreement's page: its exercise and its code, e.g. STL-2026-ORD-01-03. */
const agreementParams = z.object({
  slug: z.string(),
  code: z.string().regex(/^STL-\d{4}-(INS|ORD|EXT)-\d{2,}-\d{2,}$/),
});

/** Public pages of the Secretariat's agreements: the list with its filters, and one agreement. */
export function agreementRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, today, load } = secretariatPublicContext(deps);

  app.get<{ Params: { slug: string }; Querystring: Record<string, string | undefined> }>(
    '/ejercicios/:slug/secretariado/acuerdos',
    access.public,
    async (request, reply) => {
      const detail = await load(request.params.slug);
      const filters = agreementFilters.parse({
        sessionId: request.query.sesion || undefined,
        status: request.query.estado || undefined,
        responsible: request.query.responsable || undefined,
      });
      const rows = await listAgreements(db, detail.secretariat.id, filters, today());
      return sendPage(request, reply, deps, {
        title: `${request.t('secretariat.agreements.title')} · ${request.t('secretariat.title')}`,
        body: <AgreementsPage secretariat={detail} agreements={rows} filters={filters} />,
      });
    },
  );

  app.get<{ Params: { slug: string; code: string } }>(
    '/ejercicios/:slug/secretariado/acuerdos/:code/historial',
    access.public,
    async (request, reply) => {
      const { slug, code } = parseParams(request, agreementParams, 'agreement');
      const secretariat = await load(slug);
      const detail = await getAgreement(db, { code });
      if (detail.session.secretariatId !== secretariat.secretariat.id) throw notFound('agreement');
      const base = `/ejercicios/${secretariat.exercise.slug}/secretariado`;
      const path = `${base}/acuerdos/${detail.agreement.code}`;
      return sendRecordHistoryPage(request, reply, deps, {
        title: detail.agreement.code,
        crumbs: [
          { href: '/', label: request.t('nav.home') },
          { href: `/ejercicios/${secretariat.exercise.slug}`, label: secretariat.exercise.title },
          { href: base, label: request.t('secretariat.title') },
          { href: `${base}/acuerdos`, label: request.t('secretariat.agreements.title') },
          { href: path, label: detail.agreement.code },
        ],
        recordHref: path,
        historyHref: `${path}/historial`,
        load: { recordType: 'agreement', recordId: detail.agreement.id },
      });
    },
  );

  app.get<{ Params: { slug: string; code: string } }>(
    '/ejercicios/:slug/secretariado/acuerdos/:code',
    access.public,
    async (request, reply) => {
      const { slug, code } = parseParams(request, agreementParams, 'agreement');
      const secretariat = await load(slug);
      const detail = await getAgreement(db, { code });
      if (detail.session.secretariatId !== secretariat.secretariat.id) throw notFound('agreement');
      const history = await loadRecordHistory(db, deps.records, {
        recordType: 'agreement',
        recordId: detail.agreement.id,
      });
      const links: LinkTarget[] = detail.links.map((link) => {
        if (link.recordType === 'exercise' && link.recordId === secretariat.exercise.id)
          return { ...link, label: secretariat.exercise.title, href: `/ejercicios/${secretariat.exercise.slug}` };
        if (link.recordType === 'action_plan' || link.recordType === 'commitment')
          return { ...link, label: request.t(`secretariat.link.${link.recordType}`), href: undefined };
        if (link.recordType === 'call')
          return {
            ...link,
            label: request.t('secretariat.link.call'),
            href: `/ejercicios/${secretariat.exercise.slug}/convocatoria`,
          };
        return { ...link, label: request.t('secretariat.link.other', { type: link.recordType }), href: undefined };
      });
      return sendPage(request, reply, deps, {
        title: `${detail.agreement.code} · ${request.t('secretariat.title')}`,
        body: (
          <AgreementPage secretariat={secretariat} detail={detail} links={links} today={today()} history={history} />
        ),
      });
    },
  );
}
