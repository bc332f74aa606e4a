import { Table } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { commitmentProgress, milestoneProgress, normalisedWeights } from '../progress.js';
import { Percent } from './plan-badges.js';

/** The worked example, computed by the same functions that compute the real figures. */
const example = (() => {
  const a = milestoneProgress([{ status: 'verified' }, { status: 'in_progress' }]);
  const b = milestoneProgress([{ status: 'not_started' }, { status: 'cancelled' }, { status: 'done' }]);
  const stones = [
    { weight: 3, progress: a, isCancelled: false },
    { weight: 1, progress: b, isCancelled: false },
  ];
  return { a, b, shares: normalisedWeights(stones), commitment: commitmentProgress(stones) };
})();

/** The public formula of progress, with a worked example (DOMAIN.md: "the formula is shown on the public pages"). */
export function FormulaExplained() {
  const { t, format } = usePage();
  const pct = (value: number) => format.percent(Math.round(value * 100) / 100);
  return (
    <section aria-labelledby="formula" class="panel">
      <h2 id="formula">{t('plan.formula.title')}</h2>
      <p>{t('plan.formula.lead')}</p>
      <ul>
        <li>{t('plan.formula.activity')}</li>
        <li>{t('plan.formula.milestone')}</li>
        <li>{t('plan.formula.commitment')}</li>
        <li>{t('plan.formula.plan')}</li>
        <li>{t('plan.formula.delayed')}</li>
      </ul>
      <h3>{t('plan.formula.exampleTitle')}</h3>
      <Table
        caption={t('plan.formula.exampleCaption')}
        columns={[
          {
            header: t('plan.formula.column.milestone'),
            cell: (r: { name: string; activities: string; progress: number; weight: string }) => r.name,
          },
          { header: t('plan.formula.column.activities'), cell: (r) => r.activities },
          { header: t('plan.formula.column.progress'), cell: (r) => pct(r.progress), isNumeric: true },
          { header: t('plan.formula.column.weight'), cell: (r) => r.weight, isNumeric: true },
        ]}
        rows={[
          {
            name: t('plan.formula.example.a'),
            activities: t('plan.formula.example.aActivities'),
            progress: example.a,
            weight: t('plan.formula.example.weight', { weight: 3, share: format.number(example.shares[0]! * 100) }),
          },
          {
            name: t('plan.formula.example.b'),
            activities: t('plan.formula.example.bActivities'),
            progress: example.b,
            weight: t('plan.formula.example.weight', { weight: 1, share: format.number(example.shares[1]! * 100) }),
          },
        ]}
        rowKey={(r) => r.name}
      />
      <p>
        {t('plan.formula.example.result', { a: format.number(example.a), b: format.number(example.b) })}{' '}
        <strong>
          <Percent value={example.commitment} />
        </strong>
        .
      </p>
    </section>
  );
}
