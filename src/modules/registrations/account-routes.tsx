import type { FastifyInstance } from 'fastify';
import { publicBaseUrl } from '../../config.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { emptyForm, formString, formValues, submitForm, withIssues, type FormMessages } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { EMAIL_BACKOFF, rateLimit } from '../accounts/guards.js';
import { CheckEmailPage } from '../accounts/views/auth-pages.js';
import { getCurrentPrivacyNotices } from '../privacy/get-current-privacy-notices.js';
import { openParticipantAccount, openParticipantAccountInput } from './open-participant-account.js';
import { RegisterPage } from './views/register-page.js';

const forms: FormMessages = { prefix: 'accounts.error', fallback: 'error.badRequest.body' };

/** /registro: anyone opens a participant account, consenting to the current privacy notice. */
export function participantAccountRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;
  const registerPage = async (form = emptyForm(), status = 200) => {
    const { integral } = await getCurrentPrivacyNotices(db);
    return {
      title: 'accounts.register.title' as const,
      body: <RegisterPage form={form} privacyNoticeId={integral?.id} />,
      status,
    };
  };

  app.get('/registro', access.public, async (request, reply) => {
    const page = await registerPage();
    return sendPage(request, reply, deps, { ...page, title: request.t(page.title) });
  });

  app.post(
    '/registro',
    {
      ...access.public,
      preHandler: rateLimit(deps, 'register', {
        perAddress: { max: 10, windowMinutes: 60 },
        perAccount: EMAIL_BACKOFF,
      }),
    },
    async (request, reply) => {
      const values = formValues(request.body, ['name', 'email', 'privacyNoticeId', 'consent']);
      const parsed = openParticipantAccountInput.safeParse({
        ...values,
        password: formString(request.body, 'password'),
        locale: request.locale,
      });
      return submitForm(request, reply, {
        messages: forms,
        values,
        parsed: withIssues(parsed, {
          after: values.consent === 'yes' ? [] : [{ path: ['consent'], message: 'consent.required' }],
        }),
        invalid: async (form, status) => {
          const page = await registerPage(form, status);
          return sendPage(request, reply, deps, { ...page, title: request.t(page.title) });
        },
        submit: async (data) => {
          await openParticipantAccount(db, data, { baseUrl: publicBaseUrl(config), siteName: config.SITE_NAME });
          return sendPage(request, reply, deps, {
            title: request.t('accounts.checkEmail.title'),
            body: <CheckEmailPage message={request.t('accounts.checkEmail.register', { email: data.email })} />,
          });
        },
      });
    },
  );
}
