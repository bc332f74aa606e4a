import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { moderatorRoles } from '../policy.js';
import { problems, proposals } from '../schema.js';
import { problemToAnswer, proposalInput, type ProposalInput } from './submit-proposal.js';

/**
 * Staff edit a proposal's problem, title or text (a table's wording tidied, a typo, the right problem). Every change
 * is logged with what it was before, so the proposal's public history shows each version. A hidden proposal is not
 * edited; nothing changed logs nothing.
 */
export async function editProposal(
  db: Db,
  proposalId: string,
  input: ProposalInput,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const values = proposalInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for('update');
    if (!before) throw notFound('proposal');
    if (before.hiddenAt !== null) throw new AppError('conflict', 'hidden proposal', { reason: 'proposalHidden' });
    const [current] = await tx
      .select({ number: problems.number })
      .from(problems)
      .where(eq(problems.id, before.problemId));
    // Its own problem may have moved on (e.g. prioritised); only a change of problem must find an open one.
    const problemId =
      current?.number === values.problemNumber
        ? before.problemId
        : (await problemToAnswer(tx, before.exerciseId, values.problemNumber)).id;
    const next = { problemId, title: values.title, description: values.description };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((field) => next[field] !== before[field]);
    if (changed.length === 0) return before;
    const [after] = await tx
      .update(proposals)
      .set({ ...next, updatedAt: options.now })
      .where(eq(proposals.id, proposalId))
      .returning();
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'proposal',
      recordId: proposalId,
      action: 'update',
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, next[field]])),
      occurredAt: options.now,
    });
    return after!;
  });
}
