import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../../kernel/actor.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { actionPlans, commitments } from '../../plan/read-models.js';
import { moderatorRoles } from '../policy.js';
import { commitmentOrigins, problems, proposals } from '../schema.js';

/** A problem or a proposal a commitment may come from. */
export interface OriginSubject {
  type: 'problem' | 'proposal';
  id: string;
}

export const commitmentNumberField = z.coerce
  .number('commitmentNumber.invalid')
  .int('commitmentNumber.invalid')
  .min(1, 'commitmentNumber.invalid')
  .max(100_000, 'commitmentNumber.invalid');
export const linkOriginInput = z.object({ commitmentNumber: commitmentNumberField });

const columnOf = (type: OriginSubject['type']) =>
  type === 'problem' ? commitmentOrigins.problemId : commitmentOrigins.proposalId;

/** The exercise of the problem or proposal, or not found. */
async function exerciseOf(tx: Db, subject: OriginSubject) {
  const table = subject.type === 'problem' ? problems : proposals;
  const [row] = await tx.select({ exerciseId: table.exerciseId }).from(table).where(eq(table.id, subject.id));
  if (!row) throw notFound(subject.type);
  return row.exerciseId;
}

/**
 * The commitment of the exercise's plan with that number, whatever its status (a commitment is linked to its origins
 * while it is still drafted in co-creation; the public pages show the link once it is public).
 */
async function commitmentOf(tx: Db, exerciseId: string, number: number) {
  const [row] = await tx
    .select({ id: commitments.id })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .where(and(eq(actionPlans.exerciseId, exerciseId), eq(commitments.number, number)));
  if (!row)
    throw new AppError('validation', 'no commitment with that number in the plan', {
      field: 'commitmentNumber',
      reason: 'commitmentNumber.invalid',
    });
  return row.id;
}

/**
 * Inside a transaction: records that the commitment with that number (of the same exercise's plan) came from the
 * problem or proposal. Changes no state of either; linking twice changes nothing. Logged (a public fact).
 */
export async function addOrigin(
  tx: Db,
  subject: OriginSubject,
  commitmentNumber: number,
  options: { actor: ActingParty; now: Date },
) {
  const commitmentId = await commitmentOf(tx, await exerciseOf(tx, subject), commitmentNumber);
  const [row] = await tx
    .insert(commitmentOrigins)
    .values({
      commitmentId,
      problemId: subject.type === 'problem' ? subject.id : null,
      proposalId: subject.type === 'proposal' ? subject.id : null,
      createdAt: options.now,
    })
    .onConflictDoNothing()
    .returning();
  if (row)
    await appendChange(tx, {
      actor: changeActorOf(options.actor),
      recordType: 'commitment_origin',
      recordId: row.id,
      action: 'create',
      after: { commitmentId, problemId: row.problemId, proposalId: row.proposalId },
      occurredAt: options.now,
    });
  return { commitmentId, isNew: row !== undefined };
}

/** Staff link a problem or a proposal to the commitment it became (by the commitment's number in the plan). */
export async function linkOrigin(
  db: Db,
  subject: OriginSubject,
  input: z.input<typeof linkOriginInput>,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const { commitmentNumber } = linkOriginInput.parse(input);
  return db.transaction((tx) => addOrigin(tx, subject, commitmentNumber, options));
}

/** Staff take back a link made by mistake; the log keeps that it existed. Unlinking what is not linked does nothing. */
export async function unlinkOrigin(
  db: Db,
  subject: OriginSubject,
  input: z.input<typeof linkOriginInput>,
  options: { actor: ActingParty; now: Date },
) {
  assertHoldsRole(options.actor, ...moderatorRoles);
  const { commitmentNumber } = linkOriginInput.parse(input);
  return db.transaction(async (tx) => {
    const commitmentId = await commitmentOf(tx, await exerciseOf(tx, subject), commitmentNumber);
    const [row] = await tx
      .delete(commitmentOrigins)
      .where(and(eq(commitmentOrigins.commitmentId, commitmentId), eq(columnOf(subject.type), subject.id)))
      .returning();
    if (row)
      await appendChange(tx, {
        actor: changeActorOf(options.actor),
        recordType: 'commitment_origin',
        recordId: row.id,
        action: 'delete',
        before: { commitmentId, problemId: row.problemId, proposalId: row.proposalId },
        occurredAt: options.now,
      });
    return { isRemoved: row !== undefined };
  });
}
