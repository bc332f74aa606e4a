import { and, asc, count, eq, gte, inArray, isNull, lt, or, sql, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { isDelayed, periodEnded } from './progress.js';
import { actionPlans, activities, commitmentActivityStats, commitments, milestones } from '../schema.js';
import { commitmentStatusIsPublic, planIsPublic } from './visibility.js';
import { listCommitmentPlaces } from './list-commitment-places.js';

/**
 * How many late items and upcoming milestones the plan page lists; the rest are on the late-items and calendar pages.
 */
export const OVERVIEW_LIST_LIMIT = 10;

/**
 * The plan page's activity figures. The first late activities walk the partial index of unfinished activities by
 * planned end (activities_open_due_idx); how many are late, and how many are in each status, add up the commitments'
 * derived figures (activity-stats.ts) instead of counting every activity of the plan.
 */
function activityQueries(db: Db, planId: string, today: string) {
  const lateStepsQuery = db
    .select({
      id: activities.id,
      title: activities.title,
      plannedEnd: activities.plannedEnd,
      status: activities.status,
      commitmentNumber: commitments.number,
      institution: institutions.name,
    })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(institutions, eq(institutions.id, activities.responsibleInstitutionId))
    .where(
      and(
        eq(commitments.planId, planId),
        commitmentStatusIsPublic(commitments.status),
        inArray(activities.status, ['not_started', 'in_progress']),
        lt(activities.plannedEnd, today),
      ),
    )
    .orderBy(asc(activities.plannedEnd), asc(commitments.number), asc(activities.id))
    .limit(OVERVIEW_LIST_LIMIT);
  const stats = commitmentActivityStats;
  const total = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  const activityCountsQuery = db
    .select({
      not_started: total(stats.notStarted),
      in_progress: total(stats.inProgress),
      done: total(stats.done),
      verified: total(stats.verified),
      cancelled: total(stats.cancelled),
      late: sql<number>`coalesce(sum((select count(*) from unnest(${stats.openDueDates}) as due where due < ${today}::date)), 0)`.mapWith(
        Number,
      ),
    })
    .from(stats)
    .innerJoin(commitments, eq(commitments.id, stats.commitmentId))
    .where(and(eq(commitments.planId, planId), commitmentStatusIsPublic(commitments.status)));

  return { lateStepsQuery, activityCountsQuery };
}

/**
 * Everything the public plan page shows, in a fixed number of queries whatever the size of the plan (nine):
 * exercise, plan, commitments with their lead institution, their municipalities, milestone counts, the first late
 * milestones (by the date they fell behind: their earliest unfinished due date) and activities (their totals from the
 * commitments' derived figures), the next milestones due that are not behind, and activity counts by
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
  const { lateStepsQuery, activityCountsQuery } = activityQueries(db, plan.id, today);

  // Independent of each other: on a PostgreSQL server they run at once on the pool's connections (a plan of 25,000
  // activities spends most of its render in the last two); PGlite runs them one after the other as before.
  const [rows, places, [milestoneCounts], lateStones, upcoming, lateSteps, [activityCounts]] = await Promise.all([
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
    lateActivities: lateSteps,
    lateActivityCount: activityCounts?.late ?? 0,
    activityCounts: {
      not_started: activityCounts?.not_started ?? 0,
      in_progress: activityCounts?.in_progress ?? 0,
      done: activityCounts?.done ?? 0,
      verified: activityCounts?.verified ?? 0,
      cancelled: activityCounts?.cancelled ?? 0,
    } as Record<string, number>,
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
