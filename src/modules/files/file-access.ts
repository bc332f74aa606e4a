import type { Db } from '../../db/client.js';
import type { Actor } from '../accounts/actor.js';

/**
 * What a module says of a stored file it references: `public` (a public record points to it), `allowed` (a record
 * not public yet points to it, and this person may see that record), `denied` (not public, and this person may not).
 * `undefined`: the module does not reference the file.
 */
export type FileAccess = 'public' | 'allowed' | 'denied';
export type FileAccessCheck = (db: Db, fileId: string, actor: Actor | undefined) => Promise<FileAccess | undefined>;

/**
 * Whether a file may be served, and how: public when any public record points to it; private (never stored by a
 * shared cache) when a record the person may see points to it; otherwise not at all. A file no record points to any
 * more (replaced draft minutes, evidence of a deleted activity) is served to nobody.
 */
export async function decideFileAccess(db: Db, fileId: string, actor: Actor | undefined, checks: FileAccessCheck[]): Promise<'public' | 'private' | 'none'> {
  const answers = await Promise.all(checks.map((check) => check(db, fileId, actor)));
  if (answers.includes('public')) return 'public';
  if (answers.includes('allowed')) return 'private';
  return 'none';
}
