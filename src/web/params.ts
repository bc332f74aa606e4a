import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../shared/errors.js';
import type { MessageKey } from './i18n/i18n.js';

/* Route parameters and query strings, checked with zod at the edge. */

/** A record's id in a URL. */
export const uuidParam = z.uuid();
/** An exercise's slug in a URL: lower-case words joined by single hyphens. */
export const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
/** `{ id }`, the most common parameters. */
export const idParams = z.object({ id: uuidParam });
/** `{ slug }`, an exercise's pages. */
export const slugParams = z.object({ slug: slugParam });

/** A query value sent once (a repeated `?a=1&a=2` arrives as a list and counts as absent). */
export const queryString = z.string().optional().catch(undefined);
/** A `?pagina=` value as a page number: 1 for anything that is not a whole number from 1 to 100 000. */
export const pageQuery = z.coerce.number().int().min(1).max(100_000).catch(1);
/** One of `values`, else `fallback` (an unknown or missing value is not an error). */
export const oneOfQuery = <const V extends readonly [string, ...string[]]>(values: V, fallback: V[number]) =>
  z.enum(values).catch(fallback);
/** The name of a notice shown after a redirect (`?aviso=`). */
export const noticeQuery = z.object({ aviso: queryString });

/** The route's parameters, or the not-found page (a malformed id names nothing). */
export function parseParams<S extends z.ZodType>(request: FastifyRequest, schema: S, what = 'page'): z.output<S> {
  const parsed = schema.safeParse(request.params);
  if (!parsed.success) throw notFound(what);
  return parsed.data;
}

/** One id taken from the route's parameters, or the not-found page. */
export function requireId(id: string, what = 'page'): string {
  if (!uuidParam.safeParse(id).success) throw notFound(what);
  return id;
}

/** The query string; schemas with `.catch()` never fail, anything else that does not parse is a bad request. */
export function parseQuery<S extends z.ZodType>(request: FastifyRequest, schema: S): z.output<S> {
  const parsed = schema.safeParse(request.query ?? {});
  if (!parsed.success) throw new AppError('bad_request', 'malformed query string');
  return parsed.data;
}

/** The notice a redirect asked for (`?aviso=name`), from the route's table of notices. */
export function noticeKey<N extends string>(
  request: FastifyRequest,
  notices: Readonly<Record<N, MessageKey>>,
): MessageKey | undefined {
  const name = parseQuery(request, noticeQuery).aviso;
  const isListed = (value: string): value is N => Object.hasOwn(notices, value);
  return name !== undefined && isListed(name) ? notices[name] : undefined;
}
