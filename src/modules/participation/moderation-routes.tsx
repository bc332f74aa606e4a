import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../shared/errors.js';
import { formString, submitForm, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { idParams, parseParams } from '../../web/params.js';
import { hideComment, hideCommentInput } from './hide-comment.js';
import { listReportedComments } from './list-comments.js';
import { comments } from './schema.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { HideCommentPage, ReportedCommentsPage } from './views/pages.js';
import { backTo, forms } from './route-context.js';

/**
 * Moderation of comments by admins and the facilitator: hiding a comment with a reason (never deleting it), and the
 * queue of reported comments (/admin/comentarios).
 */
export function moderationRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, records } = deps;
  const moderators = access.roles('admin', 'facilitator');

  const hidePage = async (request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const { id } = parseParams(request, idParams, 'comment');
    const [comment] = await db.select().from(comments).where(eq(comments.id, id));
    if (!comment) throw notFound('comment');
    const target = await records.resolveTarget(db, comment.targetType, comment.targetId);
    return sendPage(request, reply, deps, {
      status,
      title: request.t('participation.moderate.pageTitle'),
      body: <HideCommentPage commentId={comment.id} body={comment.body} target={target} form={form} />,
    });
  };

  app.get<{ Params: { id: string } }>('/participacion/comentarios/:id/ocultar', moderators, (request, reply) =>
    hidePage(request, reply, emptyForm()),
  );

  app.post<{ Params: { id: string } }>('/participacion/comentarios/:id/ocultar', moderators, async (request, reply) => {
    const { id } = parseParams(request, idParams, 'comment');
    const values = { reason: formString(request.body, 'reason') };
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: hideCommentInput.safeParse(values),
      invalid: (form, status) => hidePage(request, reply, form, status),
      submit: async (data) => {
        const { target } = await hideComment(db, id, data, { actor: actorOf(request), now: deps.now(), records });
        return target ? backTo(target, 'oculto', 'comentarios') : '/admin/comentarios';
      },
    });
  });

  app.get('/admin/comentarios', moderators, async (request, reply) => {
    const reported = await listReportedComments(db);
    const rows = await Promise.all(
      reported.map(async (row) => {
        const target = await records.resolveTarget(db, row.targetType, row.targetId);
        return {
          id: row.id,
          body: row.body,
          authorName: row.authorName,
          reports: Number(row.reports),
          href: target ? `${target.path}#comentario-${row.id}` : undefined,
        };
      }),
    );
    return sendPage(request, reply, deps, {
      title: request.t('participation.moderate.queueTitle'),
      body: <ReportedCommentsPage rows={rows} />,
    });
  });
}
