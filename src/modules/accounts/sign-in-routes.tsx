import type { FastifyInstance } from 'fastify';
import { emptyForm, formString, formValues, submitForm } from '../../web/forms.js';
import { parseQuery } from '../../web/params.js';
import { deleteSession } from './delete-session.js';
import { confirmEmail } from './confirm-email.js';
import { signInWithPassword } from './sign-in-with-password.js';
import { requestEmailLink } from './request-sign-in-link.js';
import { signInWithLink } from './sign-in-with-link.js';
import { EMAIL_BACKOFF, SESSION_COOKIE, SIGN_IN_BACKOFF, accountAttempts, type LimitRule } from './guards.js';
import { CheckEmailPage, InvalidLinkPage, SignInPage } from './views/auth-pages.js';
import { access } from '../../kernel/access.js';
import {
  accountsRouteContext,
  emailOnly,
  forms,
  safeNext,
  signInInput,
  signInQuery,
  type Deps,
} from './route-context.js';

/** Signing in (with a password or an e-mailed link), signing out, and the confirmation link of a new account. */
export function signInRoutes(app: FastifyInstance, deps: Deps) {
  const { db, linkOptions, limit, startSession, page } = accountsRouteContext(deps);
  const signInRule: LimitRule = { perAddress: { max: 10, windowMinutes: 15 }, perAccount: SIGN_IN_BACKOFF };
  const signInAttempts = accountAttempts(deps, 'sign-in', signInRule);

  // Sign in with a password.
  app.get<{ Querystring: { siguiente?: string } }>('/entrar', access.public, (request, reply) =>
    page(
      request,
      reply,
      'accounts.signIn.title',
      <SignInPage form={emptyForm()} next={safeNext(parseQuery(request, signInQuery).siguiente)} />,
    ),
  );
  app.post('/entrar', { ...access.public, preHandler: limit('sign-in', signInRule) }, async (request, reply) => {
    const values = formValues(request.body, ['email', 'next']);
    const input = signInInput.safeParse({ email: values.email, password: formString(request.body, 'password') });
    // Malformed input is refused before any password hashing; every failure reads the same.
    const userId = input.success ? await signInWithPassword(db, input.data) : undefined;
    if (!userId) {
      await signInAttempts.failed(request);
      return page(
        request,
        reply,
        'accounts.signIn.title',
        <SignInPage form={emptyForm({ email: values.email })} next={safeNext(values.next)} hasFailed />,
        400,
      );
    }
    await signInAttempts.succeeded(request);
    await startSession(reply, userId);
    return reply.redirect(safeNext(values.next), 303);
  });

  // Sign in with a one-time link.
  app.post(
    '/entrar/enlace',
    {
      ...access.public,
      preHandler: limit('sign-in-link', { perAddress: { max: 5, windowMinutes: 15 }, perAccount: EMAIL_BACKOFF }),
    },
    async (request, reply) => {
      const values = formValues(request.body, ['email']);
      return submitForm(request, reply, {
        messages: forms,
        values,
        parsed: emailOnly.safeParse(values),
        invalid: (form, status) =>
          page(request, reply, 'accounts.signIn.title', <SignInPage form={form} next="/cuenta" />, status),
        submit: async ({ email }) => {
          await requestEmailLink(db, { email, purpose: 'sign_in' }, linkOptions());
          return page(
            request,
            reply,
            'accounts.checkEmail.title',
            <CheckEmailPage message={request.t('accounts.checkEmail.link', { email })} />,
          );
        },
      });
    },
  );
  app.get<{ Params: { token: string } }>('/entrar/enlace/:token', access.public, async (request, reply) => {
    const userId = await signInWithLink(db, request.params.token, deps.now());
    if (!userId) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    await startSession(reply, userId);
    return reply.redirect('/cuenta?aviso=signedIn', 303);
  });

  app.post('/salir', access.public, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  // Participant accounts are opened at /registro (registrations/account-routes.tsx, with the privacy consent).
  app.get<{ Params: { token: string } }>('/confirmar/:token', access.public, async (request, reply) => {
    const userId = await confirmEmail(db, request.params.token, deps.now());
    if (!userId) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    await startSession(reply, userId);
    return reply.redirect('/cuenta?aviso=confirmed', 303);
  });
}
