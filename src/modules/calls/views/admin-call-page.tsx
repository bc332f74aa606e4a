import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  PageHeading,
  Table,
  TextArea,
  TextField,
  Notices,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { callAvailability } from '../call-window.js';
import type { CallWithExercise } from '../get-call.js';
import type { CallMailingEntry } from '../list-call-mailings.js';
import { AdminCallStatus } from './admin-call-status.js';
import type { FormState } from '../../../web/forms.js';

export interface AdminCallPageProps {
  call: CallWithExercise['call'];
  exercise: CallWithExercise['exercise'];
  now: Date;
  /** How many registrants the next-step message would reach. */
  recipients: number;
  mailings: CallMailingEntry[];
  forms: { cancel: FormState; results: FormState; mailing: FormState };
  notice?: string | undefined;
  problem?: string | undefined;
}

function MailingForm(props: { callId: string; recipients: number; form: FormState }) {
  const { t, format } = usePage();
  const { values, errors, summary } = props.form;
  if (props.recipients === 0) return <p>{t('calls.mailing.nobody')}</p>;
  return (
    <form method="post" action={`/admin/convocatorias/${props.callId}/envios`} novalidate>
      <ErrorSummary errors={summary} />
      <CsrfField />
      <fieldset class="form-section">
        <legend class="form-section__legend">{t('calls.mailing.spanish')}</legend>
        <TextField
          id="subjectEs"
          name="subjectEs"
          label={t('calls.mailing.subject')}
          value={values.subjectEs}
          error={errors.subjectEs}
          maxLength={200}
        />
        <TextArea
          id="bodyEs"
          name="bodyEs"
          label={t('calls.mailing.body')}
          hint={t('calls.mailing.bodyHint')}
          value={values.bodyEs}
          error={errors.bodyEs}
          rows={10}
          maxLength={20000}
        />
      </fieldset>
      <fieldset class="form-section" lang="en">
        <legend class="form-section__legend">{t('calls.mailing.english')}</legend>
        <TextField
          id="subjectEn"
          name="subjectEn"
          label={t('calls.mailing.subject')}
          value={values.subjectEn}
          error={errors.subjectEn}
          maxLength={200}
        />
        <TextArea
          id="bodyEn"
          name="bodyEn"
          label={t('calls.mailing.body')}
          hint={t('calls.mailing.bodyHint')}
          value={values.bodyEn}
          error={errors.bodyEn}
          rows={10}
          maxLength={20000}
        />
      </fieldset>
      <Button>
        {props.recipients === 1
          ? t('calls.mailing.submitOne')
          : t('calls.mailing.submit', { count: format.number(props.recipients) })}
      </Button>
    </form>
  );
}

/** One call for admins: where it stands, what can be done with it now, and its next-step mailings. */
export function AdminCallPage(props: AdminCallPageProps) {
  const { t, format } = usePage();
  const { call, exercise, forms } = props;
  const availability = callAvailability(call, props.now);
  const isEditable = call.status === 'draft' || call.status === 'published';
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin', label: t('accounts.admin.title') },
          { href: '/admin/convocatorias', label: t('calls.admin.title') },
          { label: call.title },
        ]}
      />
      <PageHeading title={call.title} lead={call.summary} />
      <Notices notice={props.notice} problem={props.problem} />
      <dl class="meta-list">
        <div>
          <dt>{t('calls.detail.status')}</dt>
          <dd>
            <AdminCallStatus call={call} now={props.now} />
          </dd>
        </div>
        <div>
          <dt>{t('calls.detail.exercise')}</dt>
          <dd>{exercise.title}</dd>
        </div>
        <div>
          <dt>{t('calls.detail.window')}</dt>
          <dd>
            {t('calls.admin.window', { opens: format.dateTime(call.opensAt), closes: format.dateTime(call.closesAt) })}
          </dd>
        </div>
        <div>
          <dt>{t('calls.detail.contact')}</dt>
          <dd>{call.contactEmail}</dd>
        </div>
        <div>
          <dt>{t('calls.detail.registrants')}</dt>
          <dd>{format.number(props.recipients)}</dd>
        </div>
      </dl>
      <div class="actions">
        {isEditable ? (
          <ButtonLink href={`/admin/convocatorias/${call.id}/editar`}>{t('calls.detail.edit')}</ButtonLink>
        ) : null}
        <ButtonLink href={`/admin/convocatorias/${call.id}/vista-previa`} variant="secondary">
          {t('calls.detail.preview')}
        </ButtonLink>
        {call.status !== 'draft' ? (
          <ButtonLink href={`/ejercicios/${exercise.slug}/convocatoria`} variant="secondary">
            {t('calls.detail.public')}
          </ButtonLink>
        ) : null}
      </div>

      {call.status === 'draft' ? (
        <section class="panel panel--highlight" aria-labelledby="publish-heading">
          <h2 id="publish-heading">{t('calls.publish.title')}</h2>
          <p>
            {t('calls.publish.body', { opens: format.dateTime(call.opensAt), closes: format.dateTime(call.closesAt) })}
          </p>
          <form method="post" action={`/admin/convocatorias/${call.id}/publicar`}>
            <CsrfField />
            <Button>{t('calls.publish.submit')}</Button>
          </form>
        </section>
      ) : null}

      {call.status === 'closed' ? (
        <section class="panel" aria-labelledby="results-heading">
          <h2 id="results-heading">{t('calls.results.title')}</h2>
          <p>{t('calls.results.body')}</p>
          <form method="post" action={`/admin/convocatorias/${call.id}/resultados`} novalidate>
            <ErrorSummary errors={forms.results.summary} />
            <CsrfField />
            <TextArea
              id="resultsText"
              name="resultsText"
              label={t('calls.results.label')}
              value={forms.results.values.resultsText ?? call.resultsText ?? ''}
              error={forms.results.errors.resultsText}
              rows={8}
              maxLength={10000}
            />
            <Button>{t('calls.results.submit')}</Button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="mailing-heading">
        <h2 id="mailing-heading">{t('calls.mailing.title')}</h2>
        {availability === 'closed' ? (
          <>
            <p>{t('calls.mailing.lead')}</p>
            <MailingForm callId={call.id} recipients={props.recipients} form={forms.mailing} />
          </>
        ) : call.status === 'cancelled' ? (
          <p>{t('calls.mailing.notForCancelled')}</p>
        ) : (
          <p>{t('calls.mailing.afterClosing', { date: format.dateTime(call.closesAt) })}</p>
        )}
        {props.mailings.length > 0 ? (
          <Table
            caption={t('calls.mailings.caption')}
            rows={props.mailings}
            rowKey={(m) => m.id}
            columns={[
              { header: t('calls.mailings.date'), cell: (m) => format.dateTime(m.createdAt) },
              { header: t('calls.mailings.subject'), cell: (m) => m.subject },
              { header: t('calls.mailings.total'), cell: (m) => format.number(m.counts.total), isNumeric: true },
              { header: t('calls.progress.sent'), cell: (m) => format.number(m.counts.sent), isNumeric: true },
              { header: t('calls.progress.pending'), cell: (m) => format.number(m.counts.pending), isNumeric: true },
              { header: t('calls.progress.failed'), cell: (m) => format.number(m.counts.failed), isNumeric: true },
              {
                header: t('calls.mailings.progress'),
                cell: (m) => <a href={`/admin/convocatorias/${call.id}/envios/${m.id}`}>{t('calls.progress.title')}</a>,
              },
            ]}
          />
        ) : null}
      </section>

      {call.status === 'published' ? (
        <section class="panel" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t('calls.cancel.title')}</h2>
          <p>{t('calls.cancel.body')}</p>
          <form method="post" action={`/admin/convocatorias/${call.id}/cancelar`} novalidate>
            <ErrorSummary errors={forms.cancel.summary} />
            <CsrfField />
            <TextArea
              id="reason"
              name="reason"
              label={t('calls.cancel.reason')}
              hint={t('calls.cancel.reasonHint')}
              value={forms.cancel.values.reason}
              error={forms.cancel.errors.reason}
              rows={4}
              maxLength={5000}
            />
            <Button variant="warning">{t('calls.cancel.submit')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
