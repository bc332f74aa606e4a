import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { changeActorOf, isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { canModerate } from './policy.js';
import { commentLogView } from './post-comment.js';
import { comments } from './schema.js';
import type { RecordCatalog } from '../../kernel/records.js';

export const hideCommentInput = z.object({
  reason: z.string().trim().min(3, 'reason.required').max(300, 'reason.tooLong'),
});

/**
 * A moderator (admin or facilitator) hides a comment with a public reason. The comment is kept, never deleted: the
 * public sees that it was hidden and why, and the moderation goes to the change log. Hiding it again changes nothing.
 */
export async function hideComment(
  db: Db,
  commentId: string,
  input: z.input<typeof hideCommentInput>,
  options: { actor: ActingParty; now: Date; records: RecordCatalog },
) {
  if (!isSystemActor(options.actor) && !canModerate(options.actor))
    throw new AppError('forbidden', 'only admins and facilitators moderate comments');
  const { reason } = hideCommentInput.parse(input);
  const result = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(comments).where(eq(comments.id, commentId)).for('update');
    if (!before) throw notFound('comment');
    if (before.status === 'hidden') return before;
    const [after] = await tx
      .update(comments)
      .set({
        status: 'hidden',
        hiddenReason: reason,
        hiddenBy: isSystemActor(options.actor) ? null : options.actor.userId,
        hiddenAt: options.now,
      })
      .where(eq(comments.id, commentId))
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'comment',
      recordId: commentId,
      action: 'update',
      before: commentLogView(before),
      after: commentLogView(after!),
    });
    return after!;
  });
  return { comment: result, target: await options.records.resolveTarget(db, result.targetType, result.targetId) };
}
