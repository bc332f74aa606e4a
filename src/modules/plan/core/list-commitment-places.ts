import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { municipalities } from '../../directory/schema.js';
import { commitmentMunicipalities, commitments } from '../schema.js';
import { commitmentStatusIsPublic } from './visibility.js';

/**
 * The municipalities of every public commitment of a plan, by municipality name (one query, for the plan page and the
 * print view).
 */
export function listCommitmentPlaces(db: Db, planId: string) {
  return db
    .select({
      commitmentId: commitmentMunicipalities.commitmentId,
      cvegeo: municipalities.cvegeo,
      name: municipalities.name,
    })
    .from(commitmentMunicipalities)
    .innerJoin(commitments, eq(commitments.id, commitmentMunicipalities.commitmentId))
    .innerJoin(municipalities, eq(municipalities.cvegeo, commitmentMunicipalities.cvegeo))
    .where(and(eq(commitments.planId, planId), commitmentStatusIsPublic(commitments.status)))
    .orderBy(asc(municipalities.name));
}
