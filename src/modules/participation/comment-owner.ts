import { eq } from 'drizzle-orm';
import { isUuid, type ChangeOwner } from '../../kernel/records.js';
import { comments } from './schema.js';

/** A comment, an official response or a moderation reaches the followers of the commented record. */
export const commentOwner: ChangeOwner = async (db, entry) => {
  const row = (entry.after ?? entry.before) as { targetType?: unknown; targetId?: unknown } | null;
  if (typeof row?.targetType === 'string' && typeof row.targetId === 'string')
    return { recordType: row.targetType, recordId: row.targetId };
  if (!isUuid(entry.recordId)) return undefined;
  const [comment] = await db
    .select({ targetType: comments.targetType, targetId: comments.targetId })
    .from(comments)
    .where(eq(comments.id, entry.recordId));
  return comment ? { recordType: comment.targetType, recordId: comment.targetId } : undefined;
};
