import type { Db } from '../../db/client.js';
import type { Actor } from '../../kernel/actor.js';
import type { FileAccessCheck } from '../../kernel/file-access.js';

/**
 * Whether a file may be served, and how: public when any public record points to it; private (never stored by a
 * shared cache) when a record the person may see points to it; otherwise not at all. A file no record points to any
 * more (replaced draft minutes, evidence of a deleted activity) is served to nobody.
 */
export async function decideFileAccess(
  db: Db,
  fileId: string,
  actor: Actor | undefined,
  checks: readonly FileAccessCheck[],
): Promise<'public' | 'private' | 'none'> {
  const answers = await Promise.all(checks.map((check) => check(db, fileId, actor)));
  if (answers.includes('public')) return 'public';
  if (answers.includes('allowed')) return 'private';
  return 'none';
}
