import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import {
  actionPlans,
  activities,
  commitmentMunicipalities,
  commitmentPartners,
  commitments,
  milestones,
} from '../schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const checkId = (id: string, what: string) => {
  if (!UUID.test(id)) throw notFound(what);
};

/** Every exercise with its plan, if any (the admin's starting page). */
export function listPlansForAdmin(db: Db) {
  return db
    .select({
      exercise: {
        id: exercises.id,
        slug: exercises.slug,
        title: exercises.title,
        periodStart: exercises.periodStart,
        periodEnd: exercises.periodEnd,
      },
      plan: {
        id: actionPlans.id,
        title: actionPlans.title,
        status: actionPlans.status,
        progress: actionPlans.progress,
      },
    })
    .from(exercises)
    .leftJoin(actionPlans, eq(actionPlans.exerciseId, exercises.id))
    .orderBy(asc(exercises.edition));
}

/** A plan with its exercise and its commitments. */
export async function getPlanForAdmin(db: Db, planId: string) {
  checkId(planId, 'plan');
  const [row] = await db
    .select({ plan: actionPlans, exercise: { slug: exercises.slug, title: exercises.title } })
    .from(actionPlans)
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .where(eq(actionPlans.id, planId));
  if (!row) throw notFound('plan');
  const list = await db
    .select({
      id: commitments.id,
      number: commitments.number,
      title: commitments.title,
      status: commitments.status,
      progress: commitments.progress,
    })
    .from(commitments)
    .where(eq(commitments.planId, planId))
    .orderBy(asc(commitments.number));
  return { ...row, commitments: list };
}

/** A commitment with its plan, partners, municipalities and milestones. */
export async function getCommitmentForAdmin(db: Db, commitmentId: string) {
  checkId(commitmentId, 'commitment');
  const [row] = await db
    .select({
      commitment: commitments,
      plan: { id: actionPlans.id, title: actionPlans.title, status: actionPlans.status },
      exerciseSlug: exercises.slug,
    })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .where(eq(commitments.id, commitmentId));
  if (!row) throw notFound('commitment');
  const partners = await db
    .select({ role: commitmentPartners.role, name: commitmentPartners.name, institutionName: institutions.name })
    .from(commitmentPartners)
    .leftJoin(institutions, eq(institutions.id, commitmentPartners.institutionId))
    .where(eq(commitmentPartners.commitmentId, commitmentId))
    .orderBy(asc(commitmentPartners.position));
  const places = await db
    .select({ cvegeo: commitmentMunicipalities.cvegeo })
    .from(commitmentMunicipalities)
    .where(eq(commitmentMunicipalities.commitmentId, commitmentId));
  const stones = await db
    .select()
    .from(milestones)
    .where(eq(milestones.commitmentId, commitmentId))
    .orderBy(asc(milestones.position));
  return { ...row, partners, municipalities: places.map((p) => p.cvegeo), milestones: stones };
}

/** A milestone with its commitment and activities. */
export async function getMilestoneForAdmin(db: Db, milestoneId: string) {
  checkId(milestoneId, 'milestone');
  const [row] = await db
    .select({
      milestone: milestones,
      commitment: { id: commitments.id, number: commitments.number, title: commitments.title },
    })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(eq(milestones.id, milestoneId));
  if (!row) throw notFound('milestone');
  const steps = await db
    .select()
    .from(activities)
    .where(eq(activities.milestoneId, milestoneId))
    .orderBy(asc(activities.position));
  return { ...row, activities: steps };
}
export type AdminCommitment = Awaited<ReturnType<typeof getCommitmentForAdmin>>;
export type AdminMilestone = Awaited<ReturnType<typeof getMilestoneForAdmin>>;
export type AdminPlan = Awaited<ReturnType<typeof getPlanForAdmin>>;
