import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../shared/errors.js';
import { formString, submitForm, type FormMessages, emptyForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { idParams, noticeQuery, parseParams, parseQuery } from '../../web/params.js';
import { hitRateLimit } from '../accounts/hit-rate-limit.js';
import { followTarget, getFollowByToken, listFollows, unfollowByToken, unfollowTarget } from './follows.js';
import { hideComment, hideCommentInput } from './hide-comment.js';
import { listReportedComments } from './list-comments.js';
import { loadParticipation } from './load-participation.js';
import { participationPaths } from './paths.js';
import { commentInput, postComment } from './post-comment.js';
import { reportComment, reportCommentInput } from './report-comment.js';
import { comments } from './schema.js';
import { isUuid, type ResolvedTarget } from '../../kernel/records.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { CommentPage, FollowsPage, HideCommentPage, ReportedCommentsPage, UnfollowLinkPage } from './views/pages.js';

type TargetParams = { Params: { type: string; id: string } };

/** Comments a person may post in a window, and reports they may send (counted in the database, per person and address). */
const COMMENT_LIMIT = { max: 10, windowMinutes: 15 };
const REPORT_LIMIT = { max: 20, windowMinutes: 60 };

/** Where a form goes back to: the target's page with a notice, at the comments or at the follow button. */
const backTo = (target: ResolvedTarget, notice: string, anchor: 'comentarios' | 'seguir') =>
  `${target.path}?participacion=${notice}#${anchor}`;

const forms: FormMessages = { prefix: 'participation.error', fallback: 'participation.error.generic' };

/**
 * Comments, official responses, moderation and follows of any participation target (declared by each module's manifest: `records`). The forms
 * live on the targets' own pages (<CommentsSection>, <FollowButton>); these routes take their posts and redirect
 * back (303) with a notice, or show the form on a page of its own when something must be corrected.
 */
export function participationRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, records } = deps;
  const moderators = access.roles('admin', 'facilitator');

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

  // Follows.
  app.post<TargetParams>('/participacion/:type/:id/seguir', access.signedIn, async (request, reply) => {
    const target = await followTarget(db, records, actorOf(request).userId, {
      recordType: request.params.type,
      recordId: request.params.id,
    });
    return reply.redirect(backTo(target, 'siguiendo', 'seguir'), 303);
  });

  app.post<TargetParams>('/participacion/:type/:id/dejar-de-seguir', access.signedIn, async (request, reply) => {
    const ref = { recordType: request.params.type, recordId: request.params.id };
    await unfollowTarget(db, actorOf(request).userId, ref);
    const target = await records.resolveTarget(db, ref.recordType, ref.recordId);
    if (formString(request.body, 'volver') === participationPaths.follows || !target)
      return reply.redirect(`${participationPaths.follows}?aviso=sin-seguir`, 303);
    return reply.redirect(backTo(target, 'sin-seguir', 'seguir'), 303);
  });

  app.get<{ Querystring: { aviso?: string } }>('/cuenta/seguimientos', access.signedIn, async (request, reply) => {
    const followed = await listFollows(db, records, actorOf(request).userId);
    const frequency = request.accountSettings?.notificationFrequency ?? 'immediate';
    const notice =
      parseQuery(request, noticeQuery).aviso === 'sin-seguir'
        ? request.t('participation.unfollowLink.done')
        : undefined;
    return sendPage(request, reply, deps, {
      title: request.t('participation.follows.title'),
      body: <FollowsPage follows={followed} frequency={frequency} notice={notice} />,
    });
  });

  // The one-click link of the e-mails: works without signing in; the page asks before stopping the follow.
  app.get<{ Params: { token: string } }>('/seguimientos/baja/:token', access.public, async (request, reply) => {
    const found = await getFollowByToken(db, records, request.params.token);
    const state = found
      ? { kind: 'ask' as const, token: request.params.token, title: found.target?.title ?? '' }
      : { kind: 'invalid' as const };
    return sendPage(request, reply, deps, {
      status: found ? 200 : 404,
      title: request.t(found ? 'participation.unfollowLink.title' : 'participation.unfollowLink.invalidTitle'),
      body: <UnfollowLinkPage state={state} />,
    });
  });

  app.post<{ Params: { token: string } }>('/seguimientos/baja/:token', access.public, async (request, reply) => {
    const stopped = await unfollowByToken(db, request.params.token);
    return sendPage(request, reply, deps, {
      status: stopped ? 200 : 404,
      title: request.t(stopped ? 'participation.unfollowLink.doneTitle' : 'participation.unfollowLink.invalidTitle'),
      body: <UnfollowLinkPage state={stopped ? { kind: 'done' } : { kind: 'invalid' }} />,
    });
  });
}
