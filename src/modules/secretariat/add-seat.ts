import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { institutions } from '../directory/schema.js';
import { seatProblem } from './composition.js';
import { seatKinds, secretariats, secretariatSeats } from './schema.js';

export const addSeatInput = z.object({
  kind: z.enum(seatKinds, 'kind.required'),
  institutionId: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.uuid('institutionId.required').optional()),
  label: z
    .string()
    .trim()
    .max(200, 'label.tooLong')
    .optional()
    .transform((value) => (value ? value : undefined)),
});
export type AddSeatInput = z.input<typeof addSeatInput>;

/**
 * Adds a seat to the Secretariat, enforcing its composition (composition.ts): a refused seat throws a conflict
 * whose `reason` names the rule (e.g. `secondGuarantor`).
 */
export async function addSeat(db: Db, secretariatId: string, input: AddSeatInput, options: { actor: ActingParty }) {
  assertHoldsRole(options.actor, 'admin');
  const actor = changeActorOf(options.actor);
  const values = addSeatInput.parse(input);
  return db.transaction(async (tx) => {
    const [secretariat] = await tx
      .select({ id: secretariats.id })
      .from(secretariats)
      .where(eq(secretariats.id, secretariatId))
      .for('update');
    if (!secretariat) throw notFound('secretariat');
    const existing = await tx
      .select({ kind: secretariatSeats.kind, institutionId: secretariatSeats.institutionId })
      .from(secretariatSeats)
      .where(eq(secretariatSeats.secretariatId, secretariatId));
    const [institution] = values.institutionId
      ? await tx.select({ kind: institutions.kind }).from(institutions).where(eq(institutions.id, values.institutionId))
      : [];
    if (values.institutionId && !institution)
      throw new AppError('conflict', 'unknown institution', { reason: 'institutionRequired' });
    const problem = seatProblem(
      existing,
      { kind: values.kind, institutionId: values.institutionId ?? null },
      institution?.kind,
    );
    if (problem) throw new AppError('conflict', `seat refused: ${problem}`, { reason: problem });
    const [last] = await tx
      .select({ n: max(secretariatSeats.position) })
      .from(secretariatSeats)
      .where(eq(secretariatSeats.secretariatId, secretariatId));
    const [row] = await tx
      .insert(secretariatSeats)
      .values({
        secretariatId,
        kind: values.kind,
        institutionId: values.institutionId ?? null,
        label: values.label ?? null,
        position: (last?.n ?? 0) + 1,
      })
      .returning();
    await appendChange(tx, { actor, recordType: 'secretariat_seat', recordId: row!.id, action: 'create', after: row });
    return row!;
  });
}
