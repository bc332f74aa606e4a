import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { redactPerson, type PersonalDataDeclaration, type PersonalDataSubject } from '../../kernel/personal-data.js';
import { appendChange, SYSTEM_ACTOR_LABEL } from '../audit/append-change.js';
import { commentLogView } from './post-comment.js';
import { commentReports, comments, followDigests, followableChanges, follows } from './schema.js';

/**
 * The person's comments stay in their conversations, shown as written from a cancelled account, with their e-mail,
 * phone and name taken out of the text; their reports keep counting for the moderators without their words; their
 * follows and digest bookkeeping go.
 */
async function anonymiseParticipation(tx: Db, subject: PersonalDataSubject, { now }: { now: Date }) {
  const written = await tx.select().from(comments).where(eq(comments.authorId, subject.userId));
  for (const comment of written) {
    const body = redactPerson(comment.body, subject);
    if (body === comment.body) continue;
    const [after] = await tx.update(comments).set({ body }).where(eq(comments.id, comment.id)).returning();
    // The log keeps a comment's text only as its fingerprint: the new one, with the identifiers taken out.
    await appendChange(tx, {
      actor: { id: null, label: SYSTEM_ACTOR_LABEL },
      recordType: 'comment',
      recordId: comment.id,
      action: 'update',
      before: commentLogView(comment),
      after: commentLogView(after!),
      occurredAt: now,
    });
  }
  await tx.update(commentReports).set({ reason: null }).where(eq(commentReports.reporterId, subject.userId));
  await tx.delete(follows).where(eq(follows.userId, subject.userId));
  await tx.delete(followDigests).where(eq(followDigests.userId, subject.userId));
}

/** Participation: comments (written, or hidden as a moderator), reports, follows and the followers' bookkeeping. */
export const participationPersonalData: PersonalDataDeclaration = {
  tables: [
    { table: comments, byUser: [comments.authorId, comments.hiddenBy] },
    { table: commentReports, byUser: [commentReports.reporterId] },
    { table: follows, byUser: [follows.userId], omit: [follows.unfollowToken] },
    { table: followDigests, byUser: [followDigests.userId] },
    // The change-log entries of the person's own public writes, as the followers' job copied them (a role label).
    { table: followableChanges, byUser: [followableChanges.actorId] },
  ],
  anonymise: anonymiseParticipation,
};
