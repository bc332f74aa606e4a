import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { Actor } from '../../kernel/actor.js';
import { publicActor } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { officialInstitutionIds } from './policy.js';
import { comments } from './schema.js';
import type { RecordCatalog, TargetRef } from '../../kernel/records.js';

export const COMMENT_MAX_LENGTH = 2000;

export const commentInput = z.object({
  body: z.string().trim().min(3, 'body.tooShort').max(COMMENT_MAX_LENGTH, 'body.tooLong'),
  /** Set to the institution's id to post an official response on its behalf. */
  officialInstitutionId: z.uuid().optional(),
});
export type CommentInput = z.input<typeof commentInput>;

/**
 * The public part of a comment as the change log keeps it: the text itself only as its SHA-256, so that hiding an
 * abusive comment does not leave its words in the permanent public log, while anyone holding the text can check it.
 */
export const commentLogView = (row: typeof comments.$inferSelect) => ({
  id: row.id,
  targetType: row.targetType,
  targetId: row.targetId,
  kind: row.kind,
  institutionId: row.institutionId,
  status: row.status,
  hiddenReason: row.hiddenReason,
  bodySha256: createHash('sha256').update(row.body).digest('hex'),
});

/**
 * A signed-in person comments on a public target, or a liaison answers officially for an institution that may answer
 * it (anyone else asking to answer officially is refused: forbidden). The comment and its change-log entry are
 * written together.
 */
export async function postComment(
  db: Db,
  target: TargetRef,
  input: CommentInput,
  options: { actor: Actor; records: RecordCatalog },
) {
  const values = commentInput.parse(input);
  const resolved = await options.records.resolveTarget(db, target.recordType, target.recordId);
  if (!resolved) throw notFound('comment target');
  if (
    values.officialInstitutionId &&
    !officialInstitutionIds(options.actor, resolved).includes(values.officialInstitutionId)
  ) {
    throw new AppError('forbidden', 'only a liaison of an answering institution may post an official response');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(comments)
      .values({
        targetType: resolved.recordType,
        targetId: resolved.recordId,
        authorId: options.actor.userId,
        kind: values.officialInstitutionId ? 'official_response' : 'comment',
        institutionId: values.officialInstitutionId ?? null,
        body: values.body,
      })
      .returning();
    await appendChange(tx, {
      actor: publicActor(options.actor),
      recordType: 'comment',
      recordId: row!.id,
      action: 'create',
      after: commentLogView(row!),
    });
    return { comment: row!, target: resolved };
  });
}
