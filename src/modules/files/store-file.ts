import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { storedFiles } from './schema.js';
import { checkArchive } from './archive-check.js';
import { MAX_FILE_BYTES, safeFileName, sniffType } from './sniff.js';

/** Office documents are ZIP archives: checked for decompression bombs before they are stored. */
const isArchive = (content: Buffer) => content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/**
 * Stores an uploaded file in the database after checking its content: an accepted type (sniffed), at most 10 MB, and
 * for an office document (a ZIP) what it expands to (archive-check.ts). Refusals are `validation` errors with
 * `details.reason` 'fileType', 'fileEmpty', 'fileSize' or 'fileArchive' (a decompression bomb).
 */
export async function storeFile(db: Db, input: { content: Buffer; originalName: string; uploadedBy: string | null }) {
  if (input.content.length === 0) throw new AppError('validation', 'empty file', { reason: 'fileEmpty' });
  if (input.content.length > MAX_FILE_BYTES) throw new AppError('validation', 'file too large', { reason: 'fileSize' });
  const mimeType = sniffType(input.content);
  if (!mimeType) throw new AppError('validation', 'file type not accepted', { reason: 'fileType' });
  if (isArchive(input.content)) {
    const verdict = await checkArchive(input.content);
    if (verdict === 'bomb') throw new AppError('validation', 'archive expands too much', { reason: 'fileArchive' });
    if (verdict === 'unreadable') throw new AppError('validation', 'unreadable archive', { reason: 'fileType' });
  }
  const [row] = await db
    .insert(storedFiles)
    .values({
      content: input.content,
      mimeType,
      size: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      originalName: safeFileName(input.originalName, mimeType),
      uploadedBy: input.uploadedBy,
    })
    .returning({
      id: storedFiles.id,
      mimeType: storedFiles.mimeType,
      size: storedFiles.size,
      sha256: storedFiles.sha256,
      originalName: storedFiles.originalName,
    });
  return row!;
}
