import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import type { WriteOptions } from '../core/plan-actor.js';
import { transitionCommitment } from './transition-commitment.js';

export const agreementInput = z.object({
  agreementId: z.uuid('agreementId.invalid'),
  note: z.string().trim().max(2000).optional(),
});

/** Approves a proposed commitment, citing the Secretariat agreement that approved it. */
export async function approveCommitment(
  db: Db,
  commitmentId: string,
  input: z.input<typeof agreementInput>,
  options: WriteOptions,
) {
  const { agreementId, note } = agreementInput.parse(input);
  return transitionCommitment(
    db,
    commitmentId,
    'approved',
    { approvalAgreementId: agreementId, statusNote: note ?? null },
    options,
  );
}
