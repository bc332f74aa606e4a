import { Fragment } from 'preact';
import type { ParticipationNotice, ParticipationPanel } from '../../../participation/load-participation.js';
import { CommentsSection, FollowButton } from '../../../participation/views/comments-section.js';
import type { ComponentChildren } from 'preact';
import { Breadcrumbs, PageHeading, ProgressBar, Table } from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import { RecordHistory } from '../../../audit/views/record-history.js';
import type { ShownEntry } from '../../../audit/present-history.js';
import { filePath } from '../../../files/get-file.js';
import type { CommitmentDetail } from '../get-commitment-detail.js';
import { ogpValues, smartCriteria } from '../../schema.js';
import {
  ActivityStatusBadge,
  CommitmentStatusBadge,
  DelayedBadge,
  EvidenceStatusBadge,
  PlanPeriodEnded,
} from './plan-badges.js';
import { ProgressChart } from './progress-chart.js';
import { emptyForm } from '../../../../web/forms.js';

function Field(props: { label: string; children: ComponentChildren }) {
  const { t } = usePage();
  const isEmpty =
    props.children === '' ||
    props.children === null ||
    props.children === undefined ||
    (Array.isArray(props.children) && props.children.length === 0);
  return (
    <div>
      <dt>{props.label}</dt>
      <dd class="prewrap">{isEmpty ? <span class="hint">{t('plan.field.empty')}</span> : props.children}</dd>
    </div>
  );
}

type Activity = CommitmentDetail['milestones'][number]['activities'][number];

export function EvidenceList(props: { items: Activity['evidence'] }) {
  const { t, format } = usePage();
  if (props.items.length === 0) return <p class="hint">{t('plan.evidence.none')}</p>;
  return (
    <ul>
      {props.items.map((item) => (
        <li key={item.id}>
          {item.file ? (
            <a href={filePath(item.file)}>
              {t('plan.evidence.file', {
                description: item.description,
                name: item.file.originalName,
                size: format.number(Math.max(1, Math.round(item.file.size / 1024))),
              })}
            </a>
          ) : (
            <a href={item.url ?? '#'} rel="noopener noreferrer nofollow">
              {t('plan.evidence.link', { description: item.description })}
            </a>
          )}{' '}
          <EvidenceStatusBadge status={item.status} />
          {item.rejectionReason ? (
            <span> {t('plan.evidence.rejectedBecause', { reason: item.rejectionReason })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ActivityDates(props: {
  activity: Pick<Activity, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>;
}) {
  const { t, format } = usePage();
  const d = (value: string | null) => (value ? format.calendarDate(value) : t('plan.field.noDate'));
  const a = props.activity;
  return (
    <>
      {t('plan.dates.planned', { start: d(a.plannedStart), end: d(a.plannedEnd) })}
      {a.actualStart || a.actualEnd ? (
        <> · {t('plan.dates.actual', { start: d(a.actualStart), end: d(a.actualEnd) })}</>
      ) : null}
    </>
  );
}

/** The facts of an activity (who, when, how it closed), on the public commitment page and on the work page. */
export function ActivityFacts(props: {
  activity: Pick<
    Activity,
    | 'plannedStart'
    | 'plannedEnd'
    | 'actualStart'
    | 'actualEnd'
    | 'responsiblePerson'
    | 'closingNote'
    | 'cancellationReason'
    | 'verifiedAt'
  >;
  responsible: string;
}) {
  const { t, format } = usePage();
  const a = props.activity;
  return (
    <dl class="meta-list">
      <div>
        <dt>{t('plan.activity.responsible')}</dt>
        <dd>
          {props.responsible}
          {a.responsiblePerson ? ` (${a.responsiblePerson})` : ''}
        </dd>
      </div>
      <div>
        <dt>{t('plan.activity.dates')}</dt>
        <dd>
          <ActivityDates activity={a} />
        </dd>
      </div>
      {a.closingNote ? (
        <div>
          <dt>{t('plan.activity.closingNote')}</dt>
          <dd class="prewrap">{a.closingNote}</dd>
        </div>
      ) : null}
      {a.cancellationReason ? (
        <div>
          <dt>{t('plan.activity.cancellationReason')}</dt>
          <dd>{a.cancellationReason}</dd>
        </div>
      ) : null}
      {a.verifiedAt ? (
        <div>
          <dt>{t('plan.activity.verifiedAt')}</dt>
          <dd>{format.dateTime(a.verifiedAt)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function ActivityItem(props: { activity: Activity }) {
  const { t, format } = usePage();
  const a = props.activity;
  return (
    <li class="card" id={`actividad-${a.id}`}>
      <h4 class="card__title">{a.title}</h4>
      <p>
        <ActivityStatusBadge status={a.status} /> <DelayedBadge isDelayed={a.isDelayed} />
      </p>
      <ActivityFacts activity={a} responsible={a.responsibleName} />
      {a.description ? <p class="prewrap">{a.description}</p> : null}
      <h5>{t('plan.evidence.title')}</h5>
      <EvidenceList items={a.evidence} />
      {a.notes.length ? (
        <>
          <h5>{t('plan.notes.title')}</h5>
          <ul>
            {a.notes.map((note) => (
              <li key={note.id}>
                <time dateTime={note.createdAt.toISOString()}>{format.dateTime(note.createdAt)}</time> (
                {note.authorLabel}): {note.body}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

/**
 * When no contact person has an e-mail or a phone: the institution in charge's address, or the guarantor body's
 * contact page, so that every commitment names someone to write to.
 */
function ContactFallback(props: { lead: CommitmentDetail['lead'] }) {
  const { t } = usePage();
  const { lead } = props;
  const website = lead.website && /^https?:\/\//i.test(lead.website) ? lead.website : undefined;
  return lead.contactEmail || website ? (
    <p>
      {lead.name}
      {lead.contactEmail ? (
        <>
          {' · '}
          <a href={`mailto:${lead.contactEmail}`}>{lead.contactEmail}</a>
        </>
      ) : null}
      {website ? (
        <>
          {' · '}
          <a href={website}>{website}</a>
        </>
      ) : null}
    </p>
  ) : (
    <p>
      <a href="/contacto">{t('plan.field.contactFallback')}</a>
    </p>
  );
}

/** The commitment's OGP template: who, when, where, the problem and its answer, alignment, contacts, values, SMART. */
function CommitmentTemplate(props: { detail: CommitmentDetail }) {
  const { t, format } = usePage();
  const { exercise, commitment: c, lead, partners, municipalities } = props.detail;
  const date = (value: string | null) => (value ? format.calendarDate(value) : '');
  const coResponsible = partners.filter((p) => p.role === 'co_responsible');
  const others = partners.filter((p) => p.role === 'other_actor');
  const partnerName = (p: (typeof partners)[number]) => p.institutionName ?? p.name ?? '';
  return (
    <section aria-labelledby="template-heading">
      <h2 id="template-heading">{t('plan.commitment.template')}</h2>
      <dl class="meta-list">
        <Field label={t('plan.field.lead')}>
          {lead.name}
          {lead.contactEmail ? (
            <>
              {' · '}
              <a href={`mailto:${lead.contactEmail}`}>{lead.contactEmail}</a>
            </>
          ) : null}
        </Field>
        <Field label={t('plan.field.coResponsible')}>{coResponsible.map(partnerName).join(', ')}</Field>
        <Field label={t('plan.field.otherActors')}>{others.map(partnerName).join(', ')}</Field>
        <Field label={t('plan.field.dates')}>
          {c.startsOn || c.endsOn ? t('plan.dates.range', { start: date(c.startsOn), end: date(c.endsOn) }) : ''}
        </Field>
        <Field label={t('plan.field.municipalities')}>
          {municipalities.map((m, i) => (
            <Fragment key={m.cvegeo}>
              {i > 0 ? ', ' : ''}
              <a href={`/municipios/${m.cvegeo}`}>{m.name}</a>
            </Fragment>
          ))}
        </Field>
        <Field label={t('plan.field.publicProblem')}>{c.publicProblem}</Field>
        <Field label={t('plan.field.baseline')}>{c.baseline}</Field>
        <Field label={t('plan.field.causes')}>{c.causes}</Field>
        <Field label={t('plan.field.description')}>{c.description}</Field>
        <Field label={t('plan.field.objective')}>{c.objective}</Field>
        <Field label={t('plan.field.howItSolves')}>{c.howItSolves}</Field>
        <Field label={t('plan.field.indicator')}>{c.indicator}</Field>
        <Field label={t('plan.field.goal')}>{c.goal}</Field>
        <Field label={t('plan.field.assumptions')}>{c.assumptions}</Field>
        <Field label={t('plan.field.alignmentStatePlan')}>{c.alignmentStatePlan}</Field>
        <Field label={t('plan.field.alignmentSdgs')}>
          {c.alignmentSdgs.map((n) => t('plan.field.sdg', { n })).join(', ')}
        </Field>
        <Field label={t('plan.field.alignmentGender')}>{c.alignmentGender}</Field>
        <Field label={t('plan.field.approval')}>
          {props.detail.approvalAgreementCode ? (
            <a href={`/ejercicios/${exercise.slug}/secretariado/acuerdos/${props.detail.approvalAgreementCode}`}>
              {t('plan.field.agreement', { id: props.detail.approvalAgreementCode })}
            </a>
          ) : (
            ''
          )}
        </Field>
        {c.modificationAgreementId ? (
          <Field label={t('plan.field.modification')}>
            {t('plan.field.agreement', { id: c.modificationAgreementId })}
          </Field>
        ) : null}
        {c.statusNote ? <Field label={t('plan.field.statusNote')}>{c.statusNote}</Field> : null}
      </dl>
      <h3>{t('plan.field.contacts')}</h3>
      {c.contacts.length ? (
        <ul>
          {c.contacts.map((contact, i) => (
            <li key={i}>
              {[contact.name, contact.position, contact.institution].filter(Boolean).join(', ')}
              {contact.email ? (
                <>
                  {' '}
                  · <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </>
              ) : null}
              {contact.phone ? ` · ${contact.phone}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {c.contacts.some((contact) => contact.email || contact.phone) ? null : <ContactFallback lead={lead} />}
      <Table
        caption={t('plan.values.caption')}
        columns={[
          { header: t('plan.values.value'), cell: (v: (typeof ogpValues)[number]) => t(`plan.value.${v}`) },
          { header: t('plan.values.relevant'), cell: (v) => t(c.ogpValues[v]?.relevant ? 'plan.yes' : 'plan.no') },
          { header: t('plan.values.justification'), cell: (v) => c.ogpValues[v]?.justification || '—' },
        ]}
        rows={[...ogpValues]}
        rowKey={(v) => v}
      />
      <Table
        caption={t('plan.smart.caption')}
        columns={[
          { header: t('plan.smart.criterion'), cell: (s: (typeof smartCriteria)[number]) => t(`plan.smart.${s}`) },
          { header: t('plan.smart.met'), cell: (s) => t(c.smart[s]?.met ? 'plan.yes' : 'plan.no') },
          { header: t('plan.values.justification'), cell: (s) => c.smart[s]?.justification || '—' },
        ]}
        rows={[...smartCriteria]}
        rowKey={(s) => s}
      />
    </section>
  );
}

/** The commitment's milestones, each with its progress, facts and activities. */
function MilestonesSection(props: { milestones: CommitmentDetail['milestones'] }) {
  const { t, format } = usePage();
  const { milestones } = props;
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t('plan.milestones.title')}</h2>
      {milestones.length === 0 ? <p>{t('plan.milestones.none')}</p> : null}
      {milestones.map((m, i) => (
        <section key={m.id} aria-labelledby={`milestone-${m.id}`} class="form-section" id={`hito-${m.id}`}>
          <h3 id={`milestone-${m.id}`}>{t('plan.milestone.title', { n: i + 1, title: m.title })}</h3>
          <p>
            <DelayedBadge isDelayed={m.isDelayed} />{' '}
            {m.cancelledAt ? <strong>{t('plan.milestone.cancelled')}</strong> : null}
          </p>
          <ProgressBar id={`milestone-progress-${m.id}`} value={m.progress} label={t('plan.milestone.progress')} />
          <dl class="meta-list">
            <Field label={t('plan.milestone.deliverable')}>{m.deliverable}</Field>
            <Field label={t('plan.milestone.responsible')}>{m.responsibleName}</Field>
            <Field label={t('plan.activity.dates')}>
              <ActivityDates activity={m} />
            </Field>
            <Field label={t('plan.milestone.weight')}>
              {t('plan.milestone.weightValue', {
                weight: m.weight,
                share: format.number(Math.round(m.share * 1000) / 10),
              })}
            </Field>
            {m.cancellationReason ? (
              <Field label={t('plan.activity.cancellationReason')}>{m.cancellationReason}</Field>
            ) : null}
          </dl>
          <h4>{t('plan.activities.title')}</h4>
          {m.activities.length === 0 ? (
            <p>{t('plan.activities.none')}</p>
          ) : (
            <ul class="plain-list">
              {m.activities.map((a) => (
                <ActivityItem key={a.id} activity={a} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

export function CommitmentPage(props: {
  detail: CommitmentDetail;
  /** The latest changes in words (its full history is on …/historial). */
  history: readonly ShownEntry[];
  participation?: (ParticipationPanel & { notice?: ParticipationNotice | undefined }) | undefined;
  /** Sections later modules add to this page (see commitment-page-slot.ts), already loaded. */
  sections?: ComponentChildren[];
}) {
  const { t, format } = usePage();
  const { exercise, plan, commitment: c, series } = props.detail;
  const planHref = `/ejercicios/${exercise.slug}/plan`;
  return (
    <PlanPeriodEnded.Provider value={props.detail.periodEnded}>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { href: planHref, label: plan.title },
          { label: t('plan.commitment.crumb', { number: c.number }) },
        ]}
      />
      <PageHeading title={t('plan.commitment.title', { number: c.number, title: c.title })} lead={c.theme ?? undefined}>
        <p>
          <CommitmentStatusBadge status={c.status} /> <DelayedBadge isDelayed={props.detail.isDelayed} />
        </p>
        {props.participation ? (
          <FollowButton
            target={props.participation.target}
            viewer={props.participation.viewer}
            notice={props.participation.notice}
          />
        ) : null}
      </PageHeading>
      <section aria-labelledby="progress-heading" class="panel panel--highlight">
        <h2 id="progress-heading">{t('plan.commitment.progress')}</h2>
        {props.detail.periodEnded ? (
          <p>
            {t('plan.periodEnded.commitment', {
              date: format.calendarDate(plan.periodEnd),
              progress: format.number(Math.round(c.progress)),
            })}
          </p>
        ) : null}
        <ProgressBar id="commitment-progress" value={c.progress} label={t('plan.commitment.progressBar')} />
        <p>
          <a href={`${planHref}#formula`}>{t('plan.page.howComputed')}</a>
        </p>
      </section>

      <CommitmentTemplate detail={props.detail} />

      {props.sections}

      <MilestonesSection milestones={props.detail.milestones} />

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t('plan.chart.title')}</h2>
        <ProgressChart id="commitment-chart" series={series} title={t('plan.chart.svgTitle', { number: c.number })} />
      </section>

      {props.participation ? (
        <CommentsSection
          target={props.participation.target}
          comments={props.participation.comments}
          viewer={props.participation.viewer}
          form={emptyForm()}
          notice={props.participation.notice}
        />
      ) : null}

      <RecordHistory
        entries={props.history}
        hasMore={props.detail.hasMoreHistory}
        fullHref={`${planHref}/compromisos/${c.number}/historial`}
      />
    </PlanPeriodEnded.Provider>
  );
}
