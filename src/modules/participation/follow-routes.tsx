import type { FastifyInstance } from 'fastify';
import { formString } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import { noticeQuery, parseQuery } from '../../web/params.js';
import { followTarget, getFollowByToken, listFollows, unfollowByToken, unfollowTarget } from './follows.js';
import { participationPaths } from './paths.js';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { FollowsPage, UnfollowLinkPage } from './views/pages.js';
import { backTo, type TargetParams } from './route-context.js';

/**
 * Follows of any participation target: following and unfollowing from the target's page (<FollowButton>), a
 * person's follows (/cuenta/seguimientos), and the one-click unfollow link of the e-mails.
 */
export function followRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, records } = deps;

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
