import { and, asc, count, eq, inArray, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { institutions, municipalities } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { isDelayed } from './progress.js';
import { actionPlans, activities, commitmentMunicipalities, commitments, milestones } from './schema.js';
import { commitmentStatusIsPublic, planIsPublic } from './visibility.js';

/**
 * Everything the public plan page shows, in a fixed number of queries whatever the number of commitments (seven):
 * exercise, plan, commitments with their lead institution, their municipalities, milestones, late activities and
 * activity counts by status. Progress figures are the stored, derived ones. Only what is public (visibility.ts): a
 * draft plan is not found, and draft or co-creation commitments, with their milestones and activities, are left out.
 */
export async function getPlanOverview(db: Db, slug: string, today: string) {
  const [exercise] = await db.select().from(exercises).where(eq(exercises.slug, slug)).limit(1);
  if (!exercise) throw notFound('exercise');
  const [plan] = await db.select().from(actionPlans).where(and(eq(actionPlans.exerciseId, exercise.id), planIsPublic(actionPlans.status))).limit(1);
  if (!plan) throw notFound('plan');
  const rows = await db
    .select({ commitment: commitments, lead: { id: institutions.id, name: institutions.name, acronym: institutions.acronym } })
    .from(commitments)
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .orderBy(asc(commitments.number));
  const places = await db
    .select({ commitmentId: commitmentMunicipalities.commitmentId, cvegeo: municipalities.cvegeo, name: municipalities.name })
    .from(commitmentMunicipalities)
    .innerJoin(commitments, eq(commitments.id, commitmentMunicipalities.commitmentId))
    .innerJoin(municipalities, eq(municipalities.cvegeo, commitmentMunicipalities.cvegeo))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)));
  const responsible = alias(institutions, 'responsible');
  const stones = await db
    .select({ milestone: milestones, commitmentNumber: commitments.number, responsibleName: responsible.name })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(responsible, eq(responsible.id, milestones.responsibleInstitutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .orderBy(asc(milestones.plannedEnd), asc(commitments.number), asc(milestones.position));
  const lateActivities = await db
    .select({ id: activities.id, title: activities.title, plannedEnd: activities.plannedEnd, status: activities.status, commitmentNumber: commitments.number, institution: institutions.name })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(institutions, eq(institutions.id, activities.responsibleInstitutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status), inArray(activities.status, ['not_started', 'in_progress']), lt(activities.plannedEnd, today)))
    .orderBy(asc(activities.plannedEnd));
  const activityCounts = await db
    .select({ status: activities.status, n: count() })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .groupBy(activities.status);

  const list = rows.map(({ commitment, lead }) => ({
    ...commitment,
    lead,
    municipalities: places.filter((p) => p.commitmentId === commitment.id).map((p) => ({ cvegeo: p.cvegeo, name: p.name })),
    isDelayed: isDelayed(commitment.openDueOn, today),
  }));
  const milestoneList = stones.map(({ milestone, commitmentNumber, responsibleName }) => ({ ...milestone, commitmentNumber, responsibleName, isDelayed: isDelayed(milestone.openDueOn, today) }));
  return { exercise, plan, commitments: list, milestones: milestoneList, lateActivities, activityCounts: Object.fromEntries(activityCounts.map((r) => [r.status, r.n])) as Record<string, number> };
}
export type PlanOverview = Awaited<ReturnType<typeof getPlanOverview>>;

/** Per lead institution: its commitments, their mean progress and how many are late (pure, from the overview). */
export function byInstitution(list: PlanOverview['commitments']) {
  const groups = new Map<string, { id: string; name: string; count: number; progressSum: number; delayed: number }>();
  for (const c of list.filter((c) => c.status !== 'cancelled')) {
    const group = groups.get(c.lead.id) ?? { id: c.lead.id, name: c.lead.name, count: 0, progressSum: 0, delayed: 0 };
    group.count += 1;
    group.progressSum += c.progress;
    group.delayed += c.isDelayed ? 1 : 0;
    groups.set(c.lead.id, group);
  }
  return [...groups.values()].map((g) => ({ ...g, progress: g.progressSum / g.count })).sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

/** Per municipality: its commitments and their mean progress. */
export function byMunicipality(list: PlanOverview['commitments']) {
  const groups = new Map<string, { cvegeo: string; name: string; count: number; progressSum: number }>();
  for (const c of list.filter((c) => c.status !== 'cancelled')) {
    for (const m of c.municipalities) {
      const group = groups.get(m.cvegeo) ?? { cvegeo: m.cvegeo, name: m.name, count: 0, progressSum: 0 };
      group.count += 1;
      group.progressSum += c.progress;
      groups.set(m.cvegeo, group);
    }
  }
  return [...groups.values()].map((g) => ({ ...g, progress: g.progressSum / g.count })).sort((a, b) => a.name.localeCompare(b.name, 'es'));
}
