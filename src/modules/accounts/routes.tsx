import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { publicBaseUrl } from '../../config.js';
import { AppError } from '../../shared/errors.js';
import { safeLocalPath } from '../../shared/safe-redirect.js';
import { emptyForm, formString, formValues, submitForm, type FormMessages, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { idParams, noticeKey, parseParams, parseQuery, queryString } from '../../web/params.js';
import { institutions } from '../directory/schema.js';
import { deleteSession } from './delete-session.js';
import { passwordSchema } from './password.js';
import { confirmEmail } from './confirm-email.js';
import { signInWithPassword } from './sign-in-with-password.js';
import { requestEmailLink } from './request-sign-in-link.js';
import { signInWithLink } from './sign-in-with-link.js';
import { resetPassword } from './reset-password.js';
import { isTokenUsable } from './consume-token.js';
import { updateAccount, updateAccountInput } from './update-account.js';
import { requestEmailChange } from './request-email-change.js';
import { confirmEmailChange } from './confirm-email-change.js';
import { inviteUser, inviteUserInput } from './invite-user.js';
import { revokeRole } from './revoke-role.js';
import { listUsers } from './list-users.js';
import { EMAIL_BACKOFF, SESSION_COOKIE, SIGN_IN_BACKOFF, accountAttempts, rateLimit, signIn, type LimitRule } from './guards.js';
import { ChoosePasswordPage, CheckEmailPage, InvalidLinkPage, ResetRequestPage, SignInPage } from './views/auth-pages.js';
import { AccountPage } from './views/account-page.js';
import { AdminHomePage, AdminUsersPage } from './views/admin-pages.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

/** What a sign-in form must look like before its password is checked (hashing is the expensive part). */
const signInInput = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) });
const emailOnly = z.object({ email: z.email('email.invalid').max(254, 'email.invalid') });
/** Changing the address asks for the current password (checked by the use case, after these cheap checks). */
const emailChange = emailOnly.extend({ password: z.string().min(1, 'password.wrong').max(200, 'password.wrong') });

/** A use case's refusal of the current password, shown next to the field. */
const passwordRefusal = (error: unknown) =>
  error instanceof AppError && error.code === 'validation' && error.details?.field === 'password' ? [{ path: ['password'], message: String(error.details.reason) }] : undefined;

/** Only paths on this site, so a crafted link cannot send people to another site after signing in. */
const safeNext = (value: string | undefined) => safeLocalPath(value, '/cuenta');

const forms: FormMessages = { prefix: 'accounts.error', fallback: 'error.badRequest.body' };
const signInQuery = z.object({ siguiente: queryString });
const usersQuery = z.object({ invitado: queryString, aviso: queryString });

export function accountRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  // Links in e-mails point to the configured address, never to the Host a request names.
  const linkOptions = () => ({ baseUrl: publicBaseUrl(config), siteName: config.SITE_NAME });

  const limit = (name: string, rule: LimitRule) => rateLimit(deps, name, rule);
  const signInRule: LimitRule = { perAddress: { max: 10, windowMinutes: 15 }, perAccount: SIGN_IN_BACKOFF };
  const signInAttempts = accountAttempts(deps, 'sign-in', signInRule);

  const startSession = (reply: FastifyReply, userId: string) => signIn(reply, deps, userId);

  const page = (request: FastifyRequest, reply: FastifyReply, title: MessageKey, body: preact.ComponentChildren, status = 200) =>
    sendPage(request, reply, deps, { title: request.t(title), body, status });

  // Sign in with a password.
  app.get<{ Querystring: { siguiente?: string } }>('/entrar', access.public, (request, reply) =>
    page(request, reply, 'accounts.signIn.title', <SignInPage form={emptyForm()} next={safeNext(parseQuery(request, signInQuery).siguiente)} />),
  );
  app.post('/entrar', { ...access.public, preHandler: limit('sign-in', signInRule) }, async (request, reply) => {
    const values = formValues(request.body, ['email', 'next']);
    const input = signInInput.safeParse({ email: values.email, password: formString(request.body, 'password') });
    // Malformed input is refused before any password hashing; every failure reads the same.
    const userId = input.success ? await signInWithPassword(db, input.data) : undefined;
    if (!userId) {
      await signInAttempts.failed(request);
      return page(request, reply, 'accounts.signIn.title', <SignInPage form={emptyForm({ email: values.email })} next={safeNext(values.next)} hasFailed />, 400);
    }
    await signInAttempts.succeeded(request);
    await startSession(reply, userId);
    return reply.redirect(safeNext(values.next), 303);
  });

  // Sign in with a one-time link.
  app.post('/entrar/enlace', { ...access.public, preHandler: limit('sign-in-link', { perAddress: { max: 5, windowMinutes: 15 }, perAccount: EMAIL_BACKOFF }) }, async (request, reply) => {
    const values = formValues(request.body, ['email']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: emailOnly.safeParse(values),
      invalid: (form, status) => page(request, reply, 'accounts.signIn.title', <SignInPage form={form} next="/cuenta" />, status),
      submit: async ({ email }) => {
        await requestEmailLink(db, { email, purpose: 'sign_in' }, linkOptions());
        return page(request, reply, 'accounts.checkEmail.title', <CheckEmailPage message={request.t('accounts.checkEmail.link', { email })} />);
      },
    });
  });
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

  // Password reset and invitations (both choose a password through /recuperar/:token).
  app.get('/recuperar', access.public, (request, reply) => page(request, reply, 'accounts.reset.title', <ResetRequestPage form={emptyForm()} />));
  app.post('/recuperar', { ...access.public, preHandler: limit('reset', { perAddress: { max: 5, windowMinutes: 15 }, perAccount: EMAIL_BACKOFF }) }, async (request, reply) => {
    const values = formValues(request.body, ['email']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: emailOnly.safeParse(values),
      invalid: (form, status) => page(request, reply, 'accounts.reset.title', <ResetRequestPage form={form} />, status),
      submit: async ({ email }) => {
        await requestEmailLink(db, { email, purpose: 'reset_password' }, linkOptions());
        return page(request, reply, 'accounts.checkEmail.title', <CheckEmailPage message={request.t('accounts.checkEmail.reset', { email })} />);
      },
    });
  });
  app.get<{ Params: { token: string } }>('/recuperar/:token', access.public, async (request, reply) => {
    if (!(await isTokenUsable(db, request.params.token, ['reset_password', 'invitation'], deps.now()))) {
      return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    }
    return page(request, reply, 'accounts.reset.chooseTitle', <ChoosePasswordPage form={emptyForm()} token={request.params.token} />);
  });
  app.post<{ Params: { token: string } }>('/recuperar/:token', { ...access.public, preHandler: limit('reset-choose', { perAddress: { max: 10, windowMinutes: 15 } }) }, async (request, reply) => {
    const { token } = request.params;
    return submitForm(request, reply, {
      messages: forms,
      values: {},
      parsed: z.object({ password: passwordSchema }).safeParse({ password: formString(request.body, 'password') }),
      invalid: (form, status) => page(request, reply, 'accounts.reset.chooseTitle', <ChoosePasswordPage form={form} token={token} />, status),
      submit: async ({ password }) => {
        const userId = await resetPassword(db, { token, password }, deps.now());
        if (!userId) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
        await startSession(reply, userId);
        return '/cuenta?aviso=passwordSet';
      },
    });
  });

  // The account page.
  const notices = { confirmed: 'accounts.account.confirmed', signedIn: 'accounts.account.signedIn', saved: 'accounts.account.saved', emailChanged: 'accounts.account.emailChanged', passwordSet: 'accounts.account.passwordSet' } as const;
  const accountPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, emailForm: FormState, status = 200) => {
    const actor = actorOf(request);
    // The frequency comes with the session (no query per view); a change to it announces itself like the name's.
    const frequency = request.accountSettings?.notificationFrequency ?? 'immediate';
    const notice = noticeKey(request, notices);
    return page(request, reply, 'accounts.account.title', <AccountPage actor={actor} frequency={frequency} form={form} emailForm={emailForm} notice={notice} />, status);
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
  app.post('/cuenta/correo', { ...access.signedIn, preHandler: limit('change-email', { perAddress: { max: 5, windowMinutes: 60 }, perAccount: { ...EMAIL_BACKOFF, keyOf: (request) => request.actor?.userId } }) }, async (request, reply) => {
    const values = formValues(request.body, ['email']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: emailChange.safeParse({ ...values, password: formString(request.body, 'password') }),
      invalid: (form, status) => accountPage(request, reply, emptyForm(), form, status),
      rejected: passwordRefusal,
      submit: async ({ email, password }) => {
        await requestEmailChange(db, actorOf(request).userId, { email, password }, { ...linkOptions(), now: deps.now() });
        return page(request, reply, 'accounts.checkEmail.title', <CheckEmailPage message={request.t('accounts.checkEmail.change', { email })} />);
      },
    });
  });
  app.get<{ Params: { token: string } }>('/cuenta/correo/:token', access.public, async (request, reply) => {
    const changed = await confirmEmailChange(db, request.params.token, { ...linkOptions(), keepSession: request.cookies[SESSION_COOKIE], now: deps.now() });
    if (!changed) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    return reply.redirect(request.actor ? '/cuenta?aviso=emailChanged' : '/entrar', 303);
  });

  // Administration of people and roles.
  app.get('/admin', access.roles('admin'), (request, reply) => page(request, reply, 'accounts.admin.title', <AdminHomePage />));

  const usersPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, extra: { notice?: string; problem?: string } = {}, status = 200) => {
    const [people, options] = await Promise.all([listUsers(db), db.select({ id: institutions.id, name: institutions.name }).from(institutions).orderBy(asc(institutions.name))]);
    return page(request, reply, 'accounts.admin.users', <AdminUsersPage users={people} institutions={options} form={form} {...extra} />, status);
  };
  const usersNotice = (request: FastifyRequest) => {
    const { invitado, aviso } = parseQuery(request, usersQuery);
    return invitado ? request.t('accounts.admin.invited', { email: invitado }) : aviso === 'revoked' ? request.t('accounts.admin.revoked') : undefined;
  };
  app.get<{ Querystring: { invitado?: string; aviso?: string } }>('/admin/usuarios', access.roles('admin'), (request, reply) =>
    usersPage(request, reply, emptyForm(), { notice: usersNotice(request) }),
  );
  app.post('/admin/usuarios', access.roles('admin'), async (request, reply) => {
    const values = formValues(request.body, ['name', 'email', 'role', 'institutionId']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: inviteUserInput.safeParse({ ...values, institutionId: values.institutionId || undefined }),
      invalid: (form, status) => usersPage(request, reply, form, {}, status),
      submit: async (data) => {
        const user = await inviteUser(db, actorOf(request), data, linkOptions());
        return `/admin/usuarios?invitado=${encodeURIComponent(user.email)}`;
      },
    });
  });
  app.post<{ Params: { id: string } }>('/admin/usuarios/roles/:id/quitar', access.roles('admin'), async (request, reply) => {
    const { id } = parseParams(request, idParams, 'role assignment');
    try {
      await revokeRole(db, id, actorOf(request));
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return usersPage(request, reply, emptyForm(), { problem: request.t('accounts.error.lastAdmin') }, 409);
      throw error;
    }
    return reply.redirect('/admin/usuarios?aviso=revoked', 303);
  });
}
