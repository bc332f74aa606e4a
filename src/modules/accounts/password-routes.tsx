import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { emptyForm, formString, formValues, submitForm } from '../../web/forms.js';
import { passwordSchema } from './password.js';
import { requestEmailLink } from './request-sign-in-link.js';
import { resetPassword } from './reset-password.js';
import { isTokenUsable } from './consume-token.js';
import { EMAIL_BACKOFF } from './guards.js';
import { ChoosePasswordPage, CheckEmailPage, InvalidLinkPage, ResetRequestPage } from './views/auth-pages.js';
import { access } from '../../kernel/access.js';
import { accountsRouteContext, emailOnly, forms, type Deps } from './route-context.js';

/** Password reset and invitations (both choose a password through /recuperar/:token). */
export function passwordResetRoutes(app: FastifyInstance, deps: Deps) {
  const { db, linkOptions, limit, startSession, page } = accountsRouteContext(deps);

  app.get('/recuperar', access.public, (request, reply) =>
    page(request, reply, 'accounts.reset.title', <ResetRequestPage form={emptyForm()} />),
  );
  app.post(
    '/recuperar',
    {
      ...access.public,
      preHandler: limit('reset', { perAddress: { max: 5, windowMinutes: 15 }, perAccount: EMAIL_BACKOFF }),
    },
    async (request, reply) => {
      const values = formValues(request.body, ['email']);
      return submitForm(request, reply, {
        messages: forms,
        values,
        parsed: emailOnly.safeParse(values),
        invalid: (form, status) =>
          page(request, reply, 'accounts.reset.title', <ResetRequestPage form={form} />, status),
        submit: async ({ email }) => {
          await requestEmailLink(db, { email, purpose: 'reset_password' }, linkOptions());
          return page(
            request,
            reply,
            'accounts.checkEmail.title',
            <CheckEmailPage message={request.t('accounts.checkEmail.reset', { email })} />,
          );
        },
      });
    },
  );
  app.get<{ Params: { token: string } }>('/recuperar/:token', access.public, async (request, reply) => {
    if (!(await isTokenUsable(db, request.params.token, ['reset_password', 'invitation'], deps.now()))) {
      return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    }
    return page(
      request,
      reply,
      'accounts.reset.chooseTitle',
      <ChoosePasswordPage form={emptyForm()} token={request.params.token} />,
    );
  });
  app.post<{ Params: { token: string } }>(
    '/recuperar/:token',
    { ...access.public, preHandler: limit('reset-choose', { perAddress: { max: 10, windowMinutes: 15 } }) },
    async (request, reply) => {
      const { token } = request.params;
      return submitForm(request, reply, {
        messages: forms,
        values: {},
        parsed: z.object({ password: passwordSchema }).safeParse({ password: formString(request.body, 'password') }),
        invalid: (form, status) =>
          page(request, reply, 'accounts.reset.chooseTitle', <ChoosePasswordPage form={form} token={token} />, status),
        submit: async ({ password }) => {
          const userId = await resetPassword(db, { token, password }, deps.now());
          if (!userId) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
          await startSession(reply, userId);
          return '/cuenta?aviso=passwordSet';
        },
      });
    },
  );
}
