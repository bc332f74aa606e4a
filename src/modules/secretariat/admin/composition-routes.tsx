import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../../kernel/access.js';
import { emptyForm, formValues, submitForm, withIssues, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import { withUpload } from '../../files/guards.js';
import { uploadedFile } from '../../files/routes.js';
import { getSecretariat } from '../get-secretariat.js';
import {
  deleteSeat,
  getMembership,
  getSeat,
  updateMembership,
  updateMembershipInput,
  updateSeat,
  updateSeatInput,
} from '../manage-composition.js';
import {
  addSecretariatDocument,
  deleteSecretariatDocument,
  documentInput,
  getSecretariatDocument,
  updateSecretariatDocument,
} from '../manage-documents.js';
import { sourceProblem } from '../document-files.js';
import {
  AdminDocumentPage,
  AdminMembershipPage,
  AdminSeatPage,
  compositionPaths,
  DocumentRemovalPage,
  SeatRemovalPage,
} from '../views/admin-composition.js';
import { seatName } from '../views/labels.js';
import {
  documentFailure,
  documentForms,
  documentIssues,
  forms,
  problemOf,
  secretariatAdminContext,
  trimmed,
  type Deps,
} from './route-context.js';

/**
 * The Secretariat's composition and documents after installation (admins only): a seat's page (rename it, its
 * members, delete it after a confirmation page), a member's page (correct it or end the term), and adding,
 * correcting, replacing or deleting (after a confirmation page) a document. Each change is in the public history.
 */
export function secretariatCompositionRoutes(app: FastifyInstance, deps: Deps) {
  seatRoutes(app, deps);
  memberRoutes(app, deps);
  documentRoutes(app, deps);
}

/** What the composition's pages share: the admin context and the Secretariat a page belongs to. */
function compositionContext(deps: Deps) {
  const context = secretariatAdminContext(deps);
  const contextOf = async (secretariatId: string) => {
    const detail = await getSecretariat(context.db, { id: secretariatId });
    return { secretariatId, exerciseTitle: detail.exercise.title };
  };
  return { ...context, contextOf };
}

/** A seat's page, renaming it, and deleting it after a confirmation page. */
function seatRoutes(app: FastifyInstance, deps: Deps) {
  const { db, admin, uuidParam, noticeOf, contextOf } = compositionContext(deps);

  const seatPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    seatId: string,
    options: { form?: FormState; status?: number; problem?: string } = {},
  ) => {
    const seat = await getSeat(db, seatId);
    const context = await contextOf(seat.secretariatId);
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('secretariat.seatPage.title', { name: seatName(request.t, seat) }),
      body: (
        <AdminSeatPage
          context={context}
          seat={seat}
          form={options.form ?? emptyForm({ label: seat.label ?? '' })}
          notice={noticeOf(request)}
          problem={options.problem}
        />
      ),
    });
  };

  app.get<{ Params: { id: string } }>('/admin/secretariado/lugares/:id', admin, (request, reply) =>
    seatPage(request, reply, uuidParam(request.params.id)),
  );

  app.post<{ Params: { id: string } }>('/admin/secretariado/lugares/:id', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, ['label']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: updateSeatInput.safeParse(values),
      invalid: (form, status) => seatPage(request, reply, id, { form, status }),
      submit: async (data) => {
        await updateSeat(db, id, data, { actor: actorOf(request) });
        return `${compositionPaths.seat(id)}?aviso=lugar-editado`;
      },
    });
  });

  app.get<{ Params: { id: string } }>('/admin/secretariado/lugares/:id/borrar', admin, async (request, reply) => {
    const seat = await getSeat(db, uuidParam(request.params.id));
    if (!seat.isDeletable)
      return seatPage(request, reply, seat.id, {
        problem: request.t('secretariat.problem.seatHasSessions'),
        status: 409,
      });
    const context = await contextOf(seat.secretariatId);
    return sendPage(request, reply, deps, {
      title: request.t('secretariat.seatRemoval.title', { name: seatName(request.t, seat) }),
      body: <SeatRemovalPage context={context} seat={seat} />,
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/lugares/:id/borrar', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    try {
      const { secretariatId } = await deleteSeat(db, id, { actor: actorOf(request) });
      return reply.redirect(`/admin/secretariado/${secretariatId}?aviso=lugar-borrado`, 303);
    } catch (error) {
      const problem = problemOf(error);
      if (problem) return seatPage(request, reply, id, { problem: request.t(problem), status: 409 });
      throw error;
    }
  });
}

/** A member's page: correcting it or ending the term. */
function memberRoutes(app: FastifyInstance, deps: Deps) {
  const { db, admin, uuidParam, noticeOf, contextOf } = compositionContext(deps);
  const membershipPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    membershipId: string,
    options: { form?: FormState; status?: number; problem?: string } = {},
  ) => {
    const { membership: m, seat, institutionName } = await getMembership(db, membershipId);
    const context = await contextOf(seat.secretariatId);
    const form =
      options.form ??
      emptyForm({
        role: m.role,
        displayName: m.displayName,
        organization: m.organization ?? '',
        bio: m.bio ?? '',
        email: m.email ?? '',
        startsOn: m.startsOn,
        endsOn: m.endsOn ?? '',
      });
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('secretariat.memberPage.title', { name: m.displayName }),
      body: (
        <AdminMembershipPage
          context={context}
          seat={{ id: seat.id, name: seatName(request.t, { ...seat, institutionName }) }}
          form={form}
          action={compositionPaths.membership(m.id)}
          notice={noticeOf(request)}
          problem={options.problem}
        />
      ),
    });
  };

  app.get<{ Params: { id: string } }>('/admin/secretariado/integrantes/:id', admin, (request, reply) =>
    membershipPage(request, reply, uuidParam(request.params.id)),
  );

  app.post<{ Params: { id: string } }>('/admin/secretariado/integrantes/:id', admin, async (request, reply) => {
    const id = uuidParam(request.params.id);
    const values = formValues(request.body, [
      'role',
      'displayName',
      'organization',
      'bio',
      'email',
      'startsOn',
      'endsOn',
    ]);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: updateMembershipInput.safeParse(values),
      invalid: (form, status) => membershipPage(request, reply, id, { form, status }),
      submit: async (data) => {
        const saved = await updateMembership(db, id, data, { actor: actorOf(request) });
        return `${compositionPaths.seat(saved.seatId)}?aviso=integrante-editado`;
      },
      refused: (error) => {
        const problem = problemOf(error);
        return problem
          ? membershipPage(request, reply, id, { form: emptyForm(values), problem: request.t(problem), status: 409 })
          : undefined;
      },
    });
  });
}

/** Adding a document, correcting or replacing it, and deleting it after a confirmation page. */
function documentRoutes(app: FastifyInstance, deps: Deps) {
  const { db, admin, uuidParam, secretariatPage, contextOf } = compositionContext(deps);
  const documentPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    documentId: string,
    options: { form?: FormState; status?: number } = {},
  ) => {
    const document = await getSecretariatDocument(db, documentId);
    const context = await contextOf(document.secretariatId);
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('secretariat.documentPage.title', { title: document.title }),
      body: (
        <AdminDocumentPage
          context={context}
          document={document}
          form={
            options.form ??
            emptyForm({ kind: document.kind, title: document.title, issuedOn: document.issuedOn ?? '', url: '' })
          }
        />
      ),
    });
  };
  const documentFields = ['kind', 'title', 'issuedOn', 'url'];
  const upload = { files: ['file'] };

  app.post<{ Params: { id: string } }>(
    '/admin/secretariado/:id/documentos',
    withUpload(admin, upload),
    async (request, reply) => {
      const secretariatId = uuidParam(request.params.id);
      const values = formValues(request.body, documentFields);
      const file = uploadedFile(request.body, 'file');
      const reason = sourceProblem({ file, url: trimmed(values.url) }, true);
      return submitForm(request, reply, {
        messages: documentForms,
        values,
        parsed: withIssues(documentInput.safeParse(values), {
          after: documentIssues(reason ? [{ field: reason === 'missing' ? 'file' : 'url', reason }] : []),
        }),
        invalid: (form, status) =>
          secretariatPage(request, reply, secretariatId, { forms: { document: form }, status }),
        submit: async (data) => {
          await addSecretariatDocument(db, secretariatId, { ...data, file }, { actor: actorOf(request) });
          return `/admin/secretariado/${secretariatId}?aviso=documento#documents-heading`;
        },
        rejected: (error) => documentFailure(request, error, values),
      });
    },
  );

  app.get<{ Params: { id: string } }>('/admin/secretariado/documentos/:id', admin, (request, reply) =>
    documentPage(request, reply, uuidParam(request.params.id)),
  );

  app.post<{ Params: { id: string } }>(
    '/admin/secretariado/documentos/:id',
    withUpload(admin, upload),
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const values = formValues(request.body, documentFields);
      const file = uploadedFile(request.body, 'file');
      const reason = sourceProblem({ file, url: trimmed(values.url) }, false);
      return submitForm(request, reply, {
        messages: documentForms,
        values,
        parsed: withIssues(documentInput.safeParse(values), {
          after: documentIssues(reason ? [{ field: 'url', reason }] : []),
        }),
        invalid: (form, status) => documentPage(request, reply, id, { form, status }),
        submit: async (data) => {
          const saved = await updateSecretariatDocument(db, id, { ...data, file }, { actor: actorOf(request) });
          return `/admin/secretariado/${saved.recordId}?aviso=documento-editado#documents-heading`;
        },
        rejected: (error) => documentFailure(request, error, values),
      });
    },
  );

  app.get<{ Params: { id: string } }>('/admin/secretariado/documentos/:id/borrar', admin, async (request, reply) => {
    const document = await getSecretariatDocument(db, uuidParam(request.params.id));
    const context = await contextOf(document.secretariatId);
    return sendPage(request, reply, deps, {
      title: request.t('secretariat.documentRemoval.title', { title: document.title }),
      body: <DocumentRemovalPage context={context} document={document} />,
    });
  });

  app.post<{ Params: { id: string } }>('/admin/secretariado/documentos/:id/borrar', admin, async (request, reply) => {
    const { secretariatId } = await deleteSecretariatDocument(db, uuidParam(request.params.id), {
      actor: actorOf(request),
    });
    return reply.redirect(`/admin/secretariado/${secretariatId}?aviso=documento-borrado#documents-heading`, 303);
  });
}
