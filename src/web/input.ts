import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';

/*
 * Text from the request, normalised once at the edge (a preValidation hook, before any route reads it): form
 * fields, the query string and the route's parameters. PostgreSQL cannot store a NUL character, and nobody types
 * one: a request that carries one is refused with a 400 page naming the field. Other control characters (C0 but
 * tab, line feed and carriage return; DEL) are dropped; lone surrogates become U+FFFD; text is put in Unicode NFC, so
 * "José" typed two ways is one name.
 */

// eslint-disable-next-line no-control-regex
const DROPPED_CONTROLS = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One text value as the portal keeps it (see above); `undefined` when it holds a NUL character. */
export function normaliseText(value: string): string | undefined {
  if (value.includes('\u0000')) return undefined;
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(DROPPED_CONTROLS, '').normalize('NFC');
}

/** The forms the portal accepts: a browser's form (urlencoded or multipart), never JSON, text or XML. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** A parsed form, query or parameters: a plain object, or one of the null-prototype kind the parsers build. */
const isPlainRecord = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
};

/** A copy of `value` with every string normalised; throws the 400 naming `field` when one holds a NUL character. */
function normaliseValue(value: unknown, field: string): unknown {
  if (typeof value === 'string') {
    const text = normaliseText(value);
    if (text === undefined)
      throw new AppError('bad_request', 'a NUL character in the request', {
        field: normaliseText(field.replaceAll('\u0000', '')) ?? '',
        reason: 'nul',
      });
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => normaliseValue(item, field));
  if (isPlainRecord(value)) {
    const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) {
      // `__proto__` and friends arrive as own keys of null-prototype objects; nothing in the portal reads them.
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      const cleanKey = normaliseValue(key, key) as string;
      copy[cleanKey] = normaliseValue(item, cleanKey);
    }
    return copy;
  }
  // Uploaded files ({ filename, content }), numbers, booleans: the file's name is text, its content is not.
  if (
    typeof value === 'object' &&
    value !== null &&
    'filename' in value &&
    typeof (value as { filename: unknown }).filename === 'string'
  ) {
    const file = value as { filename: string };
    return { ...file, filename: normaliseValue(file.filename, field) };
  }
  return value;
}

/**
 * A form's fields as the portal keeps them (see normaliseText), for a body read after the edge: a multipart form is
 * read only once the route's checks passed (files/guards.ts). Throws the 400 naming the field for a NUL character.
 */
export const normaliseForm = (fields: Record<string, unknown>): unknown => normaliseValue(fields, 'form');

/** True when a state-changing request carries a body that is not a browser's form. */
export function hasUnsupportedBody(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  const length = Number(request.headers['content-length'] ?? 0);
  const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
  if (type === undefined) return hasBody;
  const mediaType = type.split(';')[0]!.trim().toLowerCase();
  return !FORM_TYPES.has(mediaType);
}

/** Requests whose body was read before the edge's hook (a multipart form is read later, by the form hook). */
const bodyRead = new WeakSet<FastifyRequest>();

/**
 * True for an error of a multipart body that could not be read (a missing or wrong boundary, a truncated part):
 * busboy throws these without a status, and they are the sender's fault, not the portal's.
 */
export function isMalformedMultipart(error: unknown, request: FastifyRequest): boolean {
  if (bodyRead.has(request) || !request.isMultipart()) return false;
  if ((error as { statusCode?: unknown }).statusCode !== undefined) return false;
  return /multipart|boundary|part/i.test(error instanceof Error ? error.message : '');
}

/**
 * Registers the edge of the portal's input: a request with a body other than a form is refused with 415 before the
 * body is read; form fields, the query string and the parameters are normalised (NUL refused with 400).
 */
export function registerInputNormalisation(app: FastifyInstance): void {
  // Only forms are parsed: no JSON or text parser behind the 415 either.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addHook('preParsing', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && hasUnsupportedBody(request))
      throw new AppError(
        'unsupported_media_type',
        `unsupported content type: ${String(request.headers['content-type']).slice(0, 80)}`,
      );
  });
  app.addHook('preValidation', async (request) => {
    bodyRead.add(request);
    request.params = normaliseValue(request.params, 'url');
    request.query = normaliseValue(request.query, 'url');
    if (request.body !== undefined && request.body !== null) request.body = normaliseValue(request.body, 'form');
  });
}
