import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, isSystemActor, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { exercises } from '../../exercises/schema.js';
import { getPhaseWindow, localDate, windowState } from '../diagnosis-window.js';
import { isConfirmedPerson, moderatorRoles } from '../policy.js';
import { problems, proposals, type ProblemStatus } from '../schema.js';
import { proposalLogView } from './proposal-log.js';

export const PROPOSAL_TITLE_MAX = 160;
export const PROPOSAL_DESCRIPTION_MAX = 6000;

/** The problems a proposal may answer: those admitted to the diagnosis, prioritised or not yet. */
export const problemsOpenToProposals: readonly ProblemStatus[] = ['admitted', 'prioritized'];

const problemNumber = z.coerce
  .number('problemNumber.invalid')
  .int('problemNumber.invalid')
  .min(1, 'problemNumber.invalid')
  .max(1_000_000, 'problemNumber.invalid');

/** What a proposal says: the problem it answers (by its number), a title and the proposal itself. */
export const proposalInput = z.object({
  problemNumber,
  title: z.string().trim().min(5, 'title.required').max(PROPOSAL_TITLE_MAX, 'title.tooLong'),
  description: z
    .string()
    .trim()
    .min(20, 'proposalDescription.tooShort')
    .max(PROPOSAL_DESCRIPTION_MAX, 'description.tooLong'),
});
export type ProposalInput = z.input<typeof proposalInput>;

/** The visible problem of the exercise a proposal answers, refused on its field unless it is open to proposals. */
export async function problemToAnswer(tx: Db, exerciseId: string, number: number) {
  const [problem] = await tx
    .select({ id: problems.id, status: problems.status, hiddenAt: problems.hiddenAt })
    .from(problems)
    .where(and(eq(problems.exerciseId, exerciseId), eq(problems.number, number)));
  if (!problem || problem.hiddenAt !== null || !problemsOpenToProposals.includes(problem.status))
    throw new AppError('validation', 'no admitted problem with that number', {
      field: 'problemNumber',
      reason: 'problemNumber.invalid',
    });
  return problem;
}

/**
 * A proposed solution to an admitted problem of the exercise. Two ways in:
 * - `as: 'author'`: a person with a confirmed account, while the exercise's co-creation phase is open (the date of
 *   `now` in the portal's zone); they are its author (never shown) and hear of its decision.
 * - `as: 'recorder'`: staff (or the portal itself) record one that came from a co-creation table or on paper, at any
 *   time; channel in_person, no author, `recordedBy` keeps who typed it in.
 */
export async function submitProposal(
  db: Db,
  exerciseId: string,
  input: ProposalInput,
  options: { actor: ActingParty; as: 'author' | 'recorder'; now: Date; timeZone: string },
) {
  const { actor } = options;
  if (options.as === 'recorder') assertHoldsRole(actor, ...moderatorRoles);
  else if (isSystemActor(actor) || !isConfirmedPerson(actor))
    throw new AppError('forbidden', 'confirm your e-mail address first', { reason: 'unconfirmed' });
  const values = proposalInput.parse(input);
  return db.transaction(async (tx) => {
    const [exercise] = await tx
      .select({ id: exercises.id })
      .from(exercises)
      .where(eq(exercises.id, exerciseId))
      .for('update');
    if (!exercise) throw notFound('exercise');
    if (options.as === 'author') {
      const state = windowState(
        await getPhaseWindow(tx, exerciseId, 'cocreation'),
        localDate(options.now, options.timeZone),
      );
      if (state !== 'open') throw new AppError('conflict', `co-creation is ${state}`, { reason: 'cocreationClosed' });
    }
    const problem = await problemToAnswer(tx, exerciseId, values.problemNumber);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${proposals.number}), 0) + 1` })
      .from(proposals)
      .where(eq(proposals.exerciseId, exerciseId))) as [{ next: number }];
    const person = isSystemActor(actor) ? null : actor.userId;
    const [proposal] = await tx
      .insert(proposals)
      .values({
        exerciseId,
        number: Number(next),
        problemId: problem.id,
        title: values.title,
        description: values.description,
        channel: options.as === 'author' ? 'online' : 'in_person',
        authorId: options.as === 'author' ? person : null,
        recordedBy: options.as === 'recorder' ? person : null,
        createdAt: options.now,
        updatedAt: options.now,
      })
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(actor),
      recordType: 'proposal',
      recordId: proposal!.id,
      action: 'create',
      after: proposalLogView(proposal!),
      occurredAt: options.now,
    });
    return proposal!;
  });
}
