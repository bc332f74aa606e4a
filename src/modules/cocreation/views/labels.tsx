import { StatusBadge, type BadgeTone } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { DiagnosisWindow, WindowState } from '../diagnosis-window.js';
import type { ProblemStatus } from '../schema.js';

const statusTones: Record<ProblemStatus, BadgeTone> = {
  proposed: 'info',
  admitted: 'success',
  prioritized: 'success',
  discarded: 'neutral',
  merged: 'neutral',
  not_selected: 'neutral',
};

export function ProblemStatusBadge(props: { status: ProblemStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={statusTones[props.status]}>{t(`cocreation.status.${props.status}`)}</StatusBadge>;
}

/** When problems may be proposed and supported: open until…, opens on…, closed on…, or no dates yet. */
export function DiagnosisWindowNote(props: { window: DiagnosisWindow | undefined; state: WindowState }) {
  const { t, format } = usePage();
  const { window, state } = props;
  if (!window || state === 'unplanned') return <p class="phase-now">{t('cocreation.window.unplanned')}</p>;
  if (state === 'upcoming')
    return <p class="phase-now">{t('cocreation.window.upcoming', { start: format.calendarDate(window.startsOn) })}</p>;
  if (state === 'closed')
    return (
      <p class="phase-now">
        {t('cocreation.window.closed', { end: format.calendarDate(window.endsOn ?? window.startsOn) })}
      </p>
    );
  return (
    <p class="phase-now">
      {window.endsOn
        ? t('cocreation.window.openUntil', { end: format.calendarDate(window.endsOn) })
        : t('cocreation.window.open')}
    </p>
  );
}
