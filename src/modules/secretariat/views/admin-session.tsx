import {
  Breadcrumbs,
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  FileField,
  Notices,
  PageHeading,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { nextStatuses } from '../agreement-code.js';
import type { SecretariatDetail } from '../get-secretariat.js';
import type { SessionDetail } from '../get-session.js';
import type { QuorumResult } from '../quorum.js';
import { attendanceStatuses, voteChoices } from '../schema.js';
import { sessionPath, sessionTitle } from '../session-calendar.js';
import { ACCEPTED_FILES, AgreementStatusBadges, FileFacts, SessionStatusBadge, seatName } from './labels.js';
import { QuorumStatement } from './session-page.js';
import type { FormState } from '../../../web/forms.js';

export interface AdminSessionForms {
  attendance: FormState;
  agreement: FormState;
  minutes: FormState;
  cancel: FormState;
  followUp: FormState & { agreementId?: string };
  /** Moving the session to another date, time or place (prefilled with the current ones). */
  reschedule: FormState;
}

/** Running one session: convene, attendance and quorum, agreements with their votes, minutes, follow-up. */
/**
 * Recording an agreement of a held session: its text, how it was decided (the votes of the seats present) and its
 * follow-up.
 */
function AgreementForm(props: {
  id: string;
  forms: AdminSessionForms;
  voters: SecretariatDetail['seats'];
  linkOptions: { value: string; label: string }[];
}) {
  const { t } = usePage();
  const { id, forms, voters } = props;
  return (
    <section class="panel" aria-labelledby="agreement-form-heading">
      <h2 id="agreement-form-heading">{t('secretariat.agreementForm.title')}</h2>
      <form method="post" action={`/admin/secretariado/sesiones/${id}/acuerdos`} novalidate>
        <ErrorSummary errors={forms.agreement.summary} />
        <CsrfField />
        <TextArea
          id="text"
          name="text"
          label={t('secretariat.agreementForm.text')}
          value={forms.agreement.values.text}
          error={forms.agreement.errors.text}
          rows={4}
          maxLength={10000}
        />
        <RadioGroup
          id="decisionMethod"
          name="decisionMethod"
          legend={t('secretariat.agreementForm.method')}
          value={forms.agreement.values.decisionMethod ?? 'vote'}
          error={forms.agreement.errors.decisionMethod}
          options={[
            { value: 'vote', label: t('secretariat.agreementForm.byVote') },
            { value: 'consensus', label: t('secretariat.agreementForm.byConsensus') },
          ]}
        />
        <fieldset class="form-section">
          <legend class="form-section__legend">{t('secretariat.agreementForm.votes')}</legend>
          <p class="field__hint">{t('secretariat.agreementForm.votesHint')}</p>
          {forms.agreement.errors.votes ? (
            <p class="field__error" id="votes">
              {forms.agreement.errors.votes}
            </p>
          ) : null}
          {voters.map((seat) => (
            <RadioGroup
              key={seat.id}
              id={`vote-${seat.id}`}
              name={`vote-${seat.id}`}
              legend={seatName(t, seat)}
              value={forms.agreement.values[`vote-${seat.id}`]}
              options={voteChoices.map((v) => ({ value: v, label: t(`secretariat.vote.${v}`) }))}
            />
          ))}
        </fieldset>
        <TextField
          id="responsible"
          name="responsible"
          label={t('secretariat.agreementForm.responsible')}
          value={forms.agreement.values.responsible}
          error={forms.agreement.errors.responsible}
          maxLength={300}
        />
        <TextField
          id="dueOn"
          name="dueOn"
          type="date"
          label={t('secretariat.agreementForm.dueOn')}
          value={forms.agreement.values.dueOn}
          error={forms.agreement.errors.dueOn}
          isOptional
        />
        <SelectField
          id="link"
          name="link"
          label={t('secretariat.agreementForm.link')}
          value={forms.agreement.values.link}
          options={[{ value: '', label: t('secretariat.agreementForm.noLink') }, ...props.linkOptions]}
        />
        <Button>{t('secretariat.agreementForm.submit')}</Button>
      </form>
    </section>
  );
}

/** The session's agreements, each with its follow-up form while it can still move. */
function AgreementsFollowUp(props: {
  agreements: SessionDetail['agreements'];
  exerciseSlug: string;
  forms: AdminSessionForms;
}) {
  const { t } = usePage();
  const { forms } = props;
  return (
    <section aria-labelledby="agreements-admin-heading">
      <h2 id="agreements-admin-heading">{t('secretariat.agreements.title')}</h2>
      {props.agreements.map((a) => {
        const isThis = forms.followUp.agreementId === a.id;
        const moves = a.outcome === 'approved' ? [a.status, ...nextStatuses[a.status]] : [];
        return (
          <article class="card" key={a.id}>
            <h3 class="card__title">
              <a href={`/ejercicios/${props.exerciseSlug}/secretariado/acuerdos/${a.code}`}>{a.code}</a>
            </h3>
            <p>{a.text}</p>
            <p>
              <AgreementStatusBadges status={a.status} outcome={a.outcome} isOverdue={false} />
            </p>
            {moves.length > 0 && nextStatuses[a.status].length > 0 ? (
              <form method="post" action={`/admin/secretariado/acuerdos/${a.id}/seguimiento`} novalidate>
                {isThis ? <ErrorSummary errors={forms.followUp.summary} /> : null}
                <CsrfField />
                <SelectField
                  id={`status-${a.id}`}
                  name="status"
                  label={t('secretariat.followUp.status', { code: a.code })}
                  value={isThis ? forms.followUp.values.status : a.status}
                  options={moves.map((s) => ({ value: s, label: t(`secretariat.agreementStatus.${s}`) }))}
                />
                <TextArea
                  id={`note-${a.id}`}
                  name="note"
                  label={t('secretariat.followUp.note')}
                  value={isThis ? forms.followUp.values.note : ''}
                  error={isThis ? forms.followUp.errors.note : undefined}
                  rows={3}
                  maxLength={5000}
                />
                <Button variant="secondary">{t('secretariat.followUp.submit')}</Button>
              </form>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

/** The session's minutes (text, a file or a link, the recording) and their approval. */
function MinutesForm(props: {
  session: SessionDetail['session'];
  minutesFile: SessionDetail['minutesFile'];
  forms: AdminSessionForms;
}) {
  const { t } = usePage();
  const { session, minutesFile, forms } = props;
  const id = session.id;
  return (
    <section class="panel" aria-labelledby="minutes-form-heading">
      <h2 id="minutes-form-heading">{t('secretariat.minutes.title')}</h2>
      <form method="post" action={`/admin/secretariado/sesiones/${id}/minuta`} enctype="multipart/form-data" novalidate>
        <ErrorSummary errors={forms.minutes.summary} />
        <CsrfField />
        <TextArea
          id="minutesText"
          name="minutesText"
          label={t('secretariat.minutesForm.text')}
          hint={t('secretariat.minutesForm.textHint')}
          value={forms.minutes.values.minutesText ?? session.minutesText ?? ''}
          error={forms.minutes.errors.minutesText}
          isOptional
          rows={10}
        />
        {minutesFile ? (
          <p>
            {t('secretariat.minutesForm.currentFile', { name: minutesFile.originalName })} (
            <FileFacts file={minutesFile} />)
          </p>
        ) : null}
        <FileField
          id="minutesFile"
          name="minutesFile"
          accept={ACCEPTED_FILES}
          label={t('secretariat.minutesForm.file')}
          hint={t('secretariat.minutesForm.fileHint')}
          error={forms.minutes.errors.minutesFile}
          isOptional
        />
        <TextField
          id="minutesUrl"
          name="minutesUrl"
          type="url"
          label={t('secretariat.minutesForm.url')}
          value={forms.minutes.values.minutesUrl ?? session.minutesUrl ?? ''}
          error={forms.minutes.errors.minutesUrl}
          isOptional
        />
        <TextField
          id="recordingUrl"
          name="recordingUrl"
          type="url"
          label={t('secretariat.minutesForm.recording')}
          value={forms.minutes.values.recordingUrl ?? session.recordingUrl ?? ''}
          error={forms.minutes.errors.recordingUrl}
          isOptional
        />
        <Button variant="secondary">{t('secretariat.minutesForm.submit')}</Button>
      </form>
      {session.status === 'held' ? (
        <form method="post" action={`/admin/secretariado/sesiones/${id}/aprobar-minuta`}>
          <CsrfField />
          <p>{t('secretariat.approve.body')}</p>
          <Button>{t('secretariat.approve.submit')}</Button>
        </form>
      ) : null}
    </section>
  );
}

export function AdminSessionPage(props: {
  secretariat: SecretariatDetail;
  detail: SessionDetail;
  quorum: QuorumResult;
  forms: AdminSessionForms;
  linkOptions: { value: string; label: string }[];
  notice?: string | undefined;
  problem?: string | undefined;
}) {
  const { t } = usePage();
  const { exercise, seats, secretariat } = props.secretariat;
  const { session, attendance, minutesFile } = props.detail;
  const { forms } = props;
  const id = session.id;
  const title = sessionTitle(t, session);
  const canRecordAttendance =
    session.status === 'convened' || session.status === 'held' || session.status === 'no_quorum';
  const voters = seats.filter((s) => s.kind !== 'facilitator' && (attendance.get(s.id) ?? 'absent') !== 'absent');
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: '/admin/secretariado', label: t('secretariat.admin.title') },
          { href: `/admin/secretariado/${secretariat.id}`, label: exercise.title },
          { label: title },
        ]}
      />
      <PageHeading title={title} />
      <Notices notice={props.notice} problem={props.problem} />
      <p>
        <SessionStatusBadge status={session.status} />
      </p>
      <div class="actions">
        <ButtonLink href={sessionPath(exercise.slug, session)} variant="secondary">
          {t('secretariat.admin.publicSession')}
        </ButtonLink>
      </div>

      {session.status === 'scheduled' ? (
        <section class="panel panel--highlight" aria-labelledby="convene-heading">
          <h2 id="convene-heading">{t('secretariat.convene.title')}</h2>
          <p>{t('secretariat.convene.body')}</p>
          <form method="post" action={`/admin/secretariado/sesiones/${id}/convocar`}>
            <CsrfField />
            <Button>{t('secretariat.convene.submit')}</Button>
          </form>
        </section>
      ) : null}

      {canRecordAttendance ? (
        <section class="panel" aria-labelledby="attendance-form-heading">
          <h2 id="attendance-form-heading">{t('secretariat.session.attendance')}</h2>
          <QuorumStatement quorum={props.quorum} recorded={attendance.size > 0} />
          <form method="post" action={`/admin/secretariado/sesiones/${id}/asistencia`} novalidate>
            <ErrorSummary errors={forms.attendance.summary} />
            <CsrfField />
            {seats.map((seat) => (
              <RadioGroup
                key={seat.id}
                id={`seat-${seat.id}`}
                name={`seat-${seat.id}`}
                legend={`${seatName(t, seat)} (${t(`secretariat.sector.${seat.kind}`)})`}
                value={forms.attendance.values[`seat-${seat.id}`] ?? attendance.get(seat.id)}
                error={forms.attendance.errors[`seat-${seat.id}`]}
                options={attendanceStatuses.map((s) => ({ value: s, label: t(`secretariat.attendance.${s}`) }))}
              />
            ))}
            <Button>{t('secretariat.attendanceForm.submit')}</Button>
          </form>
        </section>
      ) : null}

      {session.status === 'held' ? (
        <AgreementForm id={id} forms={forms} voters={voters} linkOptions={props.linkOptions} />
      ) : null}

      {props.detail.agreements.length > 0 ? (
        <AgreementsFollowUp agreements={props.detail.agreements} exerciseSlug={exercise.slug} forms={forms} />
      ) : null}

      {session.status === 'held' || session.status === 'no_quorum' ? (
        <MinutesForm session={session} minutesFile={minutesFile} forms={forms} />
      ) : null}

      {session.status === 'scheduled' || session.status === 'convened' ? (
        <section class="panel" aria-labelledby="reschedule-heading">
          <h2 id="reschedule-heading">{t('secretariat.reschedule.title')}</h2>
          <p>{t('secretariat.reschedule.lead')}</p>
          <form method="post" action={`/admin/secretariado/sesiones/${id}/reprogramar`} novalidate>
            <ErrorSummary errors={forms.reschedule.summary} />
            <CsrfField />
            <TextField
              id="startsDate"
              name="startsDate"
              type="date"
              label={t('secretariat.schedule.date')}
              value={forms.reschedule.values.startsDate}
              error={forms.reschedule.errors.startsDate}
            />
            <TextField
              id="startsTime"
              name="startsTime"
              label={t('secretariat.schedule.time')}
              hint={t('secretariat.reschedule.timeHint')}
              value={forms.reschedule.values.startsTime}
              error={forms.reschedule.errors.startsTime}
              maxLength={5}
            />
            <TextField
              id="place"
              name="place"
              label={t('secretariat.schedule.place')}
              hint={t('secretariat.schedule.placeHint')}
              value={forms.reschedule.values.place}
              error={forms.reschedule.errors.place}
              isOptional
              maxLength={300}
            />
            <TextField
              id="onlineUrl"
              name="onlineUrl"
              type="url"
              label={t('secretariat.schedule.onlineUrl')}
              value={forms.reschedule.values.onlineUrl}
              error={forms.reschedule.errors.onlineUrl}
              isOptional
            />
            <Button variant="secondary">{t('secretariat.reschedule.submit')}</Button>
          </form>
        </section>
      ) : null}

      {session.status === 'scheduled' || session.status === 'convened' ? (
        <section class="panel" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t('secretariat.cancel.title')}</h2>
          <form method="post" action={`/admin/secretariado/sesiones/${id}/cancelar`} novalidate>
            <ErrorSummary errors={forms.cancel.summary} />
            <CsrfField />
            <TextArea
              id="reason"
              name="reason"
              label={t('secretariat.cancel.reason')}
              value={forms.cancel.values.reason}
              error={forms.cancel.errors.reason}
              rows={3}
              maxLength={2000}
            />
            <Button variant="warning">{t('secretariat.cancel.submit')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
