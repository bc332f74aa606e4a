import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { emptyForm, formString, formValues, submitForm, type FormState } from '../../web/forms.js';
import { noticeKey } from '../../web/params.js';
import { updateAccount, updateAccountInput } from './update-account.js';
import { requestEmailChange } from './request-email-change.js';
import { confirmEmailChange } from './confirm-email-change.js';
import { EMAIL_BACKOFF, SESSION_COOKIE } from './guards.js';
import { CheckEmailPage, InvalidLinkPage } from './views/auth-pages.js';
import { AccountPage } from './views/account-page.js';
import { access, actorOf } from '../../kernel/access.js';
import { accountsRouteContext, emailChange, forms, passwordRefusal, type Deps } from './route-context.js';

/** The account page (/cuenta): name, language, notification frequency, and changing the e-mail address. */
export function accountRoutes(app: FastifyInstance, deps: Deps) {
  const { db, linkOptions, limit, page } = accountsRouteContext(deps);

  const notices = {
    confirmed: 'accounts.account.confirmed',
    signedIn: 'accounts.account.signedIn',
    saved: 'accounts.account.saved',
    emailChanged: 'accounts.account.emailChanged',
    passwordSet: 'accounts.account.passwordSet',
  } as const;
  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    emailForm: FormState,
    status = 200,
  ) => {
    const actor = actorOf(request);
    // The frequency comes with the session (no query per view); a change to it announces itself like the name's.
    const frequency = request.accountSettings?.notificationFrequency ?? 'immediate';
    const notice = noticeKey(request, notices);
    return page(
      request,
      reply,
      'accounts.account.title',
      <AccountPage actor={actor} frequency={frequency} form={form} emailForm={emailForm} notice={notice} />,
      status,
    );
  };
  app.get('/cuenta', access.signedIn, (request, reply) => accountPage(request, reply, emptyForm(), emptyForm()));
  app.post('/cuenta', access.signedIn, async (request, reply) => {
    const values = formValues(request.body, ['name', 'locale', 'notificationFrequency']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: updateAccountInput.safeParse(values),
      invalid: (form, status) => accountPage(request, reply, form, emptyForm(), status),
      submit: async (data) => {
        await updateAccount(db, actorOf(request).userId, data);
        return `/cuenta?aviso=saved&lang=${data.locale === 'en' ? 'en' : 'es'}`;
      },
    });
  });
  app.post(
    '/cuenta/correo',
    {
      ...access.signedIn,
      preHandler: limit('change-email', {
        perAddress: { max: 5, windowMinutes: 60 },
        perAccount: { ...EMAIL_BACKOFF, keyOf: (request) => request.actor?.userId },
      }),
    },
    async (request, reply) => {
      const values = formValues(request.body, ['email']);
      return submitForm(request, reply, {
        messages: forms,
        values,
        parsed: emailChange.safeParse({ ...values, password: formString(request.body, 'password') }),
        invalid: (form, status) => accountPage(request, reply, emptyForm(), form, status),
        rejected: passwordRefusal,
        submit: async ({ email, password }) => {
          await requestEmailChange(
            db,
            actorOf(request).userId,
            { email, password },
            { ...linkOptions(), now: deps.now() },
          );
          return page(
            request,
            reply,
            'accounts.checkEmail.title',
            <CheckEmailPage message={request.t('accounts.checkEmail.change', { email })} />,
          );
        },
      });
    },
  );
  app.get<{ Params: { token: string } }>('/cuenta/correo/:token', access.public, async (request, reply) => {
    const changed = await confirmEmailChange(db, request.params.token, {
      ...linkOptions(),
      keepSession: request.cookies[SESSION_COOKIE],
      now: deps.now(),
    });
    if (!changed) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    return reply.redirect(request.actor ? '/cuenta?aviso=emailChanged' : '/entrar', 303);
  });
}
