import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formValues, submitForm, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { parseQuery, queryString } from '../../web/params.js';
import { getCurrentPrivacyNotices } from './get-current-privacy-notices.js';
import { publishPrivacyNotice } from './publish-privacy-notice.js';
import { privacyNoticeKinds } from './schema.js';
import { PrivacyPage } from './views/privacy-page.js';
import { AdminNoticesPage } from './views/rights-pages.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { forms } from './route-context.js';

const noticeInput = z.object({
  kind: z.enum(privacyNoticeKinds),
  responsible: z.string().trim().min(3, 'responsible').max(300, 'responsible'),
  body: z.string().trim().min(20, 'body').max(50000, 'body'),
});
const noticesAdminQuery = z.object({ aviso: queryString, aviso_tipo: queryString });

/** The privacy notices: the public page (/privacidad) and publishing a new version (/admin/privacidad, admins only). */
export function privacyNoticeRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;

  app.get('/privacidad', access.public, async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('privacy.title'),
      body: <PrivacyPage notices={await getCurrentPrivacyNotices(db)} />,
    }),
  );

  const noticesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    notice?: string,
    status = 200,
  ) => {
    const current = await getCurrentPrivacyNotices(db);
    return sendPage(request, reply, deps, {
      status,
      title: request.t('privacy.admin.title'),
      body: <AdminNoticesPage current={current} form={form} notice={notice} />,
    });
  };
  app.get<{ Querystring: { aviso?: string; aviso_tipo?: string } }>(
    '/admin/privacidad',
    access.roles('admin'),
    (request, reply) =>
      noticesPage(
        request,
        reply,
        emptyForm({
          kind: parseQuery(request, noticesAdminQuery).aviso_tipo === 'simplified' ? 'simplified' : 'integral',
        }),
        parseQuery(request, noticesAdminQuery).aviso === 'published' ? request.t('privacy.admin.published') : undefined,
      ),
  );
  app.post('/admin/privacidad', access.roles('admin'), async (request, reply) => {
    const values = formValues(request.body, ['kind', 'responsible', 'body']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: noticeInput.safeParse(values),
      invalid: (form, status) => noticesPage(request, reply, form, undefined, status),
      submit: async (data) => {
        await publishPrivacyNotice(db, data, actorOf(request));
        return `/admin/privacidad?aviso=published&aviso_tipo=${data.kind}`;
      },
    });
  });
}
