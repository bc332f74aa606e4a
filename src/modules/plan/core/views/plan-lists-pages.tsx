import type { ComponentChildren } from 'preact';
import { Breadcrumbs, PageHeading, Pagination, Table } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { PLAN_LIST_PAGE_SIZE, type PlanCalendar, type PlanLateItems } from '../list-plan-milestones.js';
import { DelayedBadge, Percent, PlanPeriodEnded } from './plan-badges.js';
import { commitmentHref } from './plan-page.js';

function planCrumbs(t: ReturnType<typeof usePage>['t'], exercise: { slug: string; title: string }, label: string) {
  return [
    { href: '/', label: t('nav.home') },
    { href: '/ejercicios', label: t('nav.exercises') },
    { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
    { href: `/ejercicios/${exercise.slug}/plan`, label: t('plan.page.crumb') },
    { label },
  ];
}

const range = (format: ReturnType<typeof usePage>['format'], page: number, shown: number) => ({
  from: format.number((page - 1) * PLAN_LIST_PAGE_SIZE + (shown > 0 ? 1 : 0)),
  to: format.number((page - 1) * PLAN_LIST_PAGE_SIZE + shown),
});

/** `/ejercicios/:slug/plan/calendario`: every milestone of the plan by its planned end, a hundred per page. */
export function PlanCalendarPage(props: { calendar: PlanCalendar }) {
  const { t, format } = usePage();
  const { exercise, plan, milestones, page, pages, total } = props.calendar;
  const slug = exercise.slug;
  type Row = (typeof milestones)[number];
  return (
    <PlanPeriodEnded.Provider value={props.calendar.periodEnded}>
      <Breadcrumbs items={planCrumbs(t, exercise, t('plan.calendar.title'))} />
      <PageHeading title={t('plan.calendar.title')} lead={plan.title}>
        <p>{t('plan.page.timelineLead')}</p>
      </PageHeading>
      {total === 0 ? (
        <p>{t('plan.calendar.none')}</p>
      ) : (
        <>
          <p>{t('plan.calendar.range', { ...range(format, page, milestones.length), total: format.number(total) })}</p>
          <Table
            stack
            caption={t('plan.calendar.caption')}
            columns={[
              {
                header: t('plan.calendar.due'),
                cell: (m: Row) => (m.plannedEnd ? format.calendarDate(m.plannedEnd) : t('plan.calendar.noDate')),
              },
              { header: t('plan.calendar.milestone'), cell: (m) => m.title, isPrimary: true },
              {
                header: t('plan.calendar.commitment'),
                cell: (m) => (
                  <a href={commitmentHref(slug, m.commitmentNumber)}>
                    {t('plan.page.lateMilestone', { number: m.commitmentNumber, title: m.commitmentTitle })}
                  </a>
                ),
              },
              { header: t('plan.calendar.responsible'), cell: (m) => m.responsibleName },
              {
                header: t('plan.calendar.progress'),
                cell: (m) => (
                  <>
                    {m.cancelledAt ? t('plan.milestone.cancelled') : <Percent value={m.progress} />}{' '}
                    <DelayedBadge isDelayed={m.isDelayed} />
                  </>
                ),
                isNumeric: true,
              },
            ]}
            rows={milestones}
            rowKey={(m) => m.id}
          />
          <Pagination page={page} pages={pages} hrefFor={(n) => `/ejercicios/${slug}/plan/calendario?pagina=${n}`} />
        </>
      )}
      <p>
        <a href={`/ejercicios/${slug}/plan`}>{t('plan.late.backToPlan')}</a>
      </p>
    </PlanPeriodEnded.Provider>
  );
}

/**
 * `/ejercicios/:slug/plan/atrasos?tipo=hitos|actividades`: every late milestone or activity, the most overdue first.
 */
export function PlanLatePage(props: { late: PlanLateItems; sections?: ComponentChildren[] }) {
  const { t, format } = usePage();
  const { exercise, plan, kind, items, page, pages, counts } = props.late;
  const slug = exercise.slug;
  type Row = (typeof items)[number];
  const tab = (which: typeof kind, label: string) => (
    <li>
      {which === kind ? (
        <strong aria-current="page">{label}</strong>
      ) : (
        <a href={`/ejercicios/${slug}/plan/atrasos?tipo=${which}`}>{label}</a>
      )}
    </li>
  );
  return (
    <PlanPeriodEnded.Provider value={props.late.periodEnded}>
      <Breadcrumbs items={planCrumbs(t, exercise, t('plan.late.title'))} />
      <PageHeading title={t('plan.late.title')} lead={plan.title}>
        <p>{t('plan.late.lead')}</p>
      </PageHeading>
      <nav aria-label={t('plan.late.tabs')}>
        <ul class="inline-list">
          {tab('hitos', t('plan.late.tabMilestones', { count: format.number(counts.hitos) }))}
          {tab('actividades', t('plan.late.tabActivities', { count: format.number(counts.actividades) }))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p>{t('plan.late.none')}</p>
      ) : (
        <>
          <Table
            stack
            caption={t(kind === 'hitos' ? 'plan.late.captionMilestones' : 'plan.late.captionActivities')}
            columns={[
              {
                header: t(kind === 'hitos' ? 'plan.late.overdueSince' : 'plan.calendar.due'),
                cell: (r: Row) => (r.due ? format.calendarDate(r.due) : t('plan.calendar.noDate')),
              },
              {
                header: t(kind === 'hitos' ? 'plan.calendar.milestone' : 'plan.late.activity'),
                cell: (r) => (r.status ? `${r.title} (${t(`plan.activityStatus.${r.status}`)})` : r.title),
                isPrimary: true,
              },
              {
                header: t('plan.calendar.commitment'),
                cell: (r) => (
                  <a href={commitmentHref(slug, r.commitmentNumber)}>
                    {t('plan.page.lateMilestone', { number: r.commitmentNumber, title: r.commitmentTitle })}
                  </a>
                ),
              },
              { header: t('plan.calendar.responsible'), cell: (r) => r.responsibleName },
            ]}
            rows={items}
            rowKey={(r) => r.id}
          />
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(n) => `/ejercicios/${slug}/plan/atrasos?tipo=${kind}&pagina=${n}`}
          />
        </>
      )}
      {props.sections}
      <p>
        <a href={`/ejercicios/${slug}/plan`}>{t('plan.late.backToPlan')}</a>
      </p>
    </PlanPeriodEnded.Provider>
  );
}
