import {
  Breadcrumbs,
  PageHeading,
  Pagination,
  ProgressBar,
  stackedTable,
  Table,
} from '../../../../web/components/index.js';
import { MunicipalityMap } from '../../../directory/views/municipality-map.js';
import { usePage } from '../../../../web/page-context.js';
import { byInstitution, byMunicipality, type PlanOverview } from '../get-plan-overview.js';
import { activityStatuses, commitmentStatuses } from '../../schema.js';
import type { ComponentChildren } from 'preact';
import { CommitmentStatusBadge, DelayedBadge, Percent, PlanPeriodEnded, PlanStatusBadge } from './plan-badges.js';
import { PeriodEndedNotice } from './period-ended.js';
import { FormulaExplained } from './formula.js';

export const commitmentSorts = ['numero', 'avance', 'institucion', 'estado'] as const;
export type CommitmentSort = (typeof commitmentSorts)[number];
/** The direction of the commitments' order (`?sentido=`); each column has its own first direction. */
export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];
/** The direction a column sorts in when first chosen: progress from the highest, the rest from the first. */
export const defaultDirection = (sort: CommitmentSort): SortDirection => (sort === 'avance' ? 'desc' : 'asc');

type Row = PlanOverview['commitments'][number];
/** Ascending comparators; ties go by number, always ascending. */
const comparators: Record<CommitmentSort, (a: Row, b: Row) => number> = {
  numero: (a, b) => a.number - b.number,
  avance: (a, b) => a.progress - b.progress,
  institucion: (a, b) => a.lead.name.localeCompare(b.lead.name, 'es'),
  estado: (a, b) => commitmentStatuses.indexOf(a.status) - commitmentStatuses.indexOf(b.status),
};
const sortRows = (rows: readonly Row[], sort: CommitmentSort, direction: SortDirection) =>
  [...rows].sort((a, b) => (direction === 'asc' ? 1 : -1) * comparators[sort](a, b) || a.number - b.number);

/** A small bar beside a percentage (decorative: the figure beside it says the same). */
export function MiniBar(props: { value: number }) {
  const value = Math.max(0, Math.min(100, Math.round(props.value)));
  return (
    <svg class="mini-bar" width="48" height="10" viewBox="0 0 48 10" aria-hidden="true" focusable="false">
      <rect class="mini-bar__track" x="0.5" y="0.5" width="47" height="9" rx="4.5" />
      {value > 0 ? (
        <rect class="mini-bar__value" x="0.5" y="0.5" width={(47 * value) / 100} height="9" rx="4.5" />
      ) : null}
    </svg>
  );
}

export const commitmentHref = (slug: string, number: number) => `/ejercicios/${slug}/plan/compromisos/${number}`;

/**
 * Rows of the commitment table per page: a plan of hundreds of commitments stays a page people (and phones) can load.
 */
export const COMMITMENTS_PER_PAGE = 50;

function CommitmentTable(props: {
  overview: PlanOverview;
  sort: CommitmentSort;
  direction: SortDirection;
  page: number;
}) {
  const { t, path, format } = usePage();
  const sorted = sortRows(props.overview.commitments, props.sort, props.direction);
  const pages = Math.max(1, Math.ceil(sorted.length / COMMITMENTS_PER_PAGE));
  const page = Math.min(Math.max(1, props.page), pages);
  const rows = sorted.slice((page - 1) * COMMITMENTS_PER_PAGE, page * COMMITMENTS_PER_PAGE);
  const slug = props.overview.exercise.slug;
  // Each sortable heading is a link: to sort by it, or (the current one, with its arrow) to reverse the order.
  const header = (sort: CommitmentSort, label: string, isNumeric = false) => {
    const isCurrent = props.sort === sort;
    const next = isCurrent ? (props.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
    return (
      <th
        scope="col"
        class={isNumeric ? 'numeric' : undefined}
        aria-sort={isCurrent ? (props.direction === 'asc' ? 'ascending' : 'descending') : undefined}
        {...stackedTable.header}
      >
        <a href={`${path}?orden=${sort}&sentido=${next}#compromisos`}>
          {label}
          {isCurrent ? (
            <>
              <span class="sort-arrow" aria-hidden="true">
                {props.direction === 'asc' ? '▲' : '▼'}
              </span>
              <span class="visually-hidden">
                {' '}
                ({t(props.direction === 'asc' ? 'plan.table.ascending' : 'plan.table.descending')};{' '}
                {t('plan.table.reverse')})
              </span>
            </>
          ) : null}
        </a>
      </th>
    );
  };
  const sortLabels: Record<CommitmentSort, string> = {
    numero: t('plan.table.number'),
    institucion: t('plan.table.lead'),
    estado: t('plan.table.status'),
    avance: t('plan.table.progress'),
  };
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('plan.table.caption')}>
      {/* On a phone the headings are hidden (each card names its fields): the same choices, as links. */}
      <p class="sort-links">
        {t('plan.table.sortLinks')}{' '}
        {(['numero', 'institucion', 'estado', 'avance'] as const).map((sort, i) => {
          const isCurrent = props.sort === sort;
          const next = isCurrent ? (props.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
          return (
            <span key={sort}>
              {i > 0 ? ' · ' : ''}
              <a
                href={`${path}?orden=${sort}&sentido=${next}#compromisos`}
                aria-current={isCurrent ? 'true' : undefined}
              >
                {sortLabels[sort]}
                {isCurrent ? (
                  <>
                    <span class="sort-arrow" aria-hidden="true">
                      {props.direction === 'asc' ? '▲' : '▼'}
                    </span>
                    <span class="visually-hidden"> ({t('plan.table.reverse')})</span>
                  </>
                ) : null}
              </a>
            </span>
          );
        })}
      </p>
      <table class="table table--stack" {...stackedTable.table}>
        <caption>
          {t('plan.table.caption')}{' '}
          <span class="hint">
            {pages > 1
              ? `${t('plan.table.range', { from: format.number((page - 1) * COMMITMENTS_PER_PAGE + 1), to: format.number((page - 1) * COMMITMENTS_PER_PAGE + rows.length), total: format.number(sorted.length) })} `
              : null}
            {t(`plan.table.sortedBy.${props.sort}.${props.direction}`)} {t('plan.table.sortBy')}
          </span>
        </caption>
        <thead {...stackedTable.rowGroup}>
          <tr {...stackedTable.row}>
            {header('numero', t('plan.table.number'))}
            <th scope="col" {...stackedTable.header}>
              {t('plan.table.commitment')}
            </th>
            {header('institucion', t('plan.table.lead'))}
            {header('estado', t('plan.table.status'))}
            {header('avance', t('plan.table.progress'), true)}
          </tr>
        </thead>
        <tbody {...stackedTable.rowGroup}>
          {rows.map((c) => (
            <tr key={c.id} {...stackedTable.row}>
              <td {...stackedTable.cell(t('plan.table.number'))}>{c.number}</td>
              <td class="cell--primary" {...stackedTable.cell(t('plan.table.commitment'))}>
                <a href={commitmentHref(slug, c.number)}>{c.title}</a>
              </td>
              <td {...stackedTable.cell(t('plan.table.lead'))}>{c.lead.name}</td>
              <td {...stackedTable.cell(t('plan.table.status'))}>
                <CommitmentStatusBadge status={c.status} /> <DelayedBadge isDelayed={c.isDelayed} />
              </td>
              <td class="numeric progress-cell" {...stackedTable.cell(t('plan.table.progress'))}>
                <MiniBar value={c.progress} />
                <Percent value={c.progress} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(n) => `${path}?orden=${props.sort}&sentido=${props.direction}&pagina=${n}#compromisos`}
      />
    </div>
  );
}

/** The plan's breadcrumbs and heading: its period, its status, and links to its print view, feed and open data. */
function PlanHeader(props: { overview: PlanOverview }) {
  const { t, format } = usePage();
  const { exercise, plan } = props.overview;
  const slug = exercise.slug;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/ejercicios', label: t('nav.exercises') },
          { href: `/ejercicios/${slug}`, label: exercise.title },
          { label: t('plan.page.crumb') },
        ]}
      />
      <PageHeading
        title={plan.title}
        lead={t('plan.page.period', {
          start: format.calendarDate(plan.periodStart),
          end: format.calendarDate(plan.periodEnd),
        })}
      >
        <p>
          <PlanStatusBadge status={plan.status} />
        </p>
        <ul class="inline-list">
          <li>
            <a href={`/ejercicios/${slug}/plan/resultados`}>{t('evaluation.results.linkFromPlan')}</a>
          </li>
          <li>
            <a href={`/ejercicios/${slug}/plan/imprimir`}>{t('planData.print.title')}</a>
          </li>
          <li>
            <a href={`/ejercicios/${slug}/plan/novedades.atom`} type="application/atom+xml">
              {t('planData.feed.linkTitle')}
            </a>
          </li>
          <li>
            <a href="/datos">{t('nav.openData')}</a>
          </li>
        </ul>
      </PageHeading>
    </>
  );
}

/** The overall progress of the plan, with a link to how it is computed. */
function OverallSection(props: { overview: PlanOverview }) {
  const { t } = usePage();
  const { plan, commitments } = props.overview;
  return (
    <section aria-labelledby="overall-heading" class="panel panel--highlight">
      <h2 id="overall-heading">{t('plan.page.overall')}</h2>
      <p class="figures-total">
        <span class="figures-total__number">
          <Percent value={plan.progress} />
        </span>{' '}
        <span class="figures-total__label">
          {t('plan.page.overallLabel', { count: commitments.filter((c) => c.status !== 'cancelled').length })}
        </span>
      </p>
      <ProgressBar id="plan-progress" value={plan.progress} label={t('plan.page.overallBar')} />
      <p>
        <a href="#formula">{t('plan.page.howComputed')}</a>
      </p>
    </section>
  );
}

/** How many commitments and activities are in each status, and how many are late. */
function CountsSection(props: { overview: PlanOverview }) {
  const { t, format } = usePage();
  const { commitments, lateActivityCount, activityCounts } = props.overview;
  const lateCommitments = commitments.filter((c) => c.isDelayed);
  const statusCounts = commitmentStatuses
    .map((status) => ({ status, n: commitments.filter((c) => c.status === status).length }))
    .filter((s) => s.n > 0);
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading">{t('plan.page.counts')}</h2>
      <div class="card-grid">
        <div>
          <h3>{t('plan.page.commitmentsByStatus')}</h3>
          <ul class="plain-list">
            {statusCounts.map((s) => (
              <li key={s.status}>
                <CommitmentStatusBadge status={s.status} /> {format.number(s.n)}
              </li>
            ))}
            <li>
              {t(props.overview.periodEnded ? 'plan.periodEnded.unfinishedCommitments' : 'plan.page.lateCommitments')}:{' '}
              {format.number(lateCommitments.length)}
            </li>
          </ul>
        </div>
        <div>
          <h3>{t('plan.page.activitiesByStatus')}</h3>
          <ul class="plain-list">
            {activityStatuses.map((status) => (
              <li key={status}>
                {t(`plan.activityStatus.${status}`)}: {format.number(activityCounts[status] ?? 0)}
              </li>
            ))}
            <li>
              {t(props.overview.periodEnded ? 'plan.periodEnded.unfinishedActivities' : 'plan.page.lateActivities')}:{' '}
              {format.number(lateActivityCount)}
            </li>
          </ul>
        </div>
      </div>
    </section>
  );
}

/** The commitments by lead institution. */
function InstitutionsSection(props: { overview: PlanOverview }) {
  const { t, format } = usePage();
  const institutionsRows = byInstitution(props.overview.commitments);
  return (
    <section aria-labelledby="institutions-heading">
      <h2 id="institutions-heading">{t('plan.page.byInstitution')}</h2>
      <Table
        stack
        caption={t('plan.page.byInstitutionCaption')}
        columns={[
          {
            header: t('plan.table.institution'),
            cell: (r: (typeof institutionsRows)[number]) => r.name,
            isPrimary: true,
          },
          { header: t('plan.table.commitments'), cell: (r) => format.number(r.count), isNumeric: true },
          {
            header: t(props.overview.periodEnded ? 'plan.periodEnded.unfinishedColumn' : 'plan.table.late'),
            cell: (r) => format.number(r.delayed),
            isNumeric: true,
          },
          { header: t('plan.table.meanProgress'), cell: (r) => <Percent value={r.progress} />, isNumeric: true },
        ]}
        rows={institutionsRows}
        rowKey={(r) => r.id}
      />
    </section>
  );
}

/** The commitments by municipality: a map and its table. */
function MunicipalitiesSection(props: { overview: PlanOverview }) {
  const { t, format } = usePage();
  const municipalityRows = byMunicipality(props.overview.commitments);
  return (
    <section aria-labelledby="municipalities-heading">
      <h2 id="municipalities-heading">{t('plan.page.byMunicipality')}</h2>
      <div class="figures-municipalities">
        <MunicipalityMap
          id="plan-map"
          title={t('plan.map.title')}
          description={t('plan.map.description')}
          values={Object.fromEntries(municipalityRows.map((r) => [r.cvegeo, r.count]))}
          legendLabel={t('plan.map.legend')}
          valueText={(name, value) => t('plan.map.value', { name, count: value })}
        />
        <Table
          stack
          caption={t('plan.page.byMunicipalityCaption')}
          columns={[
            {
              header: t('plan.table.municipality'),
              cell: (r: (typeof municipalityRows)[number]) => r.name,
              isPrimary: true,
            },
            { header: t('plan.table.commitments'), cell: (r) => format.number(r.count), isNumeric: true },
            { header: t('plan.table.meanProgress'), cell: (r) => <Percent value={r.progress} />, isNumeric: true },
          ]}
          rows={municipalityRows}
          rowKey={(r) => r.cvegeo}
        />
      </div>
    </section>
  );
}

/** The late commitments, milestones and activities (the most overdue, with links to all of them). */
function LateSection(props: { overview: PlanOverview }) {
  const { t, format } = usePage();
  const ended = props.overview.periodEnded;
  const { exercise, commitments, lateMilestones, lateMilestoneCount, lateActivities, lateActivityCount } =
    props.overview;
  const slug = exercise.slug;
  const lateCommitments = commitments.filter((c) => c.isDelayed);
  return (
    <section aria-labelledby="late-heading">
      <h2 id="late-heading">{t(ended ? 'plan.periodEnded.lateHeading' : 'plan.page.late')}</h2>
      {lateCommitments.length + lateMilestoneCount + lateActivityCount === 0 ? (
        <p>{t('plan.page.noLate')}</p>
      ) : (
        <>
          <p>
            {t(ended ? 'plan.periodEnded.lateSummary' : 'plan.page.lateSummary', {
              commitments: format.number(lateCommitments.length),
              milestones: format.number(lateMilestoneCount),
              activities: format.number(lateActivityCount),
            })}
          </p>
          <ul>
            {lateMilestones.map((m) => (
              <li key={m.id}>
                <DelayedBadge isDelayed />{' '}
                <a href={commitmentHref(slug, m.commitmentNumber)}>
                  {t('plan.page.lateMilestone', { number: m.commitmentNumber, title: m.title })}
                </a>{' '}
                {m.overdueSince ? t('plan.page.overdueSince', { date: format.calendarDate(m.overdueSince) }) : null} (
                {m.responsibleName})
              </li>
            ))}
            {lateActivities.map((a) => (
              <li key={a.id}>
                <DelayedBadge isDelayed />{' '}
                <a href={commitmentHref(slug, a.commitmentNumber)}>
                  {t('plan.page.lateActivity', { number: a.commitmentNumber, title: a.title })}
                </a>{' '}
                {a.plannedEnd ? t('plan.page.dueOn', { date: format.calendarDate(a.plannedEnd) }) : null} (
                {a.institution})
              </li>
            ))}
          </ul>
          {lateMilestoneCount > lateMilestones.length || lateActivityCount > lateActivities.length ? (
            <ul class="inline-list">
              {lateMilestoneCount > 0 ? (
                <li>
                  <a href={`/ejercicios/${slug}/plan/atrasos?tipo=hitos`}>
                    {t('plan.page.allLateMilestones', { count: format.number(lateMilestoneCount) })}
                  </a>
                </li>
              ) : null}
              {lateActivityCount > 0 ? (
                <li>
                  <a href={`/ejercicios/${slug}/plan/atrasos?tipo=actividades`}>
                    {t('plan.page.allLateActivities', { count: format.number(lateActivityCount) })}
                  </a>
                </li>
              ) : null}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The next milestones, with a link to the full calendar. */
function UpcomingSection(props: { overview: PlanOverview }) {
  const { t, format } = usePage();
  const { exercise, upcomingMilestones, milestoneCount } = props.overview;
  const slug = exercise.slug;
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('plan.page.upcoming')}</h2>
      {upcomingMilestones.length === 0 ? (
        <p>{t('plan.page.noUpcoming')}</p>
      ) : (
        <ol class="plain-list">
          {upcomingMilestones.map((m) => (
            <li key={m.id}>
              <strong>{format.calendarDate(m.plannedEnd!)}</strong>:{' '}
              <a href={commitmentHref(slug, m.commitmentNumber)}>
                {t('plan.page.lateMilestone', { number: m.commitmentNumber, title: m.title })}
              </a>{' '}
              — <Percent value={m.progress} />
            </li>
          ))}
        </ol>
      )}
      {milestoneCount > 0 ? (
        <p>
          <a href={`/ejercicios/${slug}/plan/calendario`}>
            {t('plan.page.fullCalendar', { count: format.number(milestoneCount) })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** A search field beside the commitments: a plain GET form to /buscar. */
function PlanSearch() {
  const { t } = usePage();
  return (
    <form method="get" action="/buscar" role="search" aria-labelledby="plan-search-label" class="inline-search">
      <label id="plan-search-label" for="plan-search-q">
        {t('plan.page.search')}
      </label>
      <span class="inline-search__row">
        <input id="plan-search-q" name="q" type="search" maxLength={100} />
        <button type="submit" class="button button--secondary">
          {t('plan.page.searchSubmit')}
        </button>
      </span>
    </form>
  );
}

export function PlanPage(props: {
  overview: PlanOverview;
  sort: CommitmentSort;
  direction?: SortDirection | undefined;
  page: number;
  /** What an ended plan still needs (planPendingSlot's sections). */
  pending?: ComponentChildren[] | undefined;
}) {
  const { t } = usePage();
  const { plan, commitments } = props.overview;
  return (
    <PlanPeriodEnded.Provider value={props.overview.periodEnded}>
      <PlanHeader overview={props.overview} />

      {/* The key figure first (on a phone it must be on the first screen), then what an ended plan left pending. */}
      <OverallSection overview={props.overview} />

      {props.overview.periodEnded ? (
        <PeriodEndedNotice overview={props.overview} pending={props.pending ?? []} />
      ) : null}

      <section aria-labelledby="vision-heading">
        <h2 id="vision-heading">{t('plan.page.vision')}</h2>
        <p class="prewrap">{plan.strategicVision}</p>
      </section>

      <CountsSection overview={props.overview} />

      <section aria-labelledby="compromisos">
        <h2 id="compromisos">{t('plan.page.commitments')}</h2>
        <PlanSearch />
        {commitments.length === 0 ? (
          <p>{t('plan.page.noCommitments')}</p>
        ) : (
          <CommitmentTable
            overview={props.overview}
            sort={props.sort}
            direction={props.direction ?? defaultDirection(props.sort)}
            page={props.page}
          />
        )}
      </section>

      <InstitutionsSection overview={props.overview} />

      <MunicipalitiesSection overview={props.overview} />

      <LateSection overview={props.overview} />

      <UpcomingSection overview={props.overview} />

      <FormulaExplained />
    </PlanPeriodEnded.Provider>
  );
}
