import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { appendChange } from '../../audit/append-change.js';
import { commitmentFields, type CommitmentFields } from './commitment-fields.js';
import { conflict, ensure, logActor, type WriteOptions } from '../core/plan-actor.js';
import { canManagePlan } from '../core/policy.js';
import { recomputeCommitment } from '../core/recompute-progress.js';
import { linksForLog, saveCommitmentLinks } from './save-commitment-links.js';
import { commitmentMunicipalities, commitmentPartners, commitments, type CommitmentStatus } from '../schema.js';

/** Statuses in which the template's fields may be edited: before approval, or under a modification agreement. */
export const editableStatuses: readonly CommitmentStatus[] = ['draft', 'cocreation', 'proposed', 'under_modification'];

/** Rewrites a commitment's template fields (not its status). An approved commitment changes only under modification. */
export async function updateCommitment(db: Db, commitmentId: string, input: CommitmentFields, options: WriteOptions) {
  ensure(options.actor, canManagePlan, 'update a commitment');
  const { municipalities, partners, ...values } = commitmentFields.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(commitments).where(eq(commitments.id, commitmentId));
    if (!before) throw notFound('commitment');
    if (!editableStatuses.includes(before.status)) throw conflict('notEditable');
    const oldMunicipalities = await tx
      .select({ cvegeo: commitmentMunicipalities.cvegeo })
      .from(commitmentMunicipalities)
      .where(eq(commitmentMunicipalities.commitmentId, commitmentId));
    const oldPartners = await tx
      .select()
      .from(commitmentPartners)
      .where(eq(commitmentPartners.commitmentId, commitmentId))
      .orderBy(commitmentPartners.position);
    const [after] = await tx.update(commitments).set(values).where(eq(commitments.id, commitmentId)).returning();
    await saveCommitmentLinks(tx, commitmentId, { municipalities, partners });
    await appendChange(tx, {
      actor: logActor(options.actor),
      recordType: 'commitment',
      recordId: commitmentId,
      action: 'update',
      before: {
        ...before,
        ...linksForLog({ municipalities: oldMunicipalities.map((m) => m.cvegeo), partners: oldPartners }),
      },
      after: { ...after, ...linksForLog({ municipalities, partners }) },
      occurredAt: options.now,
    });
    await recomputeCommitment(tx, commitmentId, options.now);
    return after!;
  });
}
