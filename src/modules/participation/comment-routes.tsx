import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../shared/errors.js';
import { formString, submitForm, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { idParams, parseParams } from '../../web/params.js';
import { hitRateLimit } from '../accounts/hit-rate-limit.js';
import { loadParticipation } from './load-participation.js';
import { commentInput, postComment } from './post-comment.js';
import { reportComment, reportCommentInput } from './report-comment.js';
import { isUuid, type ResolvedTarget } from '../../kernel/records.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { CommentPage } from './views/pages.js';
import { backTo, forms, type TargetParams } from './route-context.js';

/**
 * Comments a person may post in a window, and reports they may send (counted in the database, per person and address).
 */
const COMMENT_LIMIT = { max: 10, windowMinutes: 15 };
const REPORT_LIMIT = { max: 20, windowMinutes: 60 };

/**
 * Comments and official responses on any participation target (declared by each module's manifest: `records`), and
 * reports of a comment. The forms live on the targets' own pages (<CommentsSection>); these routes take their posts
 * and redirect back (303) with a notice, or show the form on a page of its own when something must be corrected.
 */
export function commentRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, records } = deps;

  const limit = (name: string, rule: { max: number; windowMinutes: number }) => async (request: FastifyRequest) => {
    if (!request.actor) return;
    const { hits, ttlMs } = await hitRateLimit(
      db,
      [`${name}:user:${request.actor.userId}`, `${name}:ip:${request.ip}`],
      rule.windowMinutes * 60_000,
      deps.now(),
    );
    if (hits > rule.max) throw new AppError('rate_limited', 'too many attempts', { retryAfterMs: ttlMs });
  };

  const targetOf = async (request: FastifyRequest<TargetParams>) => {
    const target = await records.resolveTarget(db, request.params.type, request.params.id);
    if (!target) throw notFound('participation target');
    return target;
  };

  const commentPage = async (
    request: FastifyRequest<TargetParams>,
    reply: FastifyReply,
    target: ResolvedTarget,
    form: FormState,
    status = 200,
  ) => {
    const panel = await loadParticipation(db, records, target, request.actor);
    if (!panel) throw notFound('participation target');
    return sendPage(request, reply, deps, {
      status,
      title: request.t('participation.form.pageTitle', { title: target.title }),
      body: <CommentPage target={target} viewer={panel.viewer} form={form} />,
    });
  };

  app.get<TargetParams>('/participacion/:type/:id/comentar', access.signedIn, async (request, reply) =>
    commentPage(request, reply, await targetOf(request), emptyForm()),
  );

  app.post<TargetParams>(
    '/participacion/:type/:id/comentarios',
    { ...access.signedIn, preHandler: limit('comment', COMMENT_LIMIT) },
    async (request, reply) => {
      const target = await targetOf(request);
      const values = { body: formString(request.body, 'body'), as: formString(request.body, 'as') };
      const official = values.as && values.as !== 'person' ? values.as : undefined;
      if (official && !isUuid(official))
        throw new AppError('forbidden', 'not an institution this person may answer for');
      return submitForm(request, reply, {
        messages: { ...forms, idFor: (field) => (field === 'body' ? 'comment-body' : field) },
        values,
        parsed: commentInput.safeParse({ body: values.body, officialInstitutionId: official }),
        invalid: (form, status) => commentPage(request, reply, target, form, status),
        submit: async (data) => {
          await postComment(db, target, data, { actor: actorOf(request), records });
          return backTo(target, official ? 'respondido' : 'comentado', 'comentarios');
        },
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/participacion/comentarios/:id/reportar',
    { ...access.signedIn, preHandler: limit('report', REPORT_LIMIT) },
    async (request, reply) => {
      const { id } = parseParams(request, idParams, 'comment');
      const parsed = reportCommentInput.safeParse({ reason: formString(request.body, 'reason') });
      // The reason is optional and only for the moderators: an over-long one is cut rather than refused.
      const { target } = await reportComment(
        db,
        id,
        parsed.success ? parsed.data : { reason: formString(request.body, 'reason').slice(0, 500) },
        { actor: actorOf(request), records },
      );
      if (!target) throw notFound('participation target');
      return reply.redirect(backTo(target, 'reportado', 'comentarios'), 303);
    },
  );
}
