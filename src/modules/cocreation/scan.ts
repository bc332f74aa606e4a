import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { storeFile } from '../files/store-file.js';
import { MAX_FILE_BYTES, sniffType } from '../files/sniff.js';

/** A scanned paper form as a route hands it over: its name as sent and its bytes. */
export interface PaperScan {
  filename: string;
  content: Buffer;
}

/** What a scan of a paper form may be: a PDF or a photograph (JPEG, PNG), recognised by its content. */
const scanTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/**
 * Refuses a scan that is missing, empty, too large (the files' limit, 10 MB) or not a PDF, JPEG or PNG by its
 * content: a `validation` error on the field `scan`, before anything is written.
 */
export function checkScan(scan: PaperScan | undefined): PaperScan {
  const refuse = (reason: string) => new AppError('validation', `scan: ${reason}`, { field: 'scan', reason });
  if (!scan || scan.content.length === 0) throw refuse('scan.required');
  if (scan.content.length > MAX_FILE_BYTES) throw refuse('scan.tooLarge');
  const type = sniffType(scan.content);
  if (!type || !(scanTypes as readonly string[]).includes(type)) throw refuse('scan.type');
  return scan;
}

/**
 * Stores a checked scan with the portal's other files. Its name is the portal's own (`name`), never the one sent: a
 * scan's file name often carries the resident's name.
 */
export async function storeScan(tx: Db, scan: PaperScan, options: { name: string; capturedBy: string | null }) {
  const stored = await storeFile(tx, {
    content: checkScan(scan).content,
    originalName: options.name,
    uploadedBy: options.capturedBy,
  });
  return stored.id;
}
