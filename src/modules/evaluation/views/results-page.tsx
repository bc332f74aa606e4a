import { Breadcrumbs, Button, PageHeading, SelectField, Table, type Column } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { Percent } from '../../plan/core/views/plan-badges.js';
import type { PlanResults } from '../get-plan-results.js';
import {
  CompletionBadge,
  DeclaredBadge,
  DisagreementNote,
  DisagreementRule,
  NotReviewableBadge,
  OpenedBadge,
} from './labels.js';

type Row = PlanResults['rows'][number];
export const evaluationHref = (slug: string, number: number) =>
  `/ejercicios/${slug}/plan/compromisos/${number}/evaluacion`;

function CountTable<L extends string>(props: {
  caption: string;
  levels: readonly { level: L; count: number }[];
  none: number;
  noneLabel: string;
  total: number;
  labelOf: (level: L) => string;
}) {
  const { t, format } = usePage();
  const rows = [
    ...props.levels.map((l) => ({ key: l.level, label: props.labelOf(l.level), count: l.count })),
    { key: '-none', label: props.noneLabel, count: props.none },
    { key: '-total', label: t('evaluation.results.counts.total'), count: props.total },
  ];
  return (
    <Table
      caption={props.caption}
      rowKey={(r) => r.key}
      rows={rows}
      columns={[
        {
          header: t('evaluation.results.counts.level'),
          cell: (r) => (r.key === '-total' ? <strong>{r.label}</strong> : r.label),
        },
        { header: t('evaluation.results.counts.count'), cell: (r) => format.number(r.count), isNumeric: true },
      ]}
    />
  );
}

/** The public results page of a plan: declared, computed and assessed side by side, filters, counts and the rule. */
export function ResultsPage(props: { results: PlanResults }) {
  const { t, format, path } = usePage();
  const { plan, rows, counts, options, filter } = props.results;
  const columns: Column<Row>[] = [
    { header: t('evaluation.results.table.number'), cell: (r) => format.number(r.number), isNumeric: true },
    {
      header: t('evaluation.results.table.commitment'),
      cell: (r) => <a href={evaluationHref(plan.slug, r.number)}>{r.title}</a>,
    },
    { header: t('evaluation.results.table.institution'), cell: (r) => r.lead.name },
    {
      header: t('evaluation.results.table.declared'),
      cell: (r) =>
        r.declared ? (
          <>
            <DeclaredBadge status={r.declared.status} />{' '}
            <span class="hint">{t(`evaluation.period.${r.declared.period}`)}</span>
          </>
        ) : (
          t('evaluation.noReport')
        ),
    },
    { header: t('evaluation.results.table.progress'), cell: (r) => <Percent value={r.progress} />, isNumeric: true },
    {
      header: t('evaluation.results.table.completion'),
      cell: (r) =>
        r.design?.verifiability === 'not_verifiable' ? (
          <NotReviewableBadge />
        ) : r.end ? (
          <CompletionBadge completion={r.end.completion} />
        ) : (
          t('evaluation.notAssessed')
        ),
    },
    {
      header: t('evaluation.results.table.opened'),
      cell: (r) =>
        r.design?.verifiability === 'not_verifiable' ? (
          <NotReviewableBadge />
        ) : r.end ? (
          <OpenedBadge opened={r.end.openedGovernment} />
        ) : (
          t('evaluation.notAssessed')
        ),
    },
    {
      header: t('evaluation.results.table.disagreement'),
      cell: (r) => <DisagreementNote disagreements={r.disagreements} />,
    },
  ];
  const isFiltered = Boolean(filter.institutionId || filter.cvegeo);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/ejercicios', label: t('nav.exercises') },
          { href: `/ejercicios/${plan.slug}`, label: plan.exerciseTitle },
          { href: `/ejercicios/${plan.slug}/plan`, label: t('plan.page.crumb') },
          { label: t('evaluation.results.crumb') },
        ]}
      />
      <PageHeading title={t('evaluation.results.title')} lead={t('evaluation.results.lead')}>
        <p>{plan.title}</p>
        <p>{t('evaluation.results.method', { method: t(`evaluation.method.${plan.method}`) })}</p>
      </PageHeading>

      <section aria-labelledby="filtro">
        <h2 id="filtro">{t('evaluation.results.filter.title')}</h2>
        <form method="get" action={path}>
          <SelectField
            id="institucion"
            name="institucion"
            label={t('evaluation.results.filter.institution')}
            value={filter.institutionId ?? ''}
            options={[
              { value: '', label: t('evaluation.results.filter.all') },
              ...options.institutions.map((i) => ({ value: i.id, label: i.name })),
            ]}
          />
          <SelectField
            id="municipio"
            name="municipio"
            label={t('evaluation.results.filter.municipality')}
            value={filter.cvegeo ?? ''}
            options={[
              { value: '', label: t('evaluation.results.filter.all') },
              ...options.municipalities.map((m) => ({ value: m.cvegeo, label: m.name })),
            ]}
          />
          <Button>{t('evaluation.results.filter.submit')}</Button>
        </form>
        {isFiltered ? (
          <p>
            <a href={path}>{t('evaluation.results.filter.clear')}</a>
          </p>
        ) : null}
        <p role="status">{t('evaluation.results.showing', { count: format.number(counts.total) })}</p>
      </section>

      <DisagreementRule headingId="regla" />

      <section aria-labelledby="compromisos">
        <h2 id="compromisos">{t('evaluation.results.table.title')}</h2>
        {rows.length === 0 ? (
          <p>{t('evaluation.results.none')}</p>
        ) : (
          <Table caption={t('evaluation.results.table.caption')} columns={columns} rows={rows} rowKey={(r) => r.id} />
        )}
        <p>{t('evaluation.results.counts.disagreements', { count: format.number(counts.disagreements) })}</p>
      </section>

      <section aria-labelledby="conteos">
        <h2 id="conteos">{t('evaluation.results.counts.title')}</h2>
        <p>{t('evaluation.results.counts.lead', { count: format.number(counts.total) })}</p>
        <CountTable
          caption={t('evaluation.results.counts.declared')}
          levels={counts.declared.levels}
          none={counts.declared.none}
          noneLabel={t('evaluation.noReport')}
          total={counts.total}
          labelOf={(l) => t(`evaluation.declared.${l}`)}
        />
        <CountTable
          caption={t('evaluation.results.counts.completion')}
          levels={counts.completion.levels}
          none={counts.completion.none}
          noneLabel={`${t('evaluation.notAssessed')} / ${t('evaluation.notReviewable')}`}
          total={counts.total}
          labelOf={(l) => t(`evaluation.completion.${l}`)}
        />
        <CountTable
          caption={t('evaluation.results.counts.opened')}
          levels={counts.openedGovernment.levels}
          none={counts.openedGovernment.none}
          noneLabel={`${t('evaluation.notAssessed')} / ${t('evaluation.notReviewable')}`}
          total={counts.total}
          labelOf={(l) => t(`evaluation.opened.${l}`)}
        />
      </section>
    </>
  );
}
