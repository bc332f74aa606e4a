import { ProgressBar } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { PlanSummary } from '../list-plan-summaries.js';
import { PlanStatusBadge } from './plan-badges.js';

/** A plan's title, status and overall progress with a link to its public page (home and exercise pages). */
export function PlanSummaries(props: { plans: PlanSummary[]; headingLevel?: 2 | 3 }) {
  const { t } = usePage();
  if (props.plans.length === 0) return null;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby="plans-heading">
      <Heading id="plans-heading">{t('plan.summary.title')}</Heading>
      {props.plans.map((plan) => (
        <div class="card" key={plan.exerciseId}>
          <p class="card__title">
            <a href={`/ejercicios/${plan.slug}/plan`}>{plan.title}</a>
          </p>
          <p>
            <PlanStatusBadge status={plan.status} />
          </p>
          <ProgressBar
            id={`plan-summary-${plan.exerciseId}`}
            value={plan.progress}
            label={t('plan.summary.progress')}
          />
        </div>
      ))}
    </section>
  );
}
