import { StatusBadge, type BadgeTone } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import type { Translate } from '../../../web/i18n/i18n.js';
import { filePath } from '../../files/get-file.js';
import { acceptedTypes } from '../../files/sniff.js';
import type { FileSummary } from '../document-files.js';
import type { AgreementOutcome, AgreementStatus, SeatKind, SessionStatus } from '../schema.js';

/** How the public names a seat: its institution, the organisation or sector it stands for, or its kind. */
export function seatName(
  t: Translate,
  seat: { kind: SeatKind; label: string | null; institutionName: string | null },
): string {
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

const agreementTones: Record<AgreementStatus, BadgeTone> = {
  pending: 'neutral',
  in_progress: 'info',
  fulfilled: 'success',
  cancelled: 'danger',
};

/** The follow-up status of an approved agreement (and the overdue flag), or the outcome of one not approved. */
export function AgreementStatusBadges(props: {
  status: AgreementStatus;
  outcome: AgreementOutcome;
  isOverdue: boolean;
}) {
  const { t } = usePage();
  if (props.outcome !== 'approved')
    return <StatusBadge tone="neutral">{t(`secretariat.outcome.${props.outcome}`)}</StatusBadge>;
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
  return (
    <>
      {props.endsOn
        ? t('secretariat.term.between', {
            start: format.calendarDate(props.startsOn),
            end: format.calendarDate(props.endsOn),
          })
        : t('secretariat.term.since', { start: format.calendarDate(props.startsOn) })}
    </>
  );
}

/** What the file picker offers: the types the file store accepts (it checks the content itself). */
export const ACCEPTED_FILES = [...Object.values(acceptedTypes), 'jpeg'].map((extension) => `.${extension}`).join(',');

/** A stored file's type and size as people read them, e.g. "PDF, 240 KB". */
export function FileFacts(props: { file: FileSummary }) {
  const { t, format } = usePage();
  const { mimeType, size } = props.file;
  const type = (acceptedTypes[mimeType as keyof typeof acceptedTypes] ?? mimeType).toUpperCase();
  const amount =
    size < 1024 * 1024
      ? t('secretariat.file.kb', { size: format.number(Math.max(1, Math.round(size / 1024))) })
      : t('secretariat.file.mb', { size: format.number(Math.round((size / (1024 * 1024)) * 10) / 10) });
  return <>{t('secretariat.file.facts', { type, size: amount })}</>;
}

/** A link to a document: its uploaded file (with its type and size) or its URL. */
export function DocumentLink(props: { label: string; url: string | null; file: FileSummary | null }) {
  if (props.file) {
    return (
      <>
        <a href={filePath(props.file)}>{props.label}</a> (<FileFacts file={props.file} />)
      </>
    );
  }
  return props.url ? <a href={props.url}>{props.label}</a> : null;
}
