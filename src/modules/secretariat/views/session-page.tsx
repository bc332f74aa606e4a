import { Alert, Breadcrumbs, PageHeading, Table } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { RecordHistoryData } from '../../audit/present-history.js';
import { RecordHistory } from '../../audit/views/record-history.js';
import { isOpenAndLate } from '../list-agreements.js';
import type { SecretariatDetail } from '../get-secretariat.js';
import type { SessionDetail } from '../get-session.js';
import type { QuorumResult } from '../quorum.js';
import { sessionPath, sessionTitle } from '../session-calendar.js';
import { AgreementStatusBadges, DocumentLink, SessionStatusBadge, seatName } from './labels.js';

export interface SessionPageProps {
  secretariat: SecretariatDetail;
  detail: SessionDetail;
  quorum: QuorumResult;
  /** Members and those who run sessions read the minutes before they are approved. */
  canSeeDraft: boolean;
  today: string;
  history: RecordHistoryData;
  /** The change-log entry that approved the minutes, if any (its hash is printed with them). */
  approval?: { seq: number; hash: string } | undefined;
}

/** Minutes as written: paragraphs split on blank lines. */
export function MinutesText(props: { text: string }) {
  return (
    <div class="minutes">
      {props.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </div>
  );
}

export function QuorumStatement(props: { quorum: QuorumResult; recorded: boolean }) {
  const { t, format } = usePage();
  if (!props.recorded)
    return (
      <p>
        {t('secretariat.quorum.notRecorded', {
          required: format.number(props.quorum.required),
          seats: format.number(props.quorum.votingSeats),
        })}
      </p>
    );
  const params = {
    present: format.number(props.quorum.present),
    seats: format.number(props.quorum.votingSeats),
    required: format.number(props.quorum.required),
  };
  return (
    <p class="quorum">
      {props.quorum.isReached ? t('secretariat.quorum.reached', params) : t('secretariat.quorum.notReached', params)}
    </p>
  );
}

/** A session's public page: agenda, attendance, quorum, minutes, agreements, history. */
export function SessionPage(props: SessionPageProps) {
  const { t, format } = usePage();
  const { exercise } = props.secretariat;
  const { session, agenda, attendance, minutesFile } = props.detail;
  const base = `/ejercicios/${exercise.slug}/secretariado`;
  const title = sessionTitle(t, session);
  const isApproved = session.status === 'minutes_approved';
  // The change-log entry that approved the minutes: its hash covers every entry before it, so the minutes carry it.
  const approval = props.approval;
  const hasMinutes = Boolean(session.minutesText || session.minutesUrl || minutesFile);
  const showMinutes = hasMinutes && (isApproved || props.canSeeDraft);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', label: t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { href: base, label: t('secretariat.title') },
          { label: title },
        ]}
      />
      <PageHeading title={title} />
      <dl class="meta-list">
        <div>
          <dt>{t('secretariat.sessions.status')}</dt>
          <dd>
            <SessionStatusBadge status={session.status} />
          </dd>
        </div>
        <div>
          <dt>{t('secretariat.sessions.date')}</dt>
          <dd>{format.dateTime(session.startsAt)}</dd>
        </div>
        {session.place ? (
          <div>
            <dt>{t('secretariat.session.place')}</dt>
            <dd>{session.place}</dd>
          </div>
        ) : null}
        {session.onlineUrl ? (
          <div>
            <dt>{t('secretariat.session.online')}</dt>
            <dd>
              <a href={session.onlineUrl}>{session.onlineUrl}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      {session.status === 'cancelled' && session.cancellationReason ? (
        <Alert kind="warning" title={t('secretariat.session.cancelled')}>
          <p>{session.cancellationReason}</p>
        </Alert>
      ) : null}
      <p>
        <a href={`${sessionPath(exercise.slug, session)}/calendario.ics`}>{t('secretariat.session.addToCalendar')}</a>
      </p>

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('secretariat.session.agenda')}</h2>
        {agenda.length ? (
          <ol>
            {agenda.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ol>
        ) : (
          <p>{t('secretariat.session.noAgenda')}</p>
        )}
      </section>

      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t('secretariat.session.attendance')}</h2>
        <QuorumStatement quorum={props.quorum} recorded={attendance.size > 0} />
        {attendance.size > 0 ? (
          <Table
            caption={t('secretariat.session.attendanceCaption')}
            rows={props.secretariat.seats}
            rowKey={(s) => s.id}
            columns={[
              { header: t('secretariat.session.seat'), cell: (s) => seatName(t, s) },
              { header: t('secretariat.session.sector'), cell: (s) => t(`secretariat.sector.${s.kind}`) },
              {
                header: t('secretariat.session.present'),
                cell: (s) => t(`secretariat.attendance.${attendance.get(s.id) ?? 'absent'}`),
              },
            ]}
          />
        ) : null}
      </section>

      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{t('secretariat.minutes.title')}</h2>
        {showMinutes ? (
          <>
            {!isApproved ? (
              <Alert kind="warning" title={t('secretariat.minutes.draftBanner')}>
                <p>{t('secretariat.minutes.draftBody')}</p>
              </Alert>
            ) : (
              <>
                <p>{t('secretariat.minutes.approvedOn', { date: format.dateTime(session.minutesApprovedAt!) })}</p>
                {approval ? (
                  <p class="log-head">
                    {t('secretariat.minutes.logHead', { seq: String(approval.seq) })}{' '}
                    <a href={`/datos/historial.json?desde=${approval.seq - 1}`}>
                      <code>{approval.hash}</code>
                    </a>
                  </p>
                ) : null}
              </>
            )}
            {session.minutesText ? <MinutesText text={session.minutesText} /> : null}
            {session.minutesUrl || minutesFile ? (
              <p>
                <DocumentLink label={t('secretariat.minutes.signed')} url={session.minutesUrl} file={minutesFile} />
              </p>
            ) : null}
          </>
        ) : (
          <p>{t('secretariat.minutes.notYet')}</p>
        )}
        {session.recordingUrl ? (
          <p>
            <a href={session.recordingUrl}>{t('secretariat.minutes.recording')}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="session-agreements-heading">
        <h2 id="session-agreements-heading">{t('secretariat.agreements.title')}</h2>
        {props.detail.agreements.length === 0 ? (
          <p>{t('secretariat.agreements.noneInSession')}</p>
        ) : (
          <ul class="agreement-list">
            {props.detail.agreements.map((a) => (
              <li key={a.id}>
                <a href={`${base}/acuerdos/${a.code}`}>{a.code}</a>: {a.text}{' '}
                <AgreementStatusBadges
                  status={a.status}
                  outcome={a.outcome}
                  isOverdue={isOpenAndLate(a, props.today)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <RecordHistory
        entries={props.history.entries}
        hasMore={props.history.hasMore}
        fullHref={`${sessionPath(exercise.slug, session)}/historial`}
      />
    </>
  );
}
