import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../kernel/actor.js';
import type { FileAccess } from '../../../kernel/file-access.js';
import { canModerateProblems } from '../policy.js';
import { problems, problemSupports } from '../schema.js';

/**
 * A stored file as the scan of a paper form (a problem's or a sheet of supports'): never public, whatever the problem
 * became, since it carries the resident's name, signature and contact; only the staff who capture and moderate see it.
 */
export async function paperScanAccess(
  db: Db,
  fileId: string,
  actor: Actor | undefined,
): Promise<FileAccess | undefined> {
  const [problem] = await db.select({ id: problems.id }).from(problems).where(eq(problems.scanFileId, fileId)).limit(1);
  const [support] = problem
    ? [problem]
    : await db
        .select({ id: problemSupports.id })
        .from(problemSupports)
        .where(eq(problemSupports.scanFileId, fileId))
        .limit(1);
  if (!support) return undefined;
  return canModerateProblems(actor) ? 'allowed' : 'denied';
}
