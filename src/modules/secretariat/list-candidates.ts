import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calls } from '../calls/read-models.js';
import { registrations } from '../registrations/read-models.js';

/** Accepted registrations of the exercise's calls (not anonymised): the people who may be named to a seat. */
export function listCandidates(db: Db, exerciseId: string) {
  return db
    .select({
      id: registrations.id,
      fullName: registrations.fullName,
      organization: registrations.organization,
      sector: registrations.sector,
    })
    .from(registrations)
    .innerJoin(calls, eq(calls.id, registrations.callId))
    .where(
      and(eq(calls.exerciseId, exerciseId), eq(registrations.status, 'accepted'), isNull(registrations.anonymisedAt)),
    )
    .orderBy(asc(registrations.fullName));
}
export type Candidate = Awaited<ReturnType<typeof listCandidates>>[number];
