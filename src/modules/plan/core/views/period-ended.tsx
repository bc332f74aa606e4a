import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../web/page-context.js';
import type { PlanOverview } from '../get-plan-overview.js';

/**
 * A plan whose period ended while it still says it is in implementation: the date it ended, what was reached, and what
 * is pending (the sections later modules add: final reports, evaluation), in place of "late" everywhere.
 */
export function PeriodEndedNotice(props: { overview: PlanOverview; pending: ComponentChildren[] }) {
  const { t, format } = usePage();
  const { plan, commitments, exercise } = props.overview;
  const active = commitments.filter((c) => c.status !== 'cancelled');
  const finished = active.filter((c) => c.progress >= 100).length;
  return (
    <section class="panel panel--highlight" aria-labelledby="period-ended-heading">
      <h2 id="period-ended-heading">{t('plan.periodEnded.title', { date: format.calendarDate(plan.periodEnd) })}</h2>
      <p>
        {t('plan.periodEnded.reached', {
          finished: format.number(finished),
          total: format.number(active.length),
        })}{' '}
        {t('plan.periodEnded.phase', { phase: t(`phase.${exercise.phase}`) })}
      </p>
      <h3>{t('plan.periodEnded.pending')}</h3>
      <ul>
        {props.pending}
        <li>{t('plan.periodEnded.closing')}</li>
      </ul>
    </section>
  );
}
