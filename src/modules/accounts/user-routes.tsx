import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asc } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import { emptyForm, formValues, submitForm, type FormState } from '../../web/forms.js';
import { idParams, parseParams, parseQuery } from '../../web/params.js';
import { institutions } from '../directory/schema.js';
import { inviteUser, inviteUserInput } from './invite-user.js';
import { revokeRole } from './revoke-role.js';
import { listUsers } from './list-users.js';
import { AdminHomePage, AdminUsersPage, MyWorkPage } from './views/admin-pages.js';
import { adminDeskSlot, myWorkSlot } from './work-slots.js';
import { countFailedEmails } from './count-failed-emails.js';
import { access, actorOf } from '../../kernel/access.js';
import { accountsRouteContext, forms, usersQuery, type Deps } from './route-context.js';

/** Administration of people and roles: /admin and /admin/usuarios (invitations, revoking a role). */
export function userAdminRoutes(app: FastifyInstance, deps: Deps) {
  const { db, linkOptions, page } = accountsRouteContext(deps);

  app.get('/admin', access.roles('admin'), async (request, reply) => {
    const subject = { actor: actorOf(request) };
    const [sections, failedEmails] = await Promise.all([
      deps.sections.render(adminDeskSlot, { db, config: deps.config, request, now: deps.now(), subject }),
      countFailedEmails(db),
    ]);
    return page(
      request,
      reply,
      'accounts.admin.title',
      <AdminHomePage failedEmails={failedEmails} sections={sections} />,
    );
  });

  app.get('/mi-trabajo', access.signedIn, async (request, reply) => {
    const subject = { actor: actorOf(request) };
    const sections = await deps.sections.render(myWorkSlot, {
      db,
      config: deps.config,
      request,
      now: deps.now(),
      subject,
    });
    return page(request, reply, 'accounts.work.title', <MyWorkPage sections={sections} />);
  });

  const usersPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    extra: { notice?: string; problem?: string } = {},
    status = 200,
  ) => {
    const [people, options] = await Promise.all([
      listUsers(db),
      db.select({ id: institutions.id, name: institutions.name }).from(institutions).orderBy(asc(institutions.name)),
    ]);
    return page(
      request,
      reply,
      'accounts.admin.users',
      <AdminUsersPage users={people} institutions={options} form={form} {...extra} />,
      status,
    );
  };
  const usersNotice = (request: FastifyRequest) => {
    const { invitado, aviso } = parseQuery(request, usersQuery);
    return invitado
      ? request.t('accounts.admin.invited', { email: invitado })
      : aviso === 'revoked'
        ? request.t('accounts.admin.revoked')
        : undefined;
  };
  app.get<{ Querystring: { invitado?: string; aviso?: string } }>(
    '/admin/usuarios',
    access.roles('admin'),
    (request, reply) => usersPage(request, reply, emptyForm(), { notice: usersNotice(request) }),
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
  app.post<{ Params: { id: string } }>(
    '/admin/usuarios/roles/:id/quitar',
    access.roles('admin'),
    async (request, reply) => {
      const { id } = parseParams(request, idParams, 'role assignment');
      try {
        await revokeRole(db, id, actorOf(request));
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict')
          return usersPage(request, reply, emptyForm(), { problem: request.t('accounts.error.lastAdmin') }, 409);
        throw error;
      }
      return reply.redirect('/admin/usuarios?aviso=revoked', 303);
    },
  );
}
