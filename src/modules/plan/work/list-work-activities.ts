import { and, asc, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { actionPlans, activities, commitments, milestones } from '../schema.js';

const selection = {
  id: activities.id,
  title: activities.title,
  status: activities.status,
  plannedEnd: activities.plannedEnd,
  responsibleInstitutionId: activities.responsibleInstitutionId,
  institution: institutions.name,
  commitmentNumber: commitments.number,
  commitmentTitle: commitments.title,
  exerciseSlug: exercises.slug,
};

function listWith(db: Db, where: SQL | undefined) {
  return db
    .select(selection)
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, activities.responsibleInstitutionId))
    .where(where)
    .orderBy(asc(exercises.slug), asc(commitments.number), asc(milestones.position), asc(activities.position));
}

/**
 * A liaison's activities: those of the institutions it is a liaison of (all of them for `null`: an admin), open first.
 */
export async function listMyActivities(db: Db, institutionIds: string[] | null) {
  if (institutionIds !== null && institutionIds.length === 0) return [];
  return listWith(
    db,
    and(
      notInArray(activities.status, ['cancelled']),
      institutionIds ? inArray(activities.responsibleInstitutionId, institutionIds) : undefined,
    ),
  );
}

/** Done activities waiting for someone outside their institution to verify them (excluding `ownInstitutionIds`). */
export async function listActivitiesToVerify(db: Db, ownInstitutionIds: string[]) {
  return listWith(
    db,
    and(
      eq(activities.status, 'done'),
      ownInstitutionIds.length ? notInArray(activities.responsibleInstitutionId, ownInstitutionIds) : undefined,
    ),
  );
}
export type WorkActivity = Awaited<ReturnType<typeof listMyActivities>>[number];
