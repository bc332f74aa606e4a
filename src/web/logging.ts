import type { FastifyRequest } from 'fastify';

/*
 * What the logs may carry: never personal data or secrets. Request lines carry the method and the path with its
 * tokens redacted (e-mailed links, `?token=`); errors carry their type, SQLSTATE and constraint, and the query text
 * with its placeholders, never the bound values (drizzle's "params: …", PostgreSQL's `detail` such as
 * "Key (email)=(ana@example.mx) already exists", or a value quoted in the message).
 */

const REDACTED = '[redacted]';

/** Paths whose last segment is a secret e-mailed to someone. */
const TOKEN_PATHS =
  /^(\/(?:recuperar|confirmar|entrar\/enlace|sumate\/confirmar|cuenta\/correo|seguimientos\/baja))\/[^/?#]+/;
/**
 * A long opaque run anywhere in the URL (the token of a route added later, or one inside an encoded `siguiente`):
 * 32 or more URL-safe characters with at least one capital letter. Slugs and record ids are lower-case.
 */
const OPAQUE_RUN = /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*[A-Z])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;
/** Query parameters that carry secrets. */
const SECRET_QUERY = /([?&](?:token|t|codigo|code|key|sid|csrf|_csrf|password)=)[^&#]*/gi;

/** The URL as a log may show it. */
export function redactUrl(url: string): string {
  return url
    .replace(TOKEN_PATHS, `$1/${REDACTED}`)
    .replace(OPAQUE_RUN, REDACTED)
    .replace(SECRET_QUERY, `$1${REDACTED}`)
    .slice(0, 2048);
}

/** Fields of a database error that name the failure without holding the data. */
const SAFE_ERROR_FIELDS = [
  'code',
  'statusCode',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
  'hint',
] as const;

const isDatabaseError = (error: Error & { code?: unknown; query?: unknown }) =>
  typeof error.query === 'string' ||
  (typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)) ||
  error.constructor.name === 'DatabaseError';

/**
 * An error's message without the values it may quote: drizzle's "params: …" and, from the database, quoted literals.
 */
function scrubMessage(message: string, fromDatabase: boolean): string {
  const withoutParams = message.replace(/\nparams: [\s\S]*$/, `\nparams: ${REDACTED}`);
  if (!fromDatabase) return withoutParams;
  // Keep quoted identifiers (relation "users", constraint "users_email_unique"); anything else may be a value.
  return withoutParams
    .replace(/"([^"]*)"/g, (whole, inner: string) => (/^[a-z_][a-z0-9_.]{0,62}$/.test(inner) ? whole : `"${REDACTED}"`))
    .replace(/\(([^()]*)\)=\(([^()]*)\)/g, `($1)=(${REDACTED})`);
}

/** pino's `err`: type, message, stack and cause, and for a database error its code and constraint, never its values. */
export interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: REDACTED, stack: '' };
  const fromDatabase = isDatabaseError(error) || (error.cause instanceof Error && isDatabaseError(error.cause));
  const message = scrubMessage(error.message, fromDatabase);
  const stack = error.stack ? scrubMessage(error.stack.replace(error.message, message), fromDatabase) : '';
  const serialized: SerializedError = { type: error.constructor.name || error.name, message, stack };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of SAFE_ERROR_FIELDS)
    if (typeof fields[field] === 'string' || typeof fields[field] === 'number') serialized[field] = fields[field];
  if (typeof fields.query === 'string') serialized.query = fields.query.slice(0, 4000);
  if (error.cause !== undefined && depth < 3) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

/** The request as each log line shows it: method and redacted path; no address, no headers, no cookies. */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: redactUrl(request.url) };
}

/** The logger's serializers (Fastify's own request and error logs, and every `{ err }` the portal logs). */
export const logSerializers = { req: serializeRequest, err: serializeError };
