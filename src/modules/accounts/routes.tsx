import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { fieldErrors, formString } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { institutions } from '../directory/schema.js';
import { getCurrentPrivacyNotices } from '../privacy/get-current-privacy-notices.js';
import { deleteSession } from './delete-session.js';
import { registerParticipant, registerParticipantInput, passwordSchema } from './register-participant.js';
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
import { SESSION_COOKIE, rateLimit, signIn } from './guards.js';
import { ChoosePasswordPage, CheckEmailPage, InvalidLinkPage, RegisterPage, ResetRequestPage, SignInPage, emptyForm, type FormState } from './views/auth-pages.js';
import { AccountPage } from './views/account-page.js';
import { AdminHomePage, AdminUsersPage } from './views/admin-pages.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

const emailOnly = z.object({ email: z.email('email.invalid').max(254, 'email.invalid') });

/** Only local paths, so a crafted link cannot send people to another site after signing in. */
const safeNext = (value: string) => (/^\/(?!\/)[^\s]*$/.test(value) ? value : '/cuenta');

const formOf = (body: unknown, names: string[]) => Object.fromEntries(names.map((name) => [name, formString(body, name)]));

function failed(request: FastifyRequest, issues: z.core.$ZodIssue[], values: Record<string, string>): FormState {
  const { byField, summary } = fieldErrors(issues, request.t, 'accounts.error', 'error.badRequest.body');
  return { values, errors: byField, summary };
}

export function accountRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const linkOptions = (request: FastifyRequest) => ({ baseUrl: config.PUBLIC_URL ?? `${request.protocol}://${request.host}`, siteName: config.SITE_NAME });

  const limit = (name: string, max: number, windowMinutes: number) => rateLimit(deps, name, max, windowMinutes);

  const startSession = (reply: FastifyReply, userId: string) => signIn(reply, deps, userId);

  const page = (request: FastifyRequest, reply: FastifyReply, title: MessageKey, body: preact.ComponentChildren, status = 200) =>
    sendPage(request, reply, deps, { title: request.t(title), body, status });

  // Sign in with a password.
  app.get<{ Querystring: { siguiente?: string } }>('/entrar', access.public, (request, reply) =>
    page(request, reply, 'accounts.signIn.title', <SignInPage form={emptyForm()} next={safeNext(request.query.siguiente ?? '/cuenta')} />),
  );
  app.post('/entrar', { ...access.public, preHandler: limit('sign-in', 10, 15) }, async (request, reply) => {
    const values = formOf(request.body, ['email', 'next']);
    const userId = await signInWithPassword(db, { email: values.email!, password: formString(request.body, 'password') });
    if (!userId) return page(request, reply, 'accounts.signIn.title', <SignInPage form={emptyForm({ email: values.email! })} next={safeNext(values.next!)} hasFailed />, 400);
    await startSession(reply, userId);
    return reply.redirect(safeNext(values.next!), 303);
  });

  // Sign in with a one-time link.
  app.post('/entrar/enlace', { ...access.public, preHandler: limit('sign-in-link', 5, 15) }, async (request, reply) => {
    const parsed = emailOnly.safeParse(formOf(request.body, ['email']));
    if (!parsed.success) {
      return page(request, reply, 'accounts.signIn.title', <SignInPage form={failed(request, parsed.error.issues, formOf(request.body, ['email']))} next="/cuenta" />, 400);
    }
    await requestEmailLink(db, { email: parsed.data.email, purpose: 'sign_in' }, linkOptions(request));
    return page(request, reply, 'accounts.checkEmail.title', <CheckEmailPage message={request.t('accounts.checkEmail.link', { email: parsed.data.email })} />);
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

  // Participant accounts.
  app.get('/registro', access.public, async (request, reply) => {
    const { integral } = await getCurrentPrivacyNotices(db);
    return page(request, reply, 'accounts.register.title', <RegisterPage form={emptyForm()} privacyNoticeId={integral?.id} />);
  });
  app.post('/registro', { ...access.public, preHandler: limit('register', 10, 60) }, async (request, reply) => {
    const values = formOf(request.body, ['name', 'email', 'privacyNoticeId', 'consent']);
    const parsed = registerParticipantInput.safeParse({ ...values, password: formString(request.body, 'password'), locale: request.locale });
    const issues = parsed.success ? [] : [...parsed.error.issues];
    if (values.consent !== 'yes') issues.push({ code: 'custom', path: ['consent'], message: 'consent.required', input: values.consent });
    if (!parsed.success || issues.length > 0) {
      const { integral } = await getCurrentPrivacyNotices(db);
      return page(request, reply, 'accounts.register.title', <RegisterPage form={failed(request, issues, values)} privacyNoticeId={integral?.id} />, 400);
    }
    await registerParticipant(db, parsed.data, linkOptions(request));
    return page(request, reply, 'accounts.checkEmail.title', <CheckEmailPage message={request.t('accounts.checkEmail.register', { email: parsed.data.email })} />);
  });
  app.get<{ Params: { token: string } }>('/confirmar/:token', access.public, async (request, reply) => {
    const userId = await confirmEmail(db, request.params.token, deps.now());
    if (!userId) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    await startSession(reply, userId);
    return reply.redirect('/cuenta?aviso=confirmed', 303);
  });

  // Password reset and invitations (both choose a password through /recuperar/:token).
  app.get('/recuperar', access.public, (request, reply) => page(request, reply, 'accounts.reset.title', <ResetRequestPage form={emptyForm()} />));
  app.post('/recuperar', { ...access.public, preHandler: limit('reset', 5, 15) }, async (request, reply) => {
    const parsed = emailOnly.safeParse(formOf(request.body, ['email']));
    if (!parsed.success) return page(request, reply, 'accounts.reset.title', <ResetRequestPage form={failed(request, parsed.error.issues, formOf(request.body, ['email']))} />, 400);
    await requestEmailLink(db, { email: parsed.data.email, purpose: 'reset_password' }, linkOptions(request));
    return page(request, reply, 'accounts.checkEmail.title', <CheckEmailPage message={request.t('accounts.checkEmail.reset', { email: parsed.data.email })} />);
  });
  app.get<{ Params: { token: string } }>('/recuperar/:token', access.public, async (request, reply) => {
    if (!(await isTokenUsable(db, request.params.token, ['reset_password', 'invitation'], deps.now()))) {
      return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    }
    return page(request, reply, 'accounts.reset.chooseTitle', <ChoosePasswordPage form={emptyForm()} token={request.params.token} />);
  });
  app.post<{ Params: { token: string } }>('/recuperar/:token', { ...access.public, preHandler: limit('reset-choose', 10, 15) }, async (request, reply) => {
    const parsed = passwordSchema.safeParse(formString(request.body, 'password'));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ['password'] }));
      return page(request, reply, 'accounts.reset.chooseTitle', <ChoosePasswordPage form={failed(request, issues, {})} token={request.params.token} />, 400);
    }
    const userId = await resetPassword(db, { token: request.params.token, password: parsed.data }, deps.now());
    if (!userId) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    await startSession(reply, userId);
    return reply.redirect('/cuenta?aviso=passwordSet', 303);
  });

  // The account page.
  const notices = { confirmed: 'accounts.account.confirmed', signedIn: 'accounts.account.signedIn', saved: 'accounts.account.saved', emailChanged: 'accounts.account.emailChanged', passwordSet: 'accounts.account.passwordSet' } as const;
  const accountPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, emailForm: FormState, status = 200) => {
    const actor = request.actor!;
    // The frequency comes with the session (no query per view); a change to it announces itself like the name's.
    const frequency = request.accountSettings?.notificationFrequency ?? 'immediate';
    const notice = notices[(request.query as { aviso?: string }).aviso as keyof typeof notices];
    return page(request, reply, 'accounts.account.title', <AccountPage actor={actor} frequency={frequency} form={form} emailForm={emailForm} notice={notice} />, status);
  };
  app.get('/cuenta', access.signedIn, (request, reply) => accountPage(request, reply, emptyForm(), emptyForm()));
  app.post('/cuenta', access.signedIn, async (request, reply) => {
    const values = formOf(request.body, ['name', 'locale', 'notificationFrequency']);
    const parsed = updateAccountInput.safeParse(values);
    if (!parsed.success) return accountPage(request, reply, failed(request, parsed.error.issues, values), emptyForm(), 400);
    await updateAccount(db, request.actor!.userId, parsed.data);
    return reply.redirect(`/cuenta?aviso=saved&lang=${parsed.data.locale === 'en' ? 'en' : 'es'}`, 303);
  });
  app.post('/cuenta/correo', { ...access.signedIn, preHandler: limit('change-email', 5, 60) }, async (request, reply) => {
    const values = formOf(request.body, ['email']);
    const parsed = emailOnly.safeParse(values);
    if (!parsed.success) return accountPage(request, reply, emptyForm(), failed(request, parsed.error.issues, values), 400);
    await requestEmailChange(db, request.actor!.userId, parsed.data.email, linkOptions(request));
    return page(request, reply, 'accounts.checkEmail.title', <CheckEmailPage message={request.t('accounts.checkEmail.change', { email: parsed.data.email })} />);
  });
  app.get<{ Params: { token: string } }>('/cuenta/correo/:token', access.public, async (request, reply) => {
    if (!(await confirmEmailChange(db, request.params.token, deps.now()))) return page(request, reply, 'accounts.link.invalidTitle', <InvalidLinkPage />, 400);
    return reply.redirect(request.actor ? '/cuenta?aviso=emailChanged' : '/entrar', 303);
  });

  // Administration of people and roles.
  app.get('/admin', access.roles('admin'), (request, reply) => page(request, reply, 'accounts.admin.title', <AdminHomePage />));

  const usersPage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, extra: { notice?: string; problem?: string } = {}, status = 200) => {
    const [people, options] = await Promise.all([listUsers(db), db.select({ id: institutions.id, name: institutions.name }).from(institutions).orderBy(asc(institutions.name))]);
    return page(request, reply, 'accounts.admin.users', <AdminUsersPage users={people} institutions={options} form={form} {...extra} />, status);
  };
  app.get<{ Querystring: { invitado?: string; aviso?: string } }>('/admin/usuarios', access.roles('admin'), (request, reply) =>
    usersPage(request, reply, emptyForm(), {
      notice: request.query.invitado ? request.t('accounts.admin.invited', { email: request.query.invitado }) : request.query.aviso === 'revoked' ? request.t('accounts.admin.revoked') : undefined,
    }),
  );
  app.post('/admin/usuarios', access.roles('admin'), async (request, reply) => {
    const values = formOf(request.body, ['name', 'email', 'role', 'institutionId']);
    const parsed = inviteUserInput.safeParse({ ...values, institutionId: values.institutionId || undefined });
    if (!parsed.success) return usersPage(request, reply, failed(request, parsed.error.issues, values), {}, 400);
    const actor = request.actor!;
    const user = await inviteUser(db, { userId: actor.userId, name: actor.name }, parsed.data, linkOptions(request));
    return reply.redirect(`/admin/usuarios?invitado=${encodeURIComponent(user.email)}`, 303);
  });
  app.post<{ Params: { id: string } }>('/admin/usuarios/roles/:id/quitar', access.roles('admin'), async (request, reply) => {
    if (!z.uuid().safeParse(request.params.id).success) throw new AppError('not_found', 'role assignment');
    try {
      await revokeRole(db, request.params.id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return usersPage(request, reply, emptyForm(), { problem: request.t('accounts.error.lastAdmin') }, 409);
      throw error;
    }
    return reply.redirect('/admin/usuarios?aviso=revoked', 303);
  });
}
