import type { Db } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import { missingSmart } from './commitment-fields.js';
import type { WriteOptions } from '../core/plan-actor.js';
import { transitionCommitment } from './transition-commitment.js';

/**
 * Proposes a commitment to the Secretariat for approval. Refused (validation, `details.missing`) unless it is ticked
 * and justified as specific, achievable, measurable and transformative: the call's explicit test.
 */
export async function proposeCommitment(db: Db, commitmentId: string, options: WriteOptions) {
  return transitionCommitment(db, commitmentId, 'proposed', {}, options, (row) => {
    const missing = missingSmart(row.smart);
    if (missing.length)
      throw new AppError('validation', 'SMART checklist incomplete', { reason: 'smartIncomplete', missing });
  });
}
