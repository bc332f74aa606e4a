import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { institutions } from '../../directory/schema.js';
import { exercises } from '../../exercises/schema.js';
import { isDelayed, periodEnded } from './progress.js';
import { actionPlans, activities, commitments, milestones, type ActivityStatus } from '../schema.js';
import { commitmentStatusIsPublic, planIsPublic } from './visibility.js';

/** Rows per page of the plan's calendar and late-items pages. */
export const PLAN_LIST_PAGE_SIZE = 100;

export const lateKinds = ['hitos', 'actividades'] as const;
export type LateKind = (typeof lateKinds)[number];

async function findPlan(db: Db, slug: string) {
  const [row] = await db
    .select({ exercise: exercises, plan: actionPlans })
    .from(exercises)
    .innerJoin(actionPlans, eq(actionPlans.exerciseId, exercises.id))
    .where(and(eq(exercises.slug, slug), planIsPublic(actionPlans.status)))
    .limit(1);
  if (!row) throw notFound('plan');
  return row;
}

const pageOf = (page: number) => Math.max(1, Math.floor(page) || 1);
const pagesFor = (total: number) => Math.max(1, Math.ceil(total / PLAN_LIST_PAGE_SIZE));

/**
 * One page of the plan's milestone calendar (public commitments of a public plan only: visibility.ts): every milestone
 * by the date it is due (undated ones last), with its
 * commitment, responsible institution, progress and the delayed flag. A page past the last shows the last. Three
 * queries whatever the plan's size: the plan, the count, the page.
 */
export async function listPlanMilestones(db: Db, slug: string, options: { page: number; today: string }) {
  const { exercise, plan } = await findPlan(db, slug);
  const inPlan = and(eq(commitments.planId, plan.id), commitmentStatusIsPublic(commitments.status));
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(inPlan);
  const total = counted?.n ?? 0;
  const pages = pagesFor(total);
  const page = Math.min(pageOf(options.page), pages);
  const responsible = alias(institutions, 'responsible');
  const rows = await db
    .select({
      milestone: milestones,
      commitmentNumber: commitments.number,
      commitmentTitle: commitments.title,
      responsibleName: responsible.name,
    })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .innerJoin(responsible, eq(responsible.id, milestones.responsibleInstitutionId))
    .where(inPlan)
    .orderBy(sql`${milestones.plannedEnd} asc nulls last`, asc(commitments.number), asc(milestones.position))
    .limit(PLAN_LIST_PAGE_SIZE)
    .offset((page - 1) * PLAN_LIST_PAGE_SIZE);
  return {
    exercise,
    plan,
    periodEnded: periodEnded(plan, options.today),
    page,
    pages,
    total,
    milestones: rows.map(({ milestone, commitmentNumber, commitmentTitle, responsibleName }) => ({
      ...milestone,
      commitmentNumber,
      commitmentTitle,
      responsibleName,
      isDelayed: isDelayed(milestone.openDueOn, options.today),
    })),
  };
}
export type PlanCalendar = Awaited<ReturnType<typeof listPlanMilestones>>;

/**
 * One page of the plan's late milestones (by the date they fell behind: their earliest unfinished due date) or late
 * activities (past their planned end and not done), the most overdue first, with the totals of both kinds for the
 * page's tabs. A page past the last shows the last. Four queries
 * whatever the plan's size.
 */
export async function listLateItems(db: Db, slug: string, options: { kind: LateKind; page: number; today: string }) {
  const { exercise, plan } = await findPlan(db, slug);
  const responsible = alias(institutions, 'responsible');
  const lateStone = and(
    eq(commitments.planId, plan.id),
    commitmentStatusIsPublic(commitments.status),
    lt(milestones.openDueOn, options.today),
  );
  const lateStep = and(
    eq(commitments.planId, plan.id),
    commitmentStatusIsPublic(commitments.status),
    inArray(activities.status, ['not_started', 'in_progress']),
    lt(activities.plannedEnd, options.today),
  );
  const [stoneCount] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(milestones)
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(lateStone);
  const [stepCount] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(lateStep);
  const counts = { hitos: stoneCount?.n ?? 0, actividades: stepCount?.n ?? 0 };
  const pages = pagesFor(counts[options.kind]);
  const page = Math.min(pageOf(options.page), pages);
  const offset = (page - 1) * PLAN_LIST_PAGE_SIZE;
  const items =
    options.kind === 'hitos'
      ? await db
          .select({
            id: milestones.id,
            title: milestones.title,
            due: milestones.openDueOn,
            commitmentNumber: commitments.number,
            commitmentTitle: commitments.title,
            responsibleName: responsible.name,
            status: sql<ActivityStatus | null>`null`,
          })
          .from(milestones)
          .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
          .innerJoin(responsible, eq(responsible.id, milestones.responsibleInstitutionId))
          .where(lateStone)
          .orderBy(asc(milestones.openDueOn), asc(commitments.number), asc(milestones.position))
          .limit(PLAN_LIST_PAGE_SIZE)
          .offset(offset)
      : await db
          .select({
            id: activities.id,
            title: activities.title,
            due: activities.plannedEnd,
            commitmentNumber: commitments.number,
            commitmentTitle: commitments.title,
            responsibleName: responsible.name,
            status: sql<ActivityStatus | null>`${activities.status}`,
          })
          .from(activities)
          .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
          .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
          .innerJoin(responsible, eq(responsible.id, activities.responsibleInstitutionId))
          .where(lateStep)
          .orderBy(asc(activities.plannedEnd), asc(commitments.number), asc(activities.id))
          .limit(PLAN_LIST_PAGE_SIZE)
          .offset(offset);
  return {
    exercise,
    plan,
    periodEnded: periodEnded(plan, options.today),
    kind: options.kind,
    page,
    pages,
    counts,
    items,
  };
}
export type PlanLateItems = Awaited<ReturnType<typeof listLateItems>>;
