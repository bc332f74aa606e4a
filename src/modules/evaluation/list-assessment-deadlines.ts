import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitmentIsPublic, commitments } from '../plan/read-models.js';
import { agreements, secretariatSessions } from '../secretariat/read-models.js';
import { assessmentDeadlines, type Deadline, type DeadlineSettings } from './deadlines.js';
import { localDate } from './evaluated-commitment.js';
import { designAssessments, endAssessments } from './schema.js';

/** Plans whose commitments have assessment deadlines: approved, or later in their life. */
const approvedPlanStatuses = ['approved', 'published', 'in_implementation', 'concluded', 'evaluated'] as const;
/** Commitments with deadlines: approved ones, not cancelled. */
const assessedCommitmentStatuses = [
  'approved',
  'in_implementation',
  'under_modification',
  'completed',
  'partially_completed',
  'evaluated',
] as const;

export interface CommitmentDeadlines {
  id: string;
  number: number;
  title: string;
  slug: string;
  planTitle: string;
  leadInstitutionId: string;
  leadName: string;
  /** The day the plan was approved: the Secretariat session of its approval agreement, else the plan's start. */
  approvedOn: string;
  deadlines: Deadline[];
}

/**
 * The assessment deadlines of the approved, public commitments (of one exercise, or of the given commitments, or of
 * every plan), each with its due date and whether it is done or late on `today`. The plan's approval is the day of
 * the Secretariat session whose agreement approved it, else the plan's start.
 */
export async function listAssessmentDeadlines(
  db: Db,
  options: {
    settings: DeadlineSettings;
    today: string;
    timeZone: string;
    exerciseId?: string;
    commitmentIds?: readonly string[];
  },
): Promise<CommitmentDeadlines[]> {
  if (options.commitmentIds && options.commitmentIds.length === 0) return [];
  const where: SQL[] = [
    commitmentIsPublic(commitments.status, actionPlans.status),
    inArray(actionPlans.status, [...approvedPlanStatuses]),
    inArray(commitments.status, [...assessedCommitmentStatuses]),
  ];
  if (options.exerciseId) where.push(eq(actionPlans.exerciseId, options.exerciseId));
  if (options.commitmentIds) where.push(inArray(commitments.id, [...options.commitmentIds]));
  const rows = await db
    .select({
      id: commitments.id,
      number: commitments.number,
      title: commitments.title,
      endsOn: commitments.endsOn,
      slug: exercises.slug,
      planTitle: actionPlans.title,
      planStart: actionPlans.periodStart,
      approvedAt: secretariatSessions.startsAt,
      leadInstitutionId: commitments.leadInstitutionId,
      leadName: institutions.name,
      design: designAssessments.verifiability,
      endId: endAssessments.id,
    })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .leftJoin(agreements, eq(agreements.id, actionPlans.approvalAgreementId))
    .leftJoin(secretariatSessions, eq(secretariatSessions.id, agreements.sessionId))
    .leftJoin(designAssessments, eq(designAssessments.commitmentId, commitments.id))
    .leftJoin(endAssessments, eq(endAssessments.commitmentId, commitments.id))
    .where(and(...where))
    .orderBy(asc(exercises.slug), asc(commitments.number));
  return rows.map((r) => {
    const approvedOn = r.approvedAt ? localDate(r.approvedAt, options.timeZone) : r.planStart;
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      slug: r.slug,
      planTitle: r.planTitle,
      leadInstitutionId: r.leadInstitutionId,
      leadName: r.leadName,
      approvedOn,
      deadlines: assessmentDeadlines(
        { approvedOn, endsOn: r.endsOn, design: r.design, hasEnd: r.endId !== null },
        options.settings,
        options.today,
      ),
    };
  });
}

/** The late assessments among some commitments' deadlines, the most overdue first. */
export const lateAssessments = (rows: readonly CommitmentDeadlines[]) =>
  rows
    .flatMap((c) => c.deadlines.filter((d) => d.isLate).map((d) => ({ commitment: c, deadline: d })))
    .sort((a, b) => b.deadline.daysLate - a.deadline.daysLate || a.commitment.number - b.commitment.number);
