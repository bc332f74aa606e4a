import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { AppError, notFound } from '../../shared/errors.js';
import { appendChange } from '../audit/append-change.js';
import { exercises } from '../exercises/schema.js';
import { problemPath } from './paths.js';
import { moderatorRoles } from './policy.js';
import { emailPeople } from './reasoned-decision.js';
import { problems, problemSupports, reasonedResponses } from './schema.js';

export const undoMergeInput = z.object({
  reason: z.string().trim().min(10, 'undoReason.required').max(1000, 'undoReason.tooLong'),
});

/**
 * Takes a merge back, with a public reason: the problem returns to the state it had before (admitted, or proposed if
 * it had no decision), it no longer points to the other problem, and both support counts are as before (no support
 * ever moved, support-count.ts). The merge's reasoned response is kept, withdrawn (when and why), so the record of
 * what happened stays; the problem's current answer is again the one before it. Logged; its supporters are told.
 */
export async function undoMerge(
  db: Db,
  problemId: string,
  input: z.input<typeof undoMergeInput>,
  options: { actor: ActingParty; now: Date; baseUrl: string; siteName: string },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const { reason } = undoMergeInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(problems).where(eq(problems.id, problemId)).for('update');
    if (!before) throw notFound('problem');
    if (before.status !== 'merged' || !before.mergedIntoId)
      throw new AppError('conflict', 'this problem is not merged', { reason: 'notMerged' });
    const current = and(
      eq(reasonedResponses.subjectType, 'problem'),
      eq(reasonedResponses.subjectId, problemId),
      isNull(reasonedResponses.withdrawnAt),
    );
    const [merge] = await tx
      .select({ id: reasonedResponses.id })
      .from(reasonedResponses)
      .where(and(current, eq(reasonedResponses.outcome, 'merged')))
      .orderBy(desc(reasonedResponses.decidedAt), desc(reasonedResponses.createdAt))
      .limit(1);
    if (merge)
      await tx
        .update(reasonedResponses)
        .set({ withdrawnAt: options.now, withdrawnReason: reason })
        .where(eq(reasonedResponses.id, merge.id));
    // The answer before the merge, if any: a problem can only be merged from proposed or admitted.
    const [previous] = await tx
      .select({ outcome: reasonedResponses.outcome })
      .from(reasonedResponses)
      .where(and(current, ne(reasonedResponses.outcome, 'merged')))
      .orderBy(desc(reasonedResponses.decidedAt), desc(reasonedResponses.createdAt))
      .limit(1);
    const status = previous?.outcome === 'admitted' ? 'admitted' : 'proposed';
    const [after] = await tx
      .update(problems)
      .set({ status, mergedIntoId: null })
      .where(eq(problems.id, problemId))
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'problem',
      recordId: problemId,
      action: 'update',
      before: { status: before.status, mergedIntoId: before.mergedIntoId },
      after: { status, mergedIntoId: null, mergeUndoneReason: reason },
      occurredAt: options.now,
    });
    const [into] = await tx
      .select({ number: problems.number })
      .from(problems)
      .where(eq(problems.id, before.mergedIntoId));
    const [exercise] = await tx
      .select({ slug: exercises.slug })
      .from(exercises)
      .where(eq(exercises.id, before.exerciseId));
    const supporters = await tx
      .select({ userId: problemSupports.userId })
      .from(problemSupports)
      .where(eq(problemSupports.problemId, problemId));
    await emailPeople(tx, [before.authorId, ...supporters.map((s) => s.userId)], {
      siteName: options.siteName,
      subject: (t) => t('cocreation.unmergeEmail.subject', { number: before.number }),
      paragraphs: (t) => [
        t('cocreation.unmergeEmail.body', { number: before.number, title: before.title, into: into?.number ?? 0 }),
        reason,
        t('cocreation.email.see', {
          url: new URL(problemPath(exercise!.slug, before.number), options.baseUrl).toString(),
        }),
      ],
    });
    return after!;
  });
}
