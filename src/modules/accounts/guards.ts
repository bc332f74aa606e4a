import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { loadSession, type LoadedSession } from './load-session.js';
import { hashToken, normalizeEmail, randomToken, safeEqual } from './secrets.js';
import { forgetAttempts, recordAttempt, waitBeforeAttempt, type BackoffRule } from './attempt-backoff.js';
import { hitRateLimit } from './hit-rate-limit.js';
import { createSession } from './create-session.js';
import type { SessionCache } from './session-cache.js';

export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person's own settings (loaded with the session), if any. */
    accountSettings: LoadedSession['settings'] | undefined;
    /** The token every state-changing form must send back in `_csrf`. */
    csrfToken: string;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Requests whose visitor had no form token yet: it is handed out with the first page that has a form. */
const newCsrfTokens = new WeakSet<FastifyRequest>();

export const cookieOptions = (config: Config) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.PUBLIC_URL?.startsWith('https://') ?? false,
});

/**
 * Loads the session behind the `sid` cookie into `request.actor` and gives every visitor a CSRF token (the session's
 * once signed in, a cookie's before). Checking that a state-changing form sends it back is `assertFormToken`'s, run
 * by the form hook (files/guards.ts) after the route's access check and, for a multipart form, before any file.
 */
export function registerSessionHooks(
  app: FastifyInstance,
  deps: {
    db: Db;
    config: Config;
    now: () => Date;
    sessionCache?: SessionCache;
    /** A visitor who just wrote something: their session is looked up afresh (web/fresh-reads.ts). */
    readsFresh?: (request: FastifyRequest) => boolean;
  },
) {
  const policy = { idleHours: deps.config.SESSION_IDLE_HOURS, maxDays: deps.config.SESSION_MAX_DAYS };
  app.decorateRequest('actor', undefined);
  app.decorateRequest('accountSettings', undefined);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/static/') || request.url === '/healthz' || request.url === '/readyz') return;
    const token = request.cookies[SESSION_COOKIE];
    const now = deps.now();
    // Reading pages may reuse a recent lookup (see SessionCache); anything that changes state looks the session up.
    const cache =
      unsafeMethods.has(request.method) || deps.readsFresh?.(request) === true ? undefined : deps.sessionCache;
    const session = !token
      ? undefined
      : cache
        ? await cache.load(token, now, () => loadSession(deps.db, token, policy, now))
        : await loadSession(deps.db, token, policy, now);
    if (token && !session) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    request.actor = session?.actor;
    request.accountSettings = session?.settings;
    if (session) {
      request.csrfToken = session.csrfToken;
      return;
    }
    const existing = request.cookies[CSRF_COOKIE];
    request.csrfToken = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : randomToken();
    if (request.csrfToken !== existing) newCsrfTokens.add(request);
  });

  // The cookie is only set on pages that carry a form, so public pages stay free of cookies (and cacheable).
  app.addHook('onSend', async (request, reply, payload) => {
    // A form may have ended a session or changed a role: this process forgets at once, others when notified.
    if (unsafeMethods.has(request.method)) deps.sessionCache?.invalidate();
    // What a signed-in person sees is theirs: no shared cache may keep it, nor the browser once they leave the page.
    if (request.actor && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
    const hasForm = typeof payload === 'string' && payload.includes(`name="${CSRF_FIELD}"`);
    if (newCsrfTokens.has(request) && hasForm)
      reply.setCookie(CSRF_COOKIE, request.csrfToken, cookieOptions(deps.config));
    if (!reply.hasHeader('cache-control') && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      // Anonymous pages say so explicitly: any cache may keep a public page but must ask again each time (the render
      // cache answers 304 to its ETag, so a write shows at once); a page with a form holds this visitor's token.
      reply.header(
        'cache-control',
        hasForm || reply.hasHeader('set-cookie') ? 'private, no-cache' : 'public, no-cache',
      );
    }
    return payload;
  });
}

/** Whether the request changes state (and so must send the form's token back). */
export const isStateChanging = (request: FastifyRequest) => unsafeMethods.has(request.method);

/**
 * Refuses (403, "the form expired") a state-changing request whose form fields (`fields`: the parsed body, or the
 * fields of a multipart form read so far) do not carry the visitor's CSRF token in `_csrf` (or the X-CSRF-Token
 * header).
 */
export function assertFormToken(request: FastifyRequest, fields: unknown): void {
  const body = fields as Record<string, unknown> | undefined;
  const field = body?.[CSRF_FIELD];
  const sent = typeof field === 'string' ? field : request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
    throw new AppError('csrf', 'missing or wrong CSRF token');
  }
}

/** The rule of a rate limit: per client address, and per account named in the form. */
export interface LimitRule {
  /** Every request from one client address in a fixed window: a hard limit (the address is the sender's own). */
  perAddress: { max: number; windowMinutes: number };
  /**
   * Requests naming one account (the form's e-mail, or `keyOf`), with back-off rather than a lock: `every` request
   * counts (each sends an e-mail or checks a password), or only the `failures` the route records (sign-in).
   */
  perAccount?: BackoffRule & { counts: 'every' | 'failures'; keyOf?: (request: FastifyRequest) => string | undefined };
}

/** Password sign-in: after 5 wrong passwords for one address, a wait doubling from 2 seconds to at most 1 minute. */
export const SIGN_IN_BACKOFF = {
  free: 5,
  firstDelaySeconds: 2,
  maxDelaySeconds: 60,
  forgetAfterMinutes: 60,
  counts: 'failures',
} as const;
/** Forms that e-mail a link to an address: 4 e-mails, then a wait doubling from 1 to at most 5 minutes. */
export const EMAIL_BACKOFF = {
  free: 4,
  firstDelaySeconds: 60,
  maxDelaySeconds: 300,
  forgetAfterMinutes: 60,
  counts: 'every',
} as const;

const formEmail = (request: FastifyRequest) => {
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?.email === 'string' ? normalizeEmail(body.email).slice(0, 254) || undefined : undefined;
};
/** The counter of one account: the address is kept only as its hash. */
const accountKey = (name: string, request: FastifyRequest, rule: NonNullable<LimitRule['perAccount']>) => {
  const account = (rule.keyOf ?? formEmail)(request);
  return account ? `${name}:account:${hashToken(account)}` : undefined;
};

/**
 * A rate limit counted in the database (shared by every process): more than `perAddress.max` requests from one
 * client address in the window, or an attempt on an account still in its back-off, gets the 429 page saying when
 * to try again. It runs before the route's handler, so a refused request costs no password hashing. The client
 * address is the socket's peer unless TRUST_PROXY names the proxies in front, so a header cannot choose it.
 */
export function rateLimit(deps: { db: Db; now: () => Date }, name: string, rule: LimitRule) {
  return async (request: FastifyRequest): Promise<void> => {
    const now = deps.now();
    const { hits, ttlMs } = await hitRateLimit(
      deps.db,
      `${name}:ip:${request.ip}`,
      rule.perAddress.windowMinutes * 60_000,
      now,
    );
    if (hits > rule.perAddress.max) throw new AppError('rate_limited', 'too many attempts', { retryAfterMs: ttlMs });
    const account = rule.perAccount;
    const key = account && accountKey(name, request, account);
    if (!account || !key) return;
    const wait = await waitBeforeAttempt(deps.db, key, account, now);
    if (wait > 0) throw new AppError('rate_limited', 'too many attempts on this account', { retryAfterMs: wait });
    if (account.counts === 'every') await recordAttempt(deps.db, key, account, now);
  };
}

/** For a limit that counts failures: the route records a failed attempt, or forgets them all after a success. */
export function accountAttempts(deps: { db: Db; now: () => Date }, name: string, rule: LimitRule) {
  const keyOf = (request: FastifyRequest) => (rule.perAccount ? accountKey(name, request, rule.perAccount) : undefined);
  return {
    async failed(request: FastifyRequest) {
      const key = keyOf(request);
      if (key && rule.perAccount) await recordAttempt(deps.db, key, rule.perAccount, deps.now());
    },
    async succeeded(request: FastifyRequest) {
      const key = keyOf(request);
      if (key) await forgetAttempts(deps.db, key);
    },
  };
}

/** Signs a person in: a fresh session (never reusing a token from before) in the `sid` cookie. */
export async function signIn(
  reply: FastifyReply,
  deps: { db: Db; config: Config; now: () => Date },
  userId: string,
): Promise<void> {
  const { token } = await createSession(
    deps.db,
    userId,
    { idleHours: deps.config.SESSION_IDLE_HOURS, maxDays: deps.config.SESSION_MAX_DAYS },
    deps.now(),
  );
  reply.setCookie(SESSION_COOKIE, token, {
    ...cookieOptions(deps.config),
    maxAge: deps.config.SESSION_MAX_DAYS * 86_400,
  });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
