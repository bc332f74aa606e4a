import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { storedFiles } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored file with its bytes. */
export async function getFile(db: Db, id: string) {
  if (!UUID.test(id)) throw notFound('file');
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  if (!row) throw notFound('file');
  return row;
}

/** The public path of a stored file. */
export const filePath = (file: { id: string; originalName: string }) =>
  `/archivos/${file.id}/${encodeURIComponent(file.originalName)}`;
