import { StatusBadge, type BadgeTone } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { Translate } from '../../../web/i18n/i18n.js';
import type { AgreementOutcome, AgreementStatus, SeatKind, SessionStatus } from '../schema.js';

/** How the public names a seat: its institution, the organisation or sector it stands for, or its kind. */
export function seatName(t: Translate, seat: { kind: SeatKind; label: string | null; institutionName: string | null }): string {
  if (seat.kind === 'civil_society') return seat.label ?? t('secretariat.seatKind.civil_society');
  if (seat.kind === 'facilitator') return seat.label ?? t('secretariat.seatKind.facilitator');
  return seat.institutionName ?? seat.label ?? t(`secretariat.seatKind.${seat.kind}`);
}

const sessionTones: Record<SessionStatus, BadgeTone> = {
  scheduled: 'info',
  convened: 'info',
  held: 'neutral',
  minutes_approved: 'success',
  cancelled: 'danger',
  no_quorum: 'warning',
};

export function SessionStatusBadge(props: { status: SessionStatus }) {
  const { t } = usePage();
  return <StatusBadge tone={sessionTones[props.status]}>{t(`secretariat.sessionStatus.${props.status}`)}</StatusBadge>;
}

const agreementTones: Record<AgreementStatus, BadgeTone> = { pending: 'neutral', in_progress: 'info', fulfilled: 'success', cancelled: 'danger' };

/** The follow-up status of an approved agreement (and the overdue flag), or the outcome of one not approved. */
export function AgreementStatusBadges(props: { status: AgreementStatus; outcome: AgreementOutcome; isOverdue: boolean }) {
  const { t } = usePage();
  if (props.outcome !== 'approved') return <StatusBadge tone="neutral">{t(`secretariat.outcome.${props.outcome}`)}</StatusBadge>;
  return (
    <>
      <StatusBadge tone={agreementTones[props.status]}>{t(`secretariat.agreementStatus.${props.status}`)}</StatusBadge>
      {props.isOverdue ? (
        <>
          {' '}
          <StatusBadge tone="warning">{t('secretariat.agreement.overdue')}</StatusBadge>
        </>
      ) : null}
    </>
  );
}

/** A membership's term: "desde el 3 de diciembre de 2020" or "del … al …". */
export function Term(props: { startsOn: string; endsOn: string | null }) {
  const { t, format } = usePage();
  return <>{props.endsOn ? t('secretariat.term.between', { start: format.calendarDate(props.startsOn), end: format.calendarDate(props.endsOn) }) : t('secretariat.term.since', { start: format.calendarDate(props.startsOn) })}</>;
}
