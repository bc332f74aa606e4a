import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { CommitmentValues } from './commitment-fields.js';
import { commitmentMunicipalities, commitmentPartners } from '../schema.js';

/** Replaces a commitment's municipalities and partners (inside the caller's transaction). */
export async function saveCommitmentLinks(
  tx: Db,
  commitmentId: string,
  values: Pick<CommitmentValues, 'municipalities' | 'partners'>,
) {
  await tx.delete(commitmentMunicipalities).where(eq(commitmentMunicipalities.commitmentId, commitmentId));
  await tx.delete(commitmentPartners).where(eq(commitmentPartners.commitmentId, commitmentId));
  const cvegeos = [...new Set(values.municipalities)];
  if (cvegeos.length)
    await tx.insert(commitmentMunicipalities).values(cvegeos.map((cvegeo) => ({ commitmentId, cvegeo })));
  if (values.partners.length)
    await tx
      .insert(commitmentPartners)
      .values(values.partners.map((p, position) => ({ ...p, commitmentId, position })));
}

/** How links appear in the change log: plain lists, so a change to them shows in the history. */
export const linksForLog = (values: Pick<CommitmentValues, 'municipalities' | 'partners'>) => ({
  municipalities: [...new Set(values.municipalities)].sort(),
  partners: values.partners.map((p) => ({ role: p.role, institutionId: p.institutionId, name: p.name })),
});
