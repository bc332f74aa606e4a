import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { actionPlans, commitmentMunicipalities, commitments } from '../schema.js';
import { commitmentIsPublic } from './visibility.js';

/**
 * For each municipality with public commitments (of any public plan): how many, and their mean derived progress
 * (cancelled ones left out of the mean, as in the plan's own figure). One query, for the map of /municipios.
 */
export function listMunicipalityFigures(db: Db) {
  return db
    .select({
      cvegeo: commitmentMunicipalities.cvegeo,
      commitments: sql<number>`count(*)::int`,
      progress: sql<number | null>`avg(${commitments.progress}) filter (where ${commitments.status} <> 'cancelled')`,
    })
    .from(commitmentMunicipalities)
    .innerJoin(commitments, eq(commitments.id, commitmentMunicipalities.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .where(commitmentIsPublic(commitments.status, actionPlans.status))
    .groupBy(commitmentMunicipalities.cvegeo);
}
export type MunicipalityFigure = Awaited<ReturnType<typeof listMunicipalityFigures>>[number];

/** The public commitments that name a municipality, newest exercise first, each with its plan and lead institution. */
export function listMunicipalityCommitments(db: Db, cvegeo: string) {
  return db
    .select({
      id: commitments.id,
      number: commitments.number,
      title: commitments.title,
      status: commitments.status,
      progress: commitments.progress,
      endsOn: commitments.endsOn,
      lead: institutions.name,
      planTitle: actionPlans.title,
      planStatus: actionPlans.status,
      exerciseSlug: exercises.slug,
      exerciseTitle: exercises.title,
    })
    .from(commitmentMunicipalities)
    .innerJoin(commitments, eq(commitments.id, commitmentMunicipalities.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .where(and(eq(commitmentMunicipalities.cvegeo, cvegeo), commitmentIsPublic(commitments.status, actionPlans.status)))
    .orderBy(desc(exercises.edition), asc(commitments.number));
}
export type MunicipalityCommitment = Awaited<ReturnType<typeof listMunicipalityCommitments>>[number];
