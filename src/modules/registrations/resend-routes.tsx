import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicBaseUrl } from '../../config.js';
import { formString, submitForm } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { EMAIL_BACKOFF, rateLimit } from '../accounts/guards.js';
import { resendRegistrationLink } from './resend-registration-link.js';
import { ResendLinkPage, ResendSentPage } from './views/signup-pages.js';
import { access } from '../../kernel/access.js';
import { forms, type Deps } from './route-context.js';

// "¿No te llegó el correo?": the same answer whether or not a sign-up waits for that address (no enumeration).
const resendInput = z.object({ email: z.email('email.invalid').max(254, 'email.invalid') });

/** Re-sending a sign-up's confirmation link (/sumate/reenviar). */
export function resendRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;

  app.get('/sumate/reenviar', access.public, async (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('registrations.resend.title'), body: <ResendLinkPage /> }),
  );
  app.post(
    '/sumate/reenviar',
    {
      ...access.public,
      preHandler: rateLimit(deps, 'signup_resend', {
        perAddress: { max: 5, windowMinutes: 15 },
        perAccount: EMAIL_BACKOFF,
      }),
    },
    async (request, reply) => {
      const values = { email: formString(request.body, 'email').trim() };
      return submitForm(request, reply, {
        messages: { ...forms, idFor: (field) => `resend-${field}` },
        values,
        parsed: resendInput.safeParse(values),
        invalid: (form, status) =>
          sendPage(request, reply, deps, {
            status,
            title: request.t('registrations.resend.title'),
            body: <ResendLinkPage form={form} />,
          }),
        submit: async ({ email }) => {
          const sent = await resendRegistrationLink(db, email, {
            baseUrl: publicBaseUrl(config),
            siteName: config.SITE_NAME,
            timeZone: config.TIME_ZONE,
            now: deps.now(),
          });
          request.log.info({ links: sent }, 'sign-up links re-sent');
          return '/sumate/reenviar/enviado';
        },
      });
    },
  );
  app.get('/sumate/reenviar/enviado', access.public, async (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('registrations.sent.title'), body: <ResendSentPage /> }),
  );
}
