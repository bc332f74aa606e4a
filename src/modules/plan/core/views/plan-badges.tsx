import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { StatusBadge, type BadgeTone } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { ActivityStatus, CommitmentStatus, EvidenceStatus, PlanStatus } from '../../schema.js';

const commitmentTone: Record<CommitmentStatus, BadgeTone> = {
  draft: 'neutral',
  cocreation: 'neutral',
  proposed: 'info',
  approved: 'info',
  in_implementation: 'info',
  under_modification: 'warning',
  completed: 'success',
  partially_completed: 'warning',
  cancelled: 'neutral',
  evaluated: 'success',
};
const activityTone: Record<ActivityStatus, BadgeTone> = {
  not_started: 'neutral',
  in_progress: 'info',
  done: 'success',
  verified: 'success',
  cancelled: 'neutral',
};
const evidenceTone: Record<EvidenceStatus, BadgeTone> = { submitted: 'info', accepted: 'success', rejected: 'danger' };

/**
 * Whether the plan on the page has ended its period while still "in implementation" (progress.ts periodEnded): its
 * badges then say so ("Periodo terminado", "Sin terminar al cierre") instead of "En implementación" and "Con retraso".
 */
export const PlanPeriodEnded = createContext(false);

/** Statuses that say a commitment is still being carried out: after the plan's period they say it ended. */
const ongoing: readonly CommitmentStatus[] = ['approved', 'in_implementation'];

export function CommitmentStatusBadge(props: { status: CommitmentStatus }) {
  const { t } = usePage();
  if (useContext(PlanPeriodEnded) && ongoing.includes(props.status))
    return <StatusBadge tone="neutral">{t('plan.periodEnded.badge')}</StatusBadge>;
  return <StatusBadge tone={commitmentTone[props.status]}>{t(`plan.commitmentStatus.${props.status}`)}</StatusBadge>;
}

export function ActivityStatusBadge(props: { status: ActivityStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={activityTone[props.status]}>{t(`plan.activityStatus.${props.status}`)}</StatusBadge>;
}

export function EvidenceStatusBadge(props: { status: EvidenceStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={evidenceTone[props.status]}>{t(`plan.evidenceStatus.${props.status}`)}</StatusBadge>;
}

export function PlanStatusBadge(props: { status: PlanStatus }) {
  const { t } = usePage();
  if (useContext(PlanPeriodEnded)) return <StatusBadge tone="neutral">{t('plan.periodEnded.badge')}</StatusBadge>;
  return (
    <StatusBadge tone={props.status === 'in_implementation' || props.status === 'published' ? 'info' : 'neutral'}>
      {t(`plan.planStatus.${props.status}`)}
    </StatusBadge>
  );
}

/** "Con retraso": shown wherever a late commitment, milestone or activity appears. */
export function DelayedBadge(props: { isDelayed: boolean }) {
  const { t } = usePage();
  const ended = useContext(PlanPeriodEnded);
  if (!props.isDelayed) return null;
  return ended ? (
    <StatusBadge tone="warning">{t('plan.periodEnded.unfinished')}</StatusBadge>
  ) : (
    <StatusBadge tone="danger">{t('plan.delayed')}</StatusBadge>
  );
}

/** A progress figure as text, rounded to a whole percentage. */
export function Percent(props: { value: number }) {
  const { format } = usePage();
  return <>{format.percent(Math.round(props.value))}</>;
}
