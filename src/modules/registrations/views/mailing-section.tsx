import { Button, CsrfField, ErrorSummary, Table, TextArea, TextField } from '../../../web/components/index.js';
import type { FormState } from '../../../web/forms.js';
import { usePage } from '../../../web/page-context.js';
import { callAvailability } from '../../calls/call-window.js';
import type { CallWithExercise } from '../../calls/get-call.js';
import type { CallMailingEntry } from '../list-call-mailings.js';

function MailingForm(props: { callId: string; recipients: number; form: FormState }) {
  const { t, format } = usePage();
  const { values, errors, summary } = props.form;
  if (props.recipients === 0) return <p>{t('mailing.nobody')}</p>;
  return (
    <form method="post" action={`/admin/convocatorias/${props.callId}/envios`} novalidate>
      <ErrorSummary errors={summary} />
      <CsrfField />
      <fieldset class="form-section">
        <legend class="form-section__legend">{t('mailing.spanish')}</legend>
        <TextField
          id="subjectEs"
          name="subjectEs"
          label={t('mailing.subject')}
          value={values.subjectEs}
          error={errors.subjectEs}
          maxLength={200}
        />
        <TextArea
          id="bodyEs"
          name="bodyEs"
          label={t('mailing.body')}
          hint={t('mailing.bodyHint')}
          value={values.bodyEs}
          error={errors.bodyEs}
          rows={10}
          maxLength={20000}
        />
      </fieldset>
      <fieldset class="form-section" lang="en">
        <legend class="form-section__legend">{t('mailing.english')}</legend>
        <TextField
          id="subjectEn"
          name="subjectEn"
          label={t('mailing.subject')}
          value={values.subjectEn}
          error={errors.subjectEn}
          maxLength={200}
        />
        <TextArea
          id="bodyEn"
          name="bodyEn"
          label={t('mailing.body')}
          hint={t('mailing.bodyHint')}
          value={values.bodyEn}
          error={errors.bodyEn}
          rows={10}
          maxLength={20000}
        />
      </fieldset>
      <Button>
        {props.recipients === 1
          ? t('mailing.submitOne')
          : t('mailing.submit', { count: format.number(props.recipients) })}
      </Button>
    </form>
  );
}

/**
 * The next-step message on a call's admin page (its section in the calls' admin-call slot): how many registrants it
 * would reach, the form once the call has closed, and the mailings already sent with their delivery figures.
 */
export function MailingSection(props: {
  call: CallWithExercise['call'];
  now: Date;
  /** How many registrants the next-step message would reach. */
  recipients: number;
  mailings: CallMailingEntry[];
  form: FormState;
}) {
  const { t, format } = usePage();
  const { call } = props;
  const availability = callAvailability(call, props.now);
  return (
    <section aria-labelledby="mailing-heading">
      <h2 id="mailing-heading">{t('mailing.title')}</h2>
      <p>
        {t('mailing.recipients')}: <strong>{format.number(props.recipients)}</strong>
      </p>
      {availability === 'closed' ? (
        <>
          <p>{t('mailing.lead')}</p>
          <MailingForm callId={call.id} recipients={props.recipients} form={props.form} />
        </>
      ) : call.status === 'cancelled' ? (
        <p>{t('mailing.notForCancelled')}</p>
      ) : (
        <p>{t('mailing.afterClosing', { date: format.dateTime(call.closesAt) })}</p>
      )}
      {props.mailings.length > 0 ? (
        <Table
          caption={t('mailing.list.caption')}
          rows={props.mailings}
          rowKey={(m) => m.id}
          columns={[
            { header: t('mailing.list.date'), cell: (m) => format.dateTime(m.createdAt) },
            { header: t('mailing.list.subject'), cell: (m) => m.subject },
            { header: t('mailing.list.total'), cell: (m) => format.number(m.counts.total), isNumeric: true },
            { header: t('mailing.progress.sent'), cell: (m) => format.number(m.counts.sent), isNumeric: true },
            { header: t('mailing.progress.pending'), cell: (m) => format.number(m.counts.pending), isNumeric: true },
            { header: t('mailing.progress.failed'), cell: (m) => format.number(m.counts.failed), isNumeric: true },
            {
              header: t('mailing.list.progress'),
              cell: (m) => <a href={`/admin/convocatorias/${call.id}/envios/${m.id}`}>{t('mailing.progress.title')}</a>,
            },
          ]}
        />
      ) : null}
    </section>
  );
}
