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

export function CommitmentStatusBadge(props: { status: CommitmentStatus }) {
  const { t } = usePage();
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
  return (
    <StatusBadge tone={props.status === 'in_implementation' || props.status === 'published' ? 'info' : 'neutral'}>
      {t(`plan.planStatus.${props.status}`)}
    </StatusBadge>
  );
}

/** "Con retraso": shown wherever a late commitment, milestone or activity appears. */
export function DelayedBadge(props: { isDelayed: boolean }) {
  const { t } = usePage();
  return props.isDelayed ? <StatusBadge tone="danger">{t('plan.delayed')}</StatusBadge> : null;
}

/** A progress figure as text, rounded to a whole percentage. */
export function Percent(props: { value: number }) {
  const { format } = usePage();
  return <>{format.number(Math.round(props.value))} %</>;
}
