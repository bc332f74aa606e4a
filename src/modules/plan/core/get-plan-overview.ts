import { and, asc, count, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { isDelayed, periodEnded } from './progress.js';
import { actionPlans, activities, commitments, milestones } from '../schema.js';
import { commitmentStatusIsPublic, planIsPublic } from './visibility.js';
import { listCommitmentPlaces } from './list-commitment-places.js';

/**
 * How many late items and upcoming milestones the plan page lists; the rest are on the late-items and calendar pages.
 */
export const OVERVIEW_LIST_LIMIT = 10;

/**
 * Everything the public plan page shows, in a fixed number of queries whatever the size of the plan (nine):
 * exercise, plan, commitments with their lead institution, their municipalities, milestone counts, the first late
 * milestones (by the date they fell behind: their earliest unfinished due date) and activities (with their totals, by a
 * window count), the next milestones due that are not behind, and activity counts by
 * status. Progress figures are the stored, derived ones. The page stays small on a plan of thousands of milestones:
 * the whole calendar and every late item have their own paginated pages (`list-plan-milestones.ts`). Only what is
 * public (visibility.ts): a draft plan is not found, and draft or co-creation commitments, with their milestones and
 * activities, are left out.
 */
export async function getPlanOverview(db: Db, slug: string, today: string) {
  const [exercise] = await db.select().from(exercises).where(eq(exercises.slug, slug)).limit(1);
  if (!exercise) throw notFound('exercise');
  const [plan] = await db
    .select()
    .from(actionPlans)
    .where(and(eq(actionPlans.exerciseId, exercise.id), planIsPublic(actionPlans.status)))
    .limit(1);
  if (!plan) throw notFound('plan');
  const rowsQuery = db
    .select({
      // Only what the plan page shows: a plan of 500 commitments would otherwise carry every template text.
      commitment: {
        id: commitments.id,
        number: commitments.number,
        title: commitments.title,
        status: commitments.status,
        progress: commitments.progress,
        openDueOn: commitments.openDueOn,
        startsOn: commitments.startsOn,
        endsOn: commitments.endsOn,
        theme: commitments.theme,
      },
      lead: { id: institutions.id, name: institutions.name, acronym: institutions.acronym },
    })
    .from(commitments)
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .orderBy(asc(commitments.number));
  const placesQuery = listCommitmentPlaces(db, plan.id);
  const milestoneCountsQuery = db
    .select({
      total: count(),
      late: sql<number>`count(*) filter (where ${milestones.openDueOn} < ${today})`.mapWith(Number),
    })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)));
  const responsible = alias(institutions, 'responsible');
  const lateStonesQuery = db
    .select({
      id: milestones.id,
      title: milestones.title,
      overdueSince: milestones.openDueOn,
      commitmentNumber: commitments.number,
      responsibleName: responsible.name,
    })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(responsible, eq(responsible.id, milestones.responsibleInstitutionId))
    .where(
      and(
        eq(commitments.planId, plan.id),
        commitmentStatusIsPublic(commitments.status),
        lt(milestones.openDueOn, today),
      ),
    )
    .orderBy(asc(milestones.openDueOn), asc(commitments.number), asc(milestones.position))
    .limit(OVERVIEW_LIST_LIMIT);
  const upcomingQuery = db
    .select({
      id: milestones.id,
      title: milestones.title,
      plannedEnd: milestones.plannedEnd,
      progress: milestones.progress,
      commitmentNumber: commitments.number,
    })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(
      and(
        eq(commitments.planId, plan.id),
        commitmentStatusIsPublic(commitments.status),
        gte(milestones.plannedEnd, today),
        isNull(milestones.cancelledAt),
        lt(milestones.progress, 100),
        or(isNull(milestones.openDueOn), gte(milestones.openDueOn, today)),
      ),
    )
    .orderBy(asc(milestones.plannedEnd), asc(commitments.number), asc(milestones.position))
    .limit(OVERVIEW_LIST_LIMIT);
  const lateStepsQuery = db
    .select({
      id: activities.id,
      title: activities.title,
      plannedEnd: activities.plannedEnd,
      status: activities.status,
      commitmentNumber: commitments.number,
      institution: institutions.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(institutions, eq(institutions.id, activities.responsibleInstitutionId))
    .where(
      and(
        eq(commitments.planId, plan.id),
        commitmentStatusIsPublic(commitments.status),
        inArray(activities.status, ['not_started', 'in_progress']),
        lt(activities.plannedEnd, today),
      ),
    )
    .orderBy(asc(activities.plannedEnd), asc(commitments.number), asc(activities.id))
    .limit(OVERVIEW_LIST_LIMIT);
  const activityCountsQuery = db
    .select({ status: activities.status, n: count() })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status)))
    .groupBy(activities.status);

  // Independent of each other: on a PostgreSQL server they run at once on the pool's connections (a plan of 25,000
  // activities spends most of its render in the last two); PGlite runs them one after the other as before.
  const [rows, places, [milestoneCounts], lateStones, upcoming, lateSteps, activityCounts] = await Promise.all([
    rowsQuery,
    placesQuery,
    milestoneCountsQuery,
    lateStonesQuery,
    upcomingQuery,
    lateStepsQuery,
    activityCountsQuery,
  ]);

  const placesByCommitment = new Map<string, { cvegeo: string; name: string }[]>();
  for (const p of places) {
    const list = placesByCommitment.get(p.commitmentId);
    if (list) list.push({ cvegeo: p.cvegeo, name: p.name });
    else placesByCommitment.set(p.commitmentId, [{ cvegeo: p.cvegeo, name: p.name }]);
  }
  const list = rows.map(({ commitment, lead }) => ({
    ...commitment,
    lead,
    municipalities: placesByCommitment.get(commitment.id) ?? [],
    isDelayed: isDelayed(commitment.openDueOn, today),
  }));
  const withoutTotal = <T extends { total: number }>(items: T[]) => items.map(({ total: _total, ...item }) => item);
  return {
    exercise,
    plan,
    /** The period ended while the plan still says it is being carried out (progress.ts). */
    periodEnded: periodEnded(plan, today),
    commitments: list,
    milestoneCount: milestoneCounts?.total ?? 0,
    lateMilestones: lateStones,
    lateMilestoneCount: milestoneCounts?.late ?? 0,
    upcomingMilestones: upcoming,
    lateActivities: withoutTotal(lateSteps),
    lateActivityCount: lateSteps[0]?.total ?? 0,
    activityCounts: Object.fromEntries(activityCounts.map((r) => [r.status, r.n])) as Record<string, number>,
  };
}
export type PlanOverview = Awaited<ReturnType<typeof getPlanOverview>>;

/** One collator for every sort (localeCompare with a locale builds a new one at each comparison). */
const spanish = new Intl.Collator('es');

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
  return [...groups.values()]
    .map((g) => ({ ...g, progress: g.progressSum / g.count }))
    .sort((a, b) => spanish.compare(a.name, b.name));
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
  return [...groups.values()]
    .map((g) => ({ ...g, progress: g.progressSum / g.count }))
    .sort((a, b) => spanish.compare(a.name, b.name));
}
