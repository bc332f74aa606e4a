import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { AppError, notFound } from '../../shared/errors.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { appendChange } from '../audit/append-change.js';
import { storedFiles } from '../files/read-models.js';
import { isChosen, sourceProblem, storeDocumentFile, type FileFacts, type FileUpload } from './document-files.js';
import { documentKinds, documents, secretariats } from './schema.js';

const optionalUrl = z
  .string()
  .trim()
  .max(2000, 'url.invalid')
  .refine((value) => value === '' || /^https?:\/\/\S+$/i.test(value), 'url.invalid')
  .optional()
  .transform((value) => (value ? value : undefined));

export const documentInput = z.object({
  kind: z.enum(documentKinds, 'kind.required'),
  title: z.string().trim().min(3, 'title.required').max(300, 'title.tooLong'),
  issuedOn: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(calendarDate('issuedOn.invalid').optional()),
  url: optionalUrl,
});
export type DocumentInput = z.input<typeof documentInput>;

/** What the change log keeps of a document: its fields and, for an uploaded file, its facts (never its bytes). */
const loggedDocument = (row: typeof documents.$inferSelect, file: FileFacts | null) => ({ ...row, file });

async function factsOf(tx: Db, fileId: string | null): Promise<FileFacts | null> {
  if (!fileId) return null;
  const [file] = await tx
    .select({
      name: storedFiles.originalName,
      type: storedFiles.mimeType,
      size: storedFiles.size,
      sha256: storedFiles.sha256,
    })
    .from(storedFiles)
    .where(eq(storedFiles.id, fileId));
  return file ?? null;
}

/** A document of a Secretariat, with the facts of its file, or not found. */
export async function getSecretariatDocument(db: Db, documentId: string) {
  const [row] = await db
    .select({
      document: documents,
      file: {
        id: storedFiles.id,
        originalName: storedFiles.originalName,
        mimeType: storedFiles.mimeType,
        size: storedFiles.size,
      },
    })
    .from(documents)
    .leftJoin(storedFiles, eq(storedFiles.id, documents.fileId))
    .where(and(eq(documents.id, documentId), eq(documents.recordType, 'secretariat')));
  if (!row) throw notFound('document');
  return { ...row.document, file: row.document.fileId ? row.file : null, secretariatId: row.document.recordId };
}
export type SecretariatDocument = Awaited<ReturnType<typeof getSecretariatDocument>>;

/** A document given as a file or a link, exactly one (`missing`, `both`: a `validation` error on the form's field). */
function checkSource(source: { file?: FileUpload | undefined; url?: string | undefined }, isRequired: boolean) {
  const reason = sourceProblem(source, isRequired);
  if (reason)
    throw new AppError('validation', 'a document needs a file or a link, exactly one', {
      reason,
      field: reason === 'missing' ? 'file' : 'url',
    });
}

/**
 * Adds a document to a Secretariat (its minutes book, a declaration, a report...): an uploaded file or a link, with
 * the change in the public history (the file's name, type, size and SHA-256).
 */
export async function addSecretariatDocument(
  db: Db,
  secretariatId: string,
  input: DocumentInput & { file?: FileUpload | undefined },
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = documentInput.parse(input);
  checkSource({ file: input.file, url: values.url }, true);
  return db.transaction(async (tx) => {
    const [secretariat] = await tx
      .select({ id: secretariats.id })
      .from(secretariats)
      .where(eq(secretariats.id, secretariatId));
    if (!secretariat) throw notFound('secretariat');
    const stored = values.url
      ? undefined
      : await storeDocumentFile(tx, input.file!, { field: 'file', uploadedBy: actor.id });
    const [row] = await tx
      .insert(documents)
      .values({
        kind: values.kind,
        title: values.title,
        issuedOn: values.issuedOn ?? null,
        recordType: 'secretariat',
        recordId: secretariatId,
        url: values.url ?? null,
        fileId: stored?.id ?? null,
      })
      .returning();
    await appendChange(tx, {
      actor,
      recordType: 'document',
      recordId: row!.id,
      action: 'create',
      after: loggedDocument(row!, stored?.facts ?? null),
    });
    return row!;
  });
}

/**
 * Corrects a document's kind, title or date, or replaces it: a new file or a new link (keeping the current one when
 * neither is given). The public history keeps the change, with the facts of the old and of the new file.
 */
export async function updateSecretariatDocument(
  db: Db,
  documentId: string,
  input: DocumentInput & { file?: FileUpload | undefined },
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = documentInput.parse(input);
  checkSource({ file: input.file, url: values.url }, false);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.recordType, 'secretariat')))
      .for('update');
    if (!before) throw notFound('document');
    const stored = isChosen(input.file)
      ? await storeDocumentFile(tx, input.file, { field: 'file', uploadedBy: actor.id })
      : undefined;
    const source = stored
      ? { fileId: stored.id, url: null }
      : values.url
        ? { fileId: null, url: values.url }
        : { fileId: before.fileId, url: before.url };
    const [after] = await tx
      .update(documents)
      .set({
        kind: values.kind,
        title: values.title,
        issuedOn: values.issuedOn ?? null,
        ...source,
        updatedAt: new Date(),
      })
      .where(eq(documents.id, documentId))
      .returning();
    await appendChange(tx, {
      actor,
      recordType: 'document',
      recordId: documentId,
      action: 'update',
      before: loggedDocument(before, await factsOf(tx, before.fileId)),
      after: loggedDocument(after!, stored?.facts ?? (await factsOf(tx, after!.fileId))),
    });
    return after!;
  });
}

/**
 * Deletes a document published by mistake: the public history keeps its entry (title, link or file facts); an uploaded
 * file stays stored, as every logged file does, so the history can still prove which one it was.
 */
export async function deleteSecretariatDocument(db: Db, documentId: string, options: { actor: ActingParty }) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.recordType, 'secretariat')))
      .for('update');
    if (!before) throw notFound('document');
    await tx.delete(documents).where(eq(documents.id, documentId));
    await appendChange(tx, {
      actor,
      recordType: 'document',
      recordId: documentId,
      action: 'delete',
      before: loggedDocument(before, await factsOf(tx, before.fileId)),
    });
    return { secretariatId: before.recordId };
  });
}
