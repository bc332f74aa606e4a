import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, isSystemActor, type ActingParty } from '../../../kernel/actor.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { redactRecordFields } from '../../audit/redact-change.js';
import { hideProblemInput } from '../hide-problem.js';
import { moderatorRoles } from '../policy.js';
import { proposals } from '../schema.js';

/**
 * A moderator hides a proposal with a public reason, as a problem is hidden: never deleted, its address says it was
 * hidden and why, its text leaves the lists, the datasets and the public log. Hiding it again changes nothing.
 */
export async function hideProposal(
  db: Db,
  proposalId: string,
  input: { reason: string },
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const { reason } = hideProblemInput.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for('update');
    if (!before) throw notFound('proposal');
    if (before.hiddenAt !== null) return before;
    const [after] = await tx
      .update(proposals)
      .set({
        hiddenAt: options.now,
        hiddenReason: reason,
        hiddenBy: isSystemActor(options.actor) ? null : options.actor.userId,
      })
      .where(eq(proposals.id, proposalId))
      .returning();
    const actor = changeActorOf(options.actor);
    await appendChange(tx, {
      actor,
      recordType: 'proposal',
      recordId: proposalId,
      action: 'update',
      before: { isHidden: false, hiddenReason: null },
      after: { isHidden: true, hiddenReason: reason },
      occurredAt: options.now,
    });
    await redactRecordFields(tx, {
      recordType: 'proposal',
      recordId: proposalId,
      fields: ['title', 'description'],
      reason: `Propuesta oculta: ${reason}`,
      actor,
    });
    return after!;
  });
}
