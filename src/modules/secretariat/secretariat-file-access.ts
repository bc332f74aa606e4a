import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../kernel/actor.js';
import type { FileAccess } from '../../kernel/file-access.js';
import { canSeeDraftMinutes } from './policy.js';
import { documents, secretariatSessions } from './schema.js';

/**
 * A stored file as a Secretariat record: a document (installation act, operating rules) is public; signed minutes
 * are public once approved, and before that only for those who may read draft minutes. Two queries at most.
 */
export async function secretariatFileAccess(
  db: Db,
  fileId: string,
  actor: Actor | undefined,
): Promise<FileAccess | undefined> {
  const [document] = await db.select({ id: documents.id }).from(documents).where(eq(documents.fileId, fileId)).limit(1);
  if (document) return 'public';
  const [session] = await db
    .select({ secretariatId: secretariatSessions.secretariatId, approvedAt: secretariatSessions.minutesApprovedAt })
    .from(secretariatSessions)
    .where(eq(secretariatSessions.minutesFileId, fileId))
    .limit(1);
  if (!session) return undefined;
  if (session.approvedAt) return 'public';
  return (await canSeeDraftMinutes(db, actor, session.secretariatId)) ? 'allowed' : 'denied';
}
