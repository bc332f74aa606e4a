import type { ActivityStatus, CommitmentStatus } from '../schema.js';
import { isPublicCommitmentStatus } from './visibility.js';

/*
 * Progress is derived, never typed (DOMAIN.md), and this file is the whole formula; the public plan page explains it
 * with a worked example built from these same functions.
 *
 * - activity: 0 (not started), 50 (in progress), 100 (done or verified); a cancelled activity does not count.
 * - milestone: mean of its activities that are not cancelled; with none, 0.
 * - commitment: sum(weight x milestone) / sum(weight) over its milestones that are not cancelled. Weights are
 *   normalised, never capped: only their proportions matter. If every weight is 0, all milestones weigh the same.
 *   With no milestone, 0.
 * - plan: mean of its public commitments (not a draft nor in co-creation, see visibility.ts) that are not cancelled;
 *   with none, 0. Unfinished work does not drag down the figure of the plan people follow.
 * Figures are kept with two decimals; pages show them rounded to a whole percentage.
 */

export const activityValue: Record<Exclude<ActivityStatus, 'cancelled'>, number> = {
  not_started: 0,
  in_progress: 50,
  done: 100,
  verified: 100,
};

export const round2 = (value: number) => Math.round(value * 100) / 100;

/** An activity's contribution, or undefined when it does not count (cancelled). */
export function activityProgress(status: ActivityStatus): number | undefined {
  return status === 'cancelled' ? undefined : activityValue[status];
}

const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

export function milestoneProgress(activities: readonly { status: ActivityStatus }[]): number {
  const values = activities.map((a) => activityProgress(a.status)).filter((v): v is number => v !== undefined);
  return round2(mean(values));
}

export interface WeightedMilestone {
  weight: number;
  progress: number;
  isCancelled: boolean;
}

/** The share (0-1) of each milestone in its commitment's progress; cancelled ones get 0. */
export function normalisedWeights(milestones: readonly Omit<WeightedMilestone, 'progress'>[]): number[] {
  const counted = milestones.filter((m) => !m.isCancelled);
  const total = counted.reduce((sum, m) => sum + Math.max(0, m.weight), 0);
  return milestones.map((m) => {
    if (m.isCancelled) return 0;
    return total === 0 ? 1 / counted.length : Math.max(0, m.weight) / total;
  });
}

export function commitmentProgress(milestones: readonly WeightedMilestone[]): number {
  const shares = normalisedWeights(milestones);
  return round2(milestones.reduce((sum, m, i) => sum + (shares[i] ?? 0) * m.progress, 0));
}

export function planProgress(commitments: readonly { status: CommitmentStatus; progress: number }[]): number {
  return round2(
    mean(
      commitments.filter((c) => c.status !== 'cancelled' && isPublicCommitmentStatus(c.status)).map((c) => c.progress),
    ),
  );
}

/** Statuses after which a commitment is no longer due (it cannot be late). */
export const closedCommitmentStatuses: readonly CommitmentStatus[] = [
  'completed',
  'partially_completed',
  'cancelled',
  'evaluated',
];

const earliest = (dates: (string | null | undefined)[]) =>
  dates.filter((d): d is string => Boolean(d)).sort()[0] ?? null;

/** The earliest planned end among the unfinished, non-cancelled activities of a milestone, and the milestone itself. */
export function milestoneOpenDue(
  milestone: { plannedEnd: string | null; isCancelled: boolean },
  activities: readonly { status: ActivityStatus; plannedEnd: string | null }[],
): string | null {
  if (milestone.isCancelled) return null;
  const open = activities.filter((a) => a.status === 'not_started' || a.status === 'in_progress');
  const isFinished = milestoneProgress(activities) >= 100;
  return earliest([...open.map((a) => a.plannedEnd), isFinished ? null : milestone.plannedEnd]);
}

/** The earliest open due date of a commitment: its milestones' and, while unfinished, its own end date. */
export function commitmentOpenDue(
  commitment: { endsOn: string | null; status: CommitmentStatus; progress: number },
  milestones: readonly { openDue: string | null }[],
): string | null {
  if (closedCommitmentStatuses.includes(commitment.status)) return null;
  return earliest([...milestones.map((m) => m.openDue), commitment.progress >= 100 ? null : commitment.endsOn]);
}

/**
 * Delayed: something is past its planned end and not done. `today` is the calendar date (YYYY-MM-DD) in the portal's
 * zone.
 */
export const isDelayed = (openDue: string | null | undefined, today: string) => Boolean(openDue && openDue < today);

/** An activity is late when its planned end has passed and it is neither done, verified nor cancelled. */
export const isActivityDelayed = (activity: { status: ActivityStatus; plannedEnd: string | null }, today: string) =>
  (activity.status === 'not_started' || activity.status === 'in_progress') && isDelayed(activity.plannedEnd, today);

/**
 * Whether a plan's period has ended while it still says it is being carried out (approved, published or in
 * implementation): its pages then say the period ended and what is pending, instead of "in implementation" with
 * every unfinished item "late" years on.
 */
export const periodEnded = (plan: { periodEnd: string; status: string }, today: string) =>
  plan.periodEnd < today && ['approved', 'published', 'in_implementation'].includes(plan.status);
