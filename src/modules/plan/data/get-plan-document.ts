import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { isActivityDelayed, isDelayed, periodEnded } from '../core/progress.js';
import { actionPlans, activities, commitmentPartners, commitments, milestones } from '../schema.js';
import { commitmentStatusIsPublic, planIsPublic } from '../core/visibility.js';
import { listCommitmentPlaces } from '../core/list-commitment-places.js';

/**
 * The whole plan as one document, for the print view: every commitment with every template field, its
 * institutions, municipalities and partners, every milestone and every activity, in the plan's order. Seven
 * statements whatever the size of the plan, the last five at once (no query per commitment or milestone). Only what is public (visibility.ts):
 * a draft plan is not found, and draft or co-creation commitments are left out with their milestones and activities.
 */
export async function getPlanDocument(db: Db, slug: string, today: string) {
  const [found] = await db
    .select({ exercise: exercises, plan: actionPlans })
    .from(exercises)
    .innerJoin(actionPlans, eq(actionPlans.exerciseId, exercises.id))
    .where(and(eq(exercises.slug, slug), planIsPublic(actionPlans.status)))
    .limit(1);
  if (!found) throw notFound('plan');
  const { plan } = found;
  const convener = alias(institutions, 'convener');
  const [convening] = await db
    .select({ name: convener.name })
    .from(convener)
    .where(eq(convener.id, found.exercise.convenerInstitutionId));

  const commitmentRowsQuery = db
    .select({ commitment: commitments, lead: { name: institutions.name, acronym: institutions.acronym } })
    .from(commitments)
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .orderBy(asc(commitments.number));
  const placesQuery = listCommitmentPlaces(db, plan.id);
  const partnerInstitution = alias(institutions, 'partner_institution');
  const partnersQuery = db
    .select({
      commitmentId: commitmentPartners.commitmentId,
      role: commitmentPartners.role,
      name: commitmentPartners.name,
      institution: partnerInstitution.name,
    })
    .from(commitmentPartners)
    .innerJoin(commitments, eq(commitments.id, commitmentPartners.commitmentId))
    .leftJoin(partnerInstitution, eq(partnerInstitution.id, commitmentPartners.institutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .orderBy(asc(commitmentPartners.position));
  const milestoneRowsQuery = db
    .select({ milestone: milestones, responsible: institutions.name })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(institutions, eq(institutions.id, milestones.responsibleInstitutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .orderBy(asc(commitments.number), asc(milestones.position), asc(milestones.id));
  const activityRowsQuery = db
    .select({
      id: activities.id,
      milestoneId: activities.milestoneId,
      position: activities.position,
      title: activities.title,
      description: activities.description,
      status: activities.status,
      plannedStart: activities.plannedStart,
      plannedEnd: activities.plannedEnd,
      responsible: institutions.name,
    })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(institutions, eq(institutions.id, activities.responsibleInstitutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .orderBy(asc(activities.position), asc(activities.id));
  // Independent of each other: on a PostgreSQL server they run at once on the pool's connections.
  const [commitmentRows, places, partners, milestoneRows, activityRows] = await Promise.all([
    commitmentRowsQuery,
    placesQuery,
    partnersQuery,
    milestoneRowsQuery,
    activityRowsQuery,
  ]);

  const group = <T, K>(rows: T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>();
    for (const row of rows) {
      const k = key(row);
      const list = map.get(k);
      if (list) list.push(row);
      else map.set(k, [row]);
    }
    return map;
  };
  const placesOf = group(places, (p) => p.commitmentId);
  const partnersOf = group(partners, (p) => p.commitmentId);
  const activitiesOf = group(
    activityRows.map((a) => ({ ...a, isDelayed: isActivityDelayed(a, today) })),
    (a) => a.milestoneId,
  );
  const milestonesOf = group(
    milestoneRows.map(({ milestone, responsible }) => ({
      ...milestone,
      responsible,
      isDelayed: isDelayed(milestone.openDueOn, today),
      activities: activitiesOf.get(milestone.id) ?? [],
    })),
    (m) => m.commitmentId,
  );
  const list = commitmentRows.map(({ commitment, lead }) => {
    const own = partnersOf.get(commitment.id) ?? [];
    const label = (p: (typeof own)[number]) => p.institution ?? p.name ?? '';
    return {
      ...commitment,
      lead,
      isDelayed: isDelayed(commitment.openDueOn, today),
      municipalities: (placesOf.get(commitment.id) ?? []).map((p) => ({ cvegeo: p.cvegeo, name: p.name })),
      coResponsible: own.filter((p) => p.role === 'co_responsible').map(label),
      otherActors: own.filter((p) => p.role === 'other_actor').map(label),
      milestones: milestonesOf.get(commitment.id) ?? [],
    };
  });
  return {
    exercise: found.exercise,
    convenerName: convening?.name ?? '',
    plan,
    /** The period ended while the plan still says it is being carried out (progress.ts): the document says so. */
    periodEnded: periodEnded(plan, today),
    commitments: list,
  };
}
export type PlanDocument = Awaited<ReturnType<typeof getPlanDocument>>;
