import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { appendChange, type ChangeActor } from '../audit/append-change.js';
import { institutionKinds, institutions } from './schema.js';

export const createInstitutionInput = z.object({
  name: z.string().trim().min(2).max(300),
  acronym: z.string().trim().max(40).optional(),
  kind: z.enum(institutionKinds),
  isGovernment: z.boolean(),
  municipalityCvegeo: z.string().regex(/^\d{5}$/).optional(),
  website: z.url().optional(),
  contactEmail: z.email().optional(),
});
export type CreateInstitutionInput = z.input<typeof createInstitutionInput>;

export async function createInstitution(db: Db, input: CreateInstitutionInput, actor: ChangeActor = null) {
  const values = createInstitutionInput.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(institutions).values(values).returning();
    await appendChange(tx, { actor, recordType: 'institution', recordId: row!.id, action: 'create', after: row });
    return row!;
  });
}
