import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { storedFiles } from '../files/read-models.js';
import { storeFile } from '../files/store-file.js';

/** A file as a form sent it: the name the browser gave and its bytes. An empty file input sends neither. */
export interface FileUpload {
  filename: string;
  content: Buffer;
}

/** What a page shows of a stored file (never its bytes): the download path comes from the id and name. */
export const fileColumns = {
  id: storedFiles.id,
  originalName: storedFiles.originalName,
  mimeType: storedFiles.mimeType,
  size: storedFiles.size,
};
export interface FileSummary {
  id: string;
  originalName: string;
  mimeType: string;
  size: number;
}

/** Whether a form's file field carries a file. A chosen but empty file counts, so that it is refused as empty. */
export const isChosen = (file: FileUpload | undefined): file is FileUpload =>
  Boolean(file && (file.filename !== '' || file.content.length > 0));

/**
 * What is wrong with a document given as an uploaded file or a link: `both` when it has both, `missing` when it has
 * neither and is required, else undefined.
 */
export function sourceProblem(
  source: { file?: FileUpload | undefined; url?: string | undefined },
  isRequired: boolean,
): 'missing' | 'both' | undefined {
  const hasFile = isChosen(source.file);
  if (hasFile && source.url) return 'both';
  if (!hasFile && !source.url && isRequired) return 'missing';
  return undefined;
}

/** What the change log keeps of a stored file: enough to prove which file was published (not its bytes). */
export interface FileFacts {
  name: string;
  type: string;
  size: number;
  sha256: string;
}
const factsOf = (file: { originalName: string; mimeType: string; size: number; sha256: string }): FileFacts => ({
  name: file.originalName,
  type: file.mimeType,
  size: file.size,
  sha256: file.sha256,
});

/**
 * Stores an uploaded document inside `tx` (checked by content: type, not empty, at most 10 MB). A refused file is a
 * `validation` error whose details name the reason ('fileType', 'fileEmpty', 'fileSize') and the form `field`.
 */
export async function storeDocumentFile(
  tx: Db,
  file: FileUpload,
  options: { field: string; uploadedBy: string | null },
) {
  try {
    const stored = await storeFile(tx, {
      content: file.content,
      originalName: file.filename,
      uploadedBy: options.uploadedBy,
    });
    return { id: stored.id, facts: factsOf(stored) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation')
      throw new AppError('validation', error.message, { ...error.details, field: options.field });
    throw error;
  }
}

/** The change-log facts of a stored file by its id. */
export async function fileFactsOf(tx: Db, fileId: string): Promise<FileFacts> {
  const [row] = await tx
    .select({
      originalName: storedFiles.originalName,
      mimeType: storedFiles.mimeType,
      size: storedFiles.size,
      sha256: storedFiles.sha256,
    })
    .from(storedFiles)
    .where(eq(storedFiles.id, fileId));
  if (!row) throw new AppError('not_found', 'file not found');
  return factsOf(row);
}
