import type { ComponentChildren } from 'preact';
import { Breadcrumbs, Table } from '../../../../web/components/index.js';
import { StreamSlot } from '../../../../web/http.js';
import { usePage } from '../../../../web/page-context.js';
import type { Translate } from '../../../../web/i18n/i18n.js';
import type { PlanDocument } from '../get-plan-document.js';
import { escapeHtml, tableHtml } from '../../../../web/raw-html.js';
import { ogpValues, smartCriteria } from '../../schema.js';

type Commitment = PlanDocument['commitments'][number];

function Text(props: { value: string | null | undefined }) {
  const { t } = usePage();
  return props.value && props.value.trim() ? (
    <p class="prewrap">{props.value}</p>
  ) : (
    <p class="hint">{t('planData.print.empty')}</p>
  );
}

function Row(props: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** Calendar dates already written for this request (its `format`): a large plan repeats the same days many times. */
const writtenDays = new WeakMap<object, Map<string, string>>();

function useDates() {
  const { t, format } = usePage();
  let written = writtenDays.get(format);
  if (!written) {
    written = new Map();
    writtenDays.set(format, written);
  }
  const days = written;
  const noDate = t('planData.print.noDate');
  const day = (value: string | null) => {
    if (!value) return noDate;
    let text = days.get(value);
    if (text === undefined) {
      text = format.calendarDate(value);
      days.set(value, text);
    }
    return text;
  };
  return (start: string | null, end: string | null) =>
    t('planData.print.dateRange', { start: day(start), end: day(end) });
}

/** "Con retraso", or once the plan's period ended "Sin terminar al cierre" (as the plan's pages say). */
const lateLabel = (t: Translate, periodEnded: boolean) =>
  periodEnded ? t('plan.periodEnded.unfinished') : t('planData.print.delayed');

/** Statuses that say a commitment is still being carried out: after the plan's period they say it ended. */
const ongoing = new Set(['approved', 'in_implementation']);

/**
 * A commitment's milestones, each with its facts and its activities' table, as one HTML string (web/raw-html.ts): a
 * large plan's print view has 5,000 milestones and 25,000 activities, and Preact's cost per element (and the garbage
 * it leaves) made the view take over a second. The markup is what the components would render.
 */
function milestonesHtml(
  page: { t: Translate; format: ReturnType<typeof usePage>['format'] },
  range: ReturnType<typeof useDates>,
  commitment: Commitment,
  periodEnded: boolean,
): string {
  const { t, format } = page;
  const fact = (label: string, html: string) => `<dt>${escapeHtml(label)}</dt><dd>${html}</dd>`;
  const text = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : escapeHtml(value);
  const late = ` · ${lateLabel(t, periodEnded)}`;
  const labels = {
    deliverable: t('planData.print.deliverable'),
    responsible: t('planData.print.responsible'),
    plannedDates: t('planData.print.plannedDates'),
    weight: t('planData.print.weight'),
    progress: t('planData.print.commitmentProgress'),
    noActivities: escapeHtml(t('planData.print.noActivities')),
  };
  const headers = [
    { text: '#', isNumeric: true },
    { text: t('planData.print.activity') },
    { text: labels.responsible },
    { text: labels.plannedDates },
    { text: t('planData.print.activityStatus') },
  ];
  const statusOf = new Map<string, string>();
  let out = '';
  for (const m of commitment.milestones) {
    const id = `compromiso-${commitment.number}-hito-${m.position}`;
    out += `<section class="plan-document__milestone" aria-labelledby="${id}"><h4 id="${id}">${escapeHtml(
      t('planData.print.milestone', { position: m.position, title: m.title }),
    )}</h4><dl class="plan-document__facts">`;
    out += fact(labels.deliverable, text(m.deliverable));
    out += fact(labels.responsible, text(m.responsible));
    out += fact(labels.plannedDates, escapeHtml(range(m.plannedStart, m.plannedEnd)));
    out += fact(labels.weight, text(m.weight));
    out += fact(labels.progress, escapeHtml(format.percent(Math.round(m.progress)) + (m.isDelayed ? late : '')));
    out += '</dl>';
    if (m.cancelledAt)
      out += `<p>${escapeHtml(t('planData.print.cancelled', { reason: m.cancellationReason ?? '' }))}</p>`;
    if (m.activities.length) {
      const caption = t('planData.print.activitiesCaption', { position: m.position, number: commitment.number });
      const table = tableHtml({
        caption,
        headers,
        rows: m.activities.map((a) => {
          let status = statusOf.get(a.status);
          if (status === undefined) {
            status = t(`plan.activityStatus.${a.status}`);
            statusOf.set(a.status, status);
          }
          return [
            escapeHtml(a.position),
            a.description
              ? `${escapeHtml(a.title)}<span class="plan-document__detail"> ${escapeHtml(a.description)}</span>`
              : escapeHtml(a.title),
            escapeHtml(a.responsible),
            escapeHtml(range(a.plannedStart, a.plannedEnd)),
            escapeHtml(a.isDelayed ? status + late : status),
          ];
        }),
      });
      out += `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(caption)}">${table}</div>`;
    } else {
      out += `<p class="hint">${labels.noActivities}</p>`;
    }
    out += '</section>';
  }
  return out;
}

export function CommitmentSection(props: { commitment: Commitment; periodEnded: boolean }) {
  const { t, format } = usePage();
  const range = useDates();
  const c = props.commitment;
  const id = `compromiso-${c.number}`;
  const list = (items: string[]) => (items.length ? items.join('; ') : t('planData.print.empty'));
  return (
    <section class="plan-document__commitment" id={id} aria-labelledby={`${id}-titulo`}>
      <h2 id={`${id}-titulo`}>{t('planData.print.commitment', { number: c.number, title: c.title })}</h2>
      <h3>{t('planData.print.general')}</h3>
      <dl class="plan-document__facts">
        <Row label={t('planData.print.lead')}>
          {c.lead.acronym ? `${c.lead.name} (${c.lead.acronym})` : c.lead.name}
        </Row>
        <Row label={t('planData.print.partners')}>{list(c.coResponsible)}</Row>
        <Row label={t('planData.print.otherActors')}>{list(c.otherActors)}</Row>
        <Row label={t('planData.print.municipalities')}>{list(c.municipalities.map((m) => m.name))}</Row>
        <Row label={t('planData.print.dates')}>{range(c.startsOn, c.endsOn)}</Row>
        <Row label={t('planData.print.theme')}>{c.theme ?? t('planData.print.empty')}</Row>
        <Row label={t('planData.print.commitmentStatus')}>
          {props.periodEnded && ongoing.has(c.status)
            ? t('plan.periodEnded.badge')
            : t(`plan.commitmentStatus.${c.status}`)}
        </Row>
        {c.statusNote ? <Row label={t('planData.print.statusNote')}>{c.statusNote}</Row> : null}
        <Row label={t('planData.print.commitmentProgress')}>
          {format.percent(Math.round(c.progress))}
          {c.isDelayed ? ` · ${lateLabel(t, props.periodEnded)}` : ''}
        </Row>
        <Row label={t('planData.print.contacts')}>
          {c.contacts.length ? (
            <ul class="plain-list">
              {c.contacts.map((contact, i) => (
                <li key={i}>
                  {[contact.name, contact.position, contact.institution].filter(Boolean).join(', ')}
                  {contact.email ? (
                    <>
                      {' · '}
                      <a href={`mailto:${contact.email}`}>{contact.email}</a>
                    </>
                  ) : null}
                  {contact.phone ? ` · ${contact.phone}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            t('planData.print.empty')
          )}
        </Row>
      </dl>
      <h3>{t('planData.print.publicProblem')}</h3>
      <Text value={c.publicProblem} />
      <h3>{t('planData.print.baseline')}</h3>
      <Text value={c.baseline} />
      <h3>{t('planData.print.causes')}</h3>
      <Text value={c.causes} />
      <h3>{t('planData.print.description')}</h3>
      <Text value={c.description} />
      <h3>{t('planData.print.objective')}</h3>
      <Text value={c.objective} />
      <h3>{t('planData.print.howItSolves')}</h3>
      <Text value={c.howItSolves} />
      <h3>{t('planData.print.values')}</h3>
      <Table<(typeof ogpValues)[number]>
        caption={t('planData.print.valuesCaption', { number: c.number })}
        rowKey={(value) => value}
        rows={[...ogpValues]}
        columns={[
          { header: t('planData.print.value'), cell: (value) => t(`planData.print.value.${value}`) },
          {
            header: t('planData.print.relevant'),
            cell: (value) => (c.ogpValues[value]?.relevant ? t('planData.print.yes') : t('planData.print.no')),
          },
          { header: t('planData.print.justification'), cell: (value) => c.ogpValues[value]?.justification || '—' },
        ]}
      />
      <h3>{t('planData.print.indicator')}</h3>
      <Text value={c.indicator} />
      <h3>{t('planData.print.goal')}</h3>
      <Text value={c.goal} />
      <h3>{t('planData.print.assumptions')}</h3>
      <Text value={c.assumptions} />
      <h3>{t('planData.print.alignment')}</h3>
      <dl class="plan-document__facts">
        <Row label={t('planData.print.alignmentStatePlan')}>{c.alignmentStatePlan || t('planData.print.empty')}</Row>
        <Row label={t('planData.print.alignmentSdgs')}>
          {c.alignmentSdgs.length ? c.alignmentSdgs.map((n) => `ODS ${n}`).join(', ') : t('planData.print.empty')}
        </Row>
        <Row label={t('planData.print.alignmentGender')}>{c.alignmentGender || t('planData.print.empty')}</Row>
      </dl>
      <h3>{t('planData.print.smart')}</h3>
      <Table<(typeof smartCriteria)[number]>
        caption={t('planData.print.smartCaption', { number: c.number })}
        rowKey={(criterion) => criterion}
        rows={[...smartCriteria]}
        columns={[
          { header: t('planData.print.criterion'), cell: (criterion) => t(`planData.print.smart.${criterion}`) },
          {
            header: t('planData.print.met'),
            cell: (criterion) => (c.smart[criterion]?.met ? t('planData.print.yes') : t('planData.print.no')),
          },
          { header: t('planData.print.justification'), cell: (criterion) => c.smart[criterion]?.justification || '—' },
        ]}
      />
      <h3>{t('planData.print.milestones')}</h3>
      {c.milestones.length ? (
        <div
          class="plan-document__milestones"
          dangerouslySetInnerHTML={{ __html: milestonesHtml({ t, format }, range, c, props.periodEnded) }}
        />
      ) : (
        <p class="hint">{t('planData.print.noMilestones')}</p>
      )}
    </section>
  );
}

/**
 * The whole plan as the official document reads: cover data and contents here; each commitment in full goes in the
 * StreamSlot, one CommitmentSection per part (print-routes.tsx streams them).
 */
export function PlanPrintPage(props: { document: PlanDocument; issuedAt: Date }) {
  const { t, format } = usePage();
  const { exercise, plan, commitments } = props.document;
  const planHref = `/ejercicios/${encodeURIComponent(exercise.slug)}/plan`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${encodeURIComponent(exercise.slug)}`, label: exercise.title },
          { href: planHref, label: plan.title },
          { label: t('planData.print.crumb') },
        ]}
      />
      <article class="document plan-document">
        <header class="plan-document__cover">
          <p class="plan-document__convener">{props.document.convenerName}</p>
          <h1>{plan.title}</h1>
          <p class="lead">{exercise.title}</p>
          <p>
            {t('planData.print.period', {
              start: format.calendarDate(plan.periodStart),
              end: format.calendarDate(plan.periodEnd),
            })}
          </p>
          <dl class="plan-document__facts">
            <Row label={t('planData.print.status')}>
              {props.document.periodEnded ? t('plan.periodEnded.badge') : t(`plan.planStatus.${plan.status}`)}
            </Row>
            <Row label={t('planData.print.progress')}>{format.percent(Math.round(plan.progress))}</Row>
          </dl>
          {props.document.periodEnded ? (
            <p>{t('plan.periodEnded.title', { date: format.calendarDate(plan.periodEnd) })}</p>
          ) : null}
          <p class="hint">{t('planData.print.issued', { date: format.date(props.issuedAt) })}</p>
          <p class="hint print-hint">{t('planData.print.printHint')}</p>
        </header>
        <h2>{t('planData.print.vision')}</h2>
        <Text value={plan.strategicVision} />
        <nav class="plan-document__contents" aria-labelledby="contenido">
          <h2 id="contenido">{t('planData.print.contents')}</h2>
          <ol>
            {commitments.map((c) => (
              <li key={c.id}>
                <a href={`#compromiso-${c.number}`}>
                  {t('planData.print.commitment', { number: c.number, title: c.title })}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <StreamSlot class="plan-document__sections" />
      </article>
    </>
  );
}
