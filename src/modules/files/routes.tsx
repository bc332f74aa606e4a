import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { formField } from '../../web/forms.js';
import { idParams, parseParams } from '../../web/params.js';
import { decideFileAccess } from './file-access.js';
import type { FileAccessCheck } from '../../kernel/file-access.js';
import { getFile } from './get-file.js';
import type { FastifyMultipartOptions } from '@fastify/multipart';
import { MAX_FILE_BYTES } from './sniff.js';
import { access } from '../../kernel/access.js';

/** An uploaded file as a route reads it from the body: its name as sent and its bytes (at most 10 MB + 1). */
export interface UploadedFile {
  filename: string;
  content: Buffer;
}

export const isUploadedFile = (value: unknown): value is UploadedFile =>
  typeof value === 'object' &&
  value !== null &&
  Buffer.isBuffer((value as UploadedFile).content) &&
  typeof (value as UploadedFile).filename === 'string';

/** A multipart form's file by its field name (an empty file input arrives with no name and no bytes). */
export const uploadedFile = (body: unknown, name: string): UploadedFile | undefined => {
  const value = formField(body, name);
  return isUploadedFile(value) ? { filename: value.filename, content: value.content } : undefined;
};

/**
 * Options of @fastify/multipart: it only recognises a multipart body; nothing reads it until the form hook
 * (guards.ts) has checked the route's access and the form's token. A file larger than the limit is cut at the
 * limit + 1 byte, so the use case can say "too large" in the form instead of the request failing.
 */
export const multipartOptions: FastifyMultipartOptions = {
  throwFileSizeLimit: false,
  limits: { fileSize: MAX_FILE_BYTES + 1, files: 1, fields: 40, fieldSize: 64 * 1024 },
};

/**
 * `/archivos/:id/:name`: a stored file, served with the type sniffed at upload only, `nosniff`, as an attachment
 * (so a browser never renders it as a page of this site), and a sandboxing CSP. Each module that stores files says
 * what it references (`fileAccessChecks`, wired in app.tsx; see file-access.ts): a file is public only while a public
 * record points to it (cached briefly, since a record can stop being public); a file of a record not public yet goes
 * only to those who may see that record, never stored by a shared cache; anyone else gets the not-found page.
 */
export function fileRoutes(app: FastifyInstance, deps: { db: Db; fileAccessChecks: readonly FileAccessCheck[] }) {
  app.get<{ Params: { id: string; name: string } }>('/archivos/:id/:name', access.public, async (request, reply) => {
    const file = await getFile(deps.db, parseParams(request, idParams, 'file').id);
    const access = await decideFileAccess(deps.db, file.id, request.actor, deps.fileAccessChecks);
    if (access === 'none') throw notFound('file');
    return reply
      .header('content-type', file.mimeType)
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename="${file.originalName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', access === 'private' ? 'private, no-store' : 'public, max-age=300')
      .header('etag', `"${file.sha256}"`)
      .send(file.content);
  });
}
