import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { moderatorRoles } from '../policy.js';
import { priorityCriteria, problems, problemScores } from '../schema.js';
import { prioritisationOf } from './criteria.js';

/** A score from 0 to 5. */
export const SCORE_MAX = 5;
const score = z.coerce
  .number('score.invalid')
  .int('score.invalid')
  .min(0, 'score.invalid')
  .max(SCORE_MAX, 'score.invalid');

/** The scores of one problem: by criterion position. */
export const scoreProblemInput = z.object({ scores: z.record(z.string().regex(/^[0-9]{1,3}$/), score) });

/**
 * Staff record the scores of one admitted problem on the published criteria (a score per criterion, 0-5), until the
 * Secretariat selects. Scoring again replaces a score; each change is logged, so the ranking can be checked.
 */
export async function scoreProblem(
  db: Db,
  exerciseId: string,
  problemNumber: number,
  input: z.input<typeof scoreProblemInput>,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const { scores } = scoreProblemInput.parse(input);
  return db.transaction(async (tx) => {
    const prioritisation = await prioritisationOf(tx, exerciseId);
    if (prioritisation.publishedAt === null)
      throw new AppError('conflict', 'criteria not published', { reason: 'criteriaNotPublished' });
    if (prioritisation.selectedAt !== null)
      throw new AppError('conflict', 'the selection is made', { reason: 'selectionMade' });
    const [problem] = await tx
      .select({ id: problems.id, status: problems.status, hiddenAt: problems.hiddenAt })
      .from(problems)
      .where(and(eq(problems.exerciseId, exerciseId), eq(problems.number, problemNumber)));
    if (!problem || problem.status !== 'admitted' || problem.hiddenAt !== null)
      throw new AppError('conflict', 'only admitted problems are scored', { reason: 'notScorable' });
    const criteria = await tx
      .select({ id: priorityCriteria.id, position: priorityCriteria.position })
      .from(priorityCriteria)
      .where(eq(priorityCriteria.exerciseId, exerciseId));
    const actor = changeActorOf(options.actor);
    for (const criterion of criteria) {
      const value = scores[String(criterion.position)];
      if (value === undefined) continue;
      const [before] = await tx
        .select()
        .from(problemScores)
        .where(and(eq(problemScores.problemId, problem.id), eq(problemScores.criterionId, criterion.id)));
      if (before?.score === value) continue;
      const [row] = before
        ? await tx
            .update(problemScores)
            .set({ score: value, updatedAt: options.now })
            .where(eq(problemScores.id, before.id))
            .returning()
        : await tx
            .insert(problemScores)
            .values({
              problemId: problem.id,
              criterionId: criterion.id,
              score: value,
              createdAt: options.now,
              updatedAt: options.now,
            })
            .returning();
      await appendChange(tx, {
        actor,
        recordType: 'problem_score',
        recordId: row!.id,
        action: before ? 'update' : 'create',
        before: before ? { score: before.score } : null,
        after: { problemId: problem.id, criterionId: criterion.id, score: value },
        occurredAt: options.now,
      });
    }
  });
}
