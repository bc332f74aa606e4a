import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';
import { signInPath } from '../shared/safe-redirect.js';
import type { Actor, StaffRole } from './actor.js';

/**
 * Who may use a route: anyone (`public`), anyone signed in (`signed-in`), or people holding one of the roles.
 * Every route declares it (`{ config: { access } }`); a route without it stops the portal at start-up.
 */
export type RouteAccess = 'public' | 'signed-in' | { roles: readonly StaffRole[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The signed-in person, if any (loaded from the session cookie by the accounts module). */
    actor: Actor | undefined;
  }
}

/** Route options declaring who may use the route; spread other options beside it. */
export const access = {
  public: { config: { access: 'public' as RouteAccess } },
  signedIn: { config: { access: 'signed-in' as RouteAccess } },
  roles: (...roles: StaffRole[]) => ({ config: { access: { roles } as RouteAccess } }),
};

/** A registered route and what it declared: the role-matrix test walks this list. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app with its declared access, in registration order. */
    declaredRoutes: DeclaredRoute[];
  }
}

/** Routes added by plugins that cannot take route options: the hashed static assets, public by nature. */
const pluginPublicPrefixes = ['/static/'];

/**
 * Deny by default, for real: a route registered without `config.access` throws, so the app does not start. Call it
 * before any route or plugin registers routes; then add `checkRouteAccess` as a preHandler hook once the session is
 * loaded (and the CSRF token checked).
 */
export function requireDeclaredAccess(app: FastifyInstance): void {
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let routeAccess = route.config?.access;
    if (!routeAccess && pluginPublicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      routeAccess = 'public';
      route.config = { ...route.config, access: routeAccess };
    }
    if (!routeAccess)
      throw new Error(
        `Route ${methods.join(',')} ${route.url} declares no access: add { config: { access } } (see src/kernel/access.ts)`,
      );
    for (const method of methods) declared.push({ method, url: route.url, access: routeAccess });
  });
}

/**
 * Checks every request against its route's declaration before the route's own handlers run. Signed-out visitors of
 * a protected route go to the sign-in page and come back; the wrong role gets the 403 page.
 */
export async function checkRouteAccess(
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  // The not-found page answers any URL that matched no route: it has nothing to protect.
  if (request.is404) return undefined;
  const routeAccess = request.routeOptions.config.access;
  if (routeAccess === 'public') return undefined;
  if (!request.actor) return redirectToSignIn(request, reply);
  if (routeAccess === 'signed-in') return undefined;
  if (!routeAccess || !request.actor.roles.some((assignment) => routeAccess.roles.includes(assignment.role))) {
    throw new AppError(
      'forbidden',
      routeAccess ? `requires one of: ${routeAccess.roles.join(', ')}` : 'route declares no access',
    );
  }
  return undefined;
}

/** Signed-out visitors go to the sign-in page and come back afterwards. */
function redirectToSignIn(request: FastifyRequest, reply: FastifyReply) {
  return reply.redirect(signInPath(request.url), 303);
}

/**
 * The signed-in person of a route that requires one. Fails closed: on a route where nobody is signed in it throws
 * instead of handing a use case an empty actor (so a route declared `public` by mistake cannot write as nobody).
 */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('forbidden', 'this action needs a signed-in person');
  return request.actor;
}
