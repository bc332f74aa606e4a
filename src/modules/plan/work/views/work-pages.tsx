import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notices,
  PageHeading,
  Table,
  TextArea,
  TextField,
} from '../../../../web/components/index.js';
import { usePage } from '../../../../web/page-context.js';
import type { ActivityWork } from '../get-activity-work.js';
import type { WorkActivity } from '../list-work-activities.js';
import { isActivityDelayed } from '../../core/progress.js';
import { ActivityFacts, EvidenceList } from '../../core/views/commitment-page.js';
import { commitmentHref } from '../../core/views/plan-page.js';
import { ActivityStatusBadge, DelayedBadge } from '../../core/views/plan-badges.js';
import type { FormState } from '../../../../web/forms.js';

function ActivityTable(props: { caption: string; rows: WorkActivity[]; today: string }) {
  const { t, format } = usePage();
  return (
    <Table
      stack
      caption={props.caption}
      columns={[
        {
          header: t('plan.work.activity'),
          cell: (a: WorkActivity) => <a href={`/actividades/${a.id}`}>{a.title}</a>,
          isPrimary: true,
        },
        {
          header: t('plan.work.commitment'),
          cell: (a) => t('plan.commitment.crumb', { number: a.commitmentNumber }) + ': ' + a.commitmentTitle,
        },
        { header: t('plan.work.institution'), cell: (a) => a.institution },
        {
          header: t('plan.table.status'),
          cell: (a) => (
            <>
              <ActivityStatusBadge status={a.status} /> <DelayedBadge isDelayed={isActivityDelayed(a, props.today)} />
            </>
          ),
        },
        { header: t('plan.work.due'), cell: (a) => (a.plannedEnd ? format.calendarDate(a.plannedEnd) : '—') },
      ]}
      rows={props.rows}
      rowKey={(a) => a.id}
    />
  );
}

export function MyActivitiesPage(props: {
  activities: WorkActivity[];
  today: string;
  toVerify: WorkActivity[] | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <PageHeading title={t('plan.work.title')} lead={t('plan.work.lead')} />
      {props.activities.length === 0 ? (
        <p>{t('plan.work.none')}</p>
      ) : (
        <ActivityTable caption={t('plan.work.caption')} rows={props.activities} today={props.today} />
      )}
      {props.toVerify ? (
        <section aria-labelledby="verify-heading">
          <h2 id="verify-heading">{t('plan.verify.title')}</h2>
          <p>{t('plan.verify.lead')}</p>
          {props.toVerify.length === 0 ? (
            <p>{t('plan.verify.none')}</p>
          ) : (
            <ActivityTable caption={t('plan.verify.caption')} rows={props.toVerify} today={props.today} />
          )}
        </section>
      ) : null}
    </>
  );
}

export interface ActivityForms {
  note: FormState;
  evidence: FormState;
  done: FormState;
  reject: FormState & { evidenceId?: string };
}

/** What the activity's liaisons may do while it is open: start it, attach evidence, add a note, mark it done. */
function ReportForms(props: { status: ActivityWork['activity']['status']; base: string; forms: ActivityForms }) {
  const { t } = usePage();
  const { base } = props;
  const { note, evidence, done } = props.forms;
  return (
    <>
      {props.status === 'not_started' ? (
        <form method="post" action={`${base}/iniciar`} class="form-section">
          <CsrfField />
          <h2>{t('plan.start.title')}</h2>
          <p>{t('plan.start.lead')}</p>
          <Button>{t('plan.start.submit')}</Button>
        </form>
      ) : null}

      <form method="post" action={`${base}/evidencias`} enctype="multipart/form-data" novalidate class="form-section">
        <CsrfField />
        <h2>{t('plan.addEvidence.title')}</h2>
        <ErrorSummary errors={evidence.summary} />
        <TextField
          id="description"
          name="description"
          label={t('plan.addEvidence.description')}
          hint={t('plan.addEvidence.descriptionHint')}
          value={evidence.values.description}
          error={evidence.errors.description}
        />
        <div class={evidence.errors.file ? 'field field--error' : 'field'}>
          <label class="field__label" for="file">
            {t('plan.addEvidence.file')} <span class="field__optional">{t('form.optional')}</span>
          </label>
          <p class="field__hint" id="file-hint">
            {t('plan.addEvidence.fileHint')}
          </p>
          {evidence.errors.file ? (
            <p class="field__error" id="file-error">
              <span class="visually-hidden">{t('status.error')}: </span>
              {evidence.errors.file}
            </p>
          ) : null}
          <input
            class="field__input"
            type="file"
            id="file"
            name="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp"
            aria-describedby={evidence.errors.file ? 'file-hint file-error' : 'file-hint'}
            aria-invalid={evidence.errors.file ? 'true' : undefined}
          />
        </div>
        <TextField
          id="url"
          name="url"
          type="url"
          isOptional
          label={t('plan.addEvidence.url')}
          hint={t('plan.addEvidence.urlHint')}
          value={evidence.values.url}
          error={evidence.errors.url}
        />
        <Button variant="secondary">{t('plan.addEvidence.submit')}</Button>
      </form>

      <form method="post" action={`${base}/notas`} novalidate class="form-section">
        <CsrfField />
        <h2>{t('plan.addNote.title')}</h2>
        <ErrorSummary errors={note.summary} />
        <TextArea
          id="body"
          name="body"
          label={t('plan.addNote.body')}
          hint={t('plan.addNote.hint')}
          value={note.values.body}
          error={note.errors.body}
          rows={3}
        />
        <Button variant="secondary">{t('plan.addNote.submit')}</Button>
      </form>

      <form method="post" action={`${base}/terminar`} novalidate class="form-section">
        <CsrfField />
        <h2>{t('plan.done.title')}</h2>
        <p>{t('plan.done.lead')}</p>
        <ErrorSummary errors={done.summary} />
        <TextArea
          id="closingNote"
          name="closingNote"
          label={t('plan.done.closingNote')}
          hint={t('plan.done.hint')}
          value={done.values.closingNote}
          error={done.errors.closingNote}
          rows={4}
        />
        <Button>{t('plan.done.submit')}</Button>
      </form>
    </>
  );
}

export function ActivityWorkPage(props: {
  work: ActivityWork;
  canReport: boolean;
  canVerify: boolean;
  forms: ActivityForms;
  today: string;
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t, format } = usePage();
  const { activity: a, commitment, milestone, exerciseSlug, institution } = props.work;
  const base = `/actividades/${a.id}`;
  const isOpen = a.status === 'not_started' || a.status === 'in_progress';
  const { reject } = props.forms;
  return (
    <>
      <Breadcrumbs items={[{ href: '/mis-actividades', label: t('plan.work.title') }, { label: a.title }]} />
      <PageHeading
        title={a.title}
        lead={t('plan.work.context', {
          number: commitment.number,
          commitment: commitment.title,
          milestone: milestone.title,
        })}
      >
        <p>
          <ActivityStatusBadge status={a.status} /> <DelayedBadge isDelayed={isActivityDelayed(a, props.today)} />
        </p>
      </PageHeading>
      <Notices notice={props.notice} problem={props.problem} />
      <ActivityFacts activity={a} responsible={institution} />
      <p>
        <a href={`${commitmentHref(exerciseSlug, commitment.number)}#actividad-${a.id}`}>{t('plan.work.publicPage')}</a>
      </p>

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t('plan.evidence.title')}</h2>
        <EvidenceList items={props.work.evidence} />
        {props.canVerify && a.status === 'done'
          ? props.work.evidence
              .filter((e) => e.status === 'submitted')
              .map((e) => (
                <form
                  key={e.id}
                  method="post"
                  action={`${base}/evidencias/${e.id}/rechazar`}
                  novalidate
                  class="form-section"
                >
                  <CsrfField />
                  {reject.evidenceId === e.id ? <ErrorSummary errors={reject.summary} /> : null}
                  <TextField
                    id={`reason-${e.id}`}
                    name="reason"
                    label={t('plan.reject.reason', { description: e.description })}
                    hint={t('plan.reject.hint')}
                    value={reject.evidenceId === e.id ? reject.values.reason : ''}
                    error={reject.evidenceId === e.id ? reject.errors.reason : undefined}
                  />
                  <Button variant="warning">{t('plan.reject.submit')}</Button>
                </form>
              ))
          : null}
      </section>

      {props.canReport && isOpen ? <ReportForms status={a.status} base={base} forms={props.forms} /> : null}

      {props.canVerify && a.status === 'done' ? (
        <form method="post" action={`${base}/verificar`} class="form-section">
          <CsrfField />
          <h2>{t('plan.verifyOne.title')}</h2>
          <p>{t('plan.verifyOne.lead')}</p>
          <Button>{t('plan.verifyOne.submit')}</Button>
        </form>
      ) : null}

      {props.work.notes.length ? (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('plan.notes.title')}</h2>
          <ul>
            {props.work.notes.map((n) => (
              <li key={n.id}>
                <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt)}</time> ({n.authorLabel}):{' '}
                {n.body}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
