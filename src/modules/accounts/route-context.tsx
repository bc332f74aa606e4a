import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { publicBaseUrl } from '../../config.js';
import { AppError } from '../../shared/errors.js';
import { safeLocalPath } from '../../shared/safe-redirect.js';
import type { FormMessages } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { queryString } from '../../web/params.js';
import { rateLimit, signIn, type LimitRule } from './guards.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

type Deps = ModuleDeps;

/** What a sign-in form must look like before its password is checked (hashing is the expensive part). */
const signInInput = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) });
const emailOnly = z.object({ email: z.email('email.invalid').max(254, 'email.invalid') });
/** Changing the address asks for the current password (checked by the use case, after these cheap checks). */
const emailChange = emailOnly.extend({ password: z.string().min(1, 'password.wrong').max(200, 'password.wrong') });

/** A use case's refusal of the current password, shown next to the field. */
const passwordRefusal = (error: unknown) =>
  error instanceof AppError && error.code === 'validation' && error.details?.field === 'password'
    ? [{ path: ['password'], message: String(error.details.reason) }]
    : undefined;

/** Only paths on this site, so a crafted link cannot send people to another site after signing in. */
const safeNext = (value: string | undefined) => safeLocalPath(value, '/cuenta');

const forms: FormMessages = { prefix: 'accounts.error', fallback: 'error.badRequest.body' };
const signInQuery = z.object({ siguiente: queryString });
const usersQuery = z.object({ invitado: queryString, aviso: queryString });

/** What the accounts' route files share: the database, e-mailed links, rate limits, starting a session, a page. */
export function accountsRouteContext(deps: Deps) {
  const { db, config } = deps;
  // Links in e-mails point to the configured address, never to the Host a request names.
  const linkOptions = () => ({ baseUrl: publicBaseUrl(config), siteName: config.SITE_NAME });

  const limit = (name: string, rule: LimitRule) => rateLimit(deps, name, rule);

  const startSession = (reply: FastifyReply, userId: string) => signIn(reply, deps, userId);

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    title: MessageKey,
    body: preact.ComponentChildren,
    status = 200,
  ) => sendPage(request, reply, deps, { title: request.t(title), body, status });

  return { db, config, linkOptions, limit, startSession, page };
}

export { emailChange, emailOnly, forms, passwordRefusal, safeNext, signInInput, signInQuery, usersQuery, type Deps };
