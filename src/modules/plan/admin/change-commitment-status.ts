import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import type { WriteOptions } from '../core/plan-actor.js';
import { transitionCommitment } from './transition-commitment.js';

/** The statuses reached without an agreement or a checklist (those have their own use cases). */
export const plainStatusChanges = [
  'draft',
  'cocreation',
  'in_implementation',
  'completed',
  'partially_completed',
  'cancelled',
  'evaluated',
] as const;

export const changeCommitmentStatusInput = z.object({
  status: z.enum(plainStatusChanges),
  note: z.string().trim().max(2000, 'note.tooLong').optional(),
});

/** Moves a commitment along its life cycle (e.g. into implementation, completed, cancelled with a note). */
export async function changeCommitmentStatus(
  db: Db,
  commitmentId: string,
  input: z.input<typeof changeCommitmentStatusInput>,
  options: WriteOptions,
) {
  const { status, note } = changeCommitmentStatusInput.parse(input);
  return transitionCommitment(db, commitmentId, status, { statusNote: note ?? null }, options);
}
