import { z } from 'zod';
import type { Db } from '../../db/client.js';
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

export async function createInstitution(db: Db, input: CreateInstitutionInput) {
  const values = createInstitutionInput.parse(input);
  const [row] = await db.insert(institutions).values(values).returning();
  return row!;
}
