import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { AppError } from '../../shared/errors.js';
import { normaliseForm } from '../../web/input.js';
import { assertFormToken, isStateChanging } from '../accounts/guards.js';
import type { UploadedFile } from './routes.js';
import { MAX_FILE_BYTES } from './sniff.js';

/**
 * What a route that takes files declares (`config.upload`, see `withUpload`): its file fields, and a check of its
 * own (who may add to this very record) run before any byte of a file is read.
 */
export interface UploadRule {
  /** The names of the form's file fields. */
  files: readonly string[];
  /** Refuses (throws) when this person may not upload here; it runs after the access and form-token checks. */
  check?: (request: FastifyRequest) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    upload?: UploadRule;
  }
}

/** A route's options (its access, say) with the files its form takes: `withUpload(access.roles('admin'), {...})`. */
export const withUpload = <Options extends { config: object }>(options: Options, upload: UploadRule) => ({
  ...options,
  config: { ...options.config, upload },
});

/** Limits of every multipart form: fields as a form has them; files only where a route declares them. */
const limits = (rule: UploadRule | undefined) => ({
  fields: 40,
  fieldSize: 64 * 1024,
  parts: 100,
  // At least one, so that an undeclared file reaches us (and is refused) instead of being read and dropped.
  files: Math.max(1, rule?.files.length ?? 0),
  // A file larger than the limit is cut at the limit + 1 byte: the use case then says "too large" in the form.
  fileSize: MAX_FILE_BYTES + 1,
});

/** The bytes of an uploaded file's stream (at most the limit + 1, see `limits`). */
async function readFile(part: MultipartFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Errors of a body that cannot be read as multipart (a wrong boundary, a truncated part) are the sender's: 400. */
const asRequestError = (error: unknown) =>
  error instanceof AppError || (error as { statusCode?: unknown }).statusCode !== undefined
    ? error
    : new AppError('bad_request', `unreadable multipart body: ${(error as Error).message}`);

/**
 * Reads a multipart form as the route's checks allow: its fields first; at the first file (or the end), the form
 * token and the route's own check; then only the files the route declares, each into memory up to the limit. A
 * refused upload is answered before its bytes are read, and the connection is closed rather than drained.
 */
async function readMultipartForm(request: FastifyRequest, reply: FastifyReply): Promise<Record<string, unknown>> {
  const rule = request.routeOptions.config.upload;
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const add = (name: string, value: unknown) => {
    const existing = fields[name];
    fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  let checked = false;
  const check = async () => {
    if (checked) return;
    assertFormToken(request, fields);
    await rule?.check?.(request);
    checked = true;
  };
  try {
    for await (const part of request.parts({ limits: limits(rule) })) {
      if (part.type === 'field') {
        add(part.fieldname, (part as MultipartValue).value);
        continue;
      }
      await check();
      if (!rule?.files.includes(part.fieldname))
        throw new AppError('bad_request', `this form takes no file "${part.fieldname.slice(0, 40)}"`);
      add(part.fieldname, { filename: part.filename, content: await readFile(part) } satisfies UploadedFile);
    }
    await check();
  } catch (error) {
    // The rest of the body is not read: the connection closes after the answer instead of waiting for it.
    reply.header('connection', 'close');
    throw asRequestError(error);
  }
  return fields;
}

/**
 * The form hook (a preHandler added after the route's access check): a state-changing request must send the
 * visitor's form token back. A multipart form is read here, not before: so a large upload by someone the route
 * refuses, or without the token, is refused before its file is read or stored. Its fields are normalised as the
 * edge normalises every other form (web/input.ts).
 */
export async function checkForm(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isStateChanging(request)) return;
  if (!request.isMultipart()) {
    assertFormToken(request, request.body);
    return;
  }
  request.body = normaliseForm(await readMultipartForm(request, reply));
}
