import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import type { Actor } from '../../kernel/actor.js';
import { commentReports, comments } from './schema.js';
import type { RecordCatalog } from '../../kernel/records.js';

export const reportCommentInput = z.object({
  reason: z.string().trim().max(500, 'reportReason.tooLong').optional(),
});

/** A signed-in person reports a comment to the moderators (once per person: reporting again changes nothing). */
export async function reportComment(
  db: Db,
  commentId: string,
  input: z.input<typeof reportCommentInput>,
  options: { actor: Actor; records: RecordCatalog },
) {
  const { reason } = reportCommentInput.parse(input);
  const [comment] = await db
    .select({ id: comments.id, targetType: comments.targetType, targetId: comments.targetId })
    .from(comments)
    .where(eq(comments.id, commentId));
  if (!comment) throw notFound('comment');
  await db
    .insert(commentReports)
    .values({ commentId, reporterId: options.actor.userId, reason: reason || null })
    .onConflictDoNothing();
  return { target: await options.records.resolveTarget(db, comment.targetType, comment.targetId) };
}
