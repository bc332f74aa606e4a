import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { agreementInput } from './approve-commitment.js';
import type { WriteOptions } from '../core/plan-actor.js';
import { transitionCommitment } from './transition-commitment.js';

/**
 * Opens a modification of an approved commitment, citing the Secretariat agreement that allowed it; its fields become
 * editable.
 */
export async function modifyCommitment(
  db: Db,
  commitmentId: string,
  input: z.input<typeof agreementInput>,
  options: WriteOptions,
) {
  const { agreementId, note } = agreementInput.parse(input);
  return transitionCommitment(
    db,
    commitmentId,
    'under_modification',
    { modificationAgreementId: agreementId, statusNote: note ?? null },
    options,
  );
}
