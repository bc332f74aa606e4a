import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { institutionKinds, institutions } from './schema.js';

export const createInstitutionInput = z.object({
  name: z.string().trim().min(2, 'name.required').max(300, 'name.tooLong'),
  acronym: z.string().trim().max(40, 'acronym.tooLong').optional(),
  kind: z.enum(institutionKinds, 'kind.required'),
  isGovernment: z.boolean(),
  municipalityCvegeo: z
    .string()
    .regex(/^\d{5}$/, 'municipality.invalid')
    .optional(),
  // Shown as a link on public pages: only web addresses (a javascript: or data: URL would run in the page).
  website: z.url({ protocol: /^https?$/, error: 'website.invalid' }).optional(),
  contactEmail: z.email('email.invalid').optional(),
});
export type CreateInstitutionInput = z.input<typeof createInstitutionInput>;

export async function createInstitution(db: Db, input: CreateInstitutionInput, actor: ActingParty) {
  assertHoldsRole(actor, 'admin');
  const changeActor = changeActorOf(actor);
  const values = createInstitutionInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(institutions).values(values).returning();
    await appendChange(tx, {
      actor: changeActor,
      recordType: 'institution',
      recordId: row!.id,
      action: 'create',
      after: row,
    });
    return row!;
  });
}
