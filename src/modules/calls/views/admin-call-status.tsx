import { StatusBadge, type BadgeTone } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { callAvailability } from '../call-window.js';
import type { CallStatus } from '../schema.js';

const tone: Record<CallStatus, BadgeTone> = {
  draft: 'neutral',
  published: 'success',
  closed: 'info',
  cancelled: 'danger',
};

/** A call's status as admins need it: the stored status and, while published, whether it accepts sign-ups now. */
export function AdminCallStatus(props: { call: { status: CallStatus; opensAt: Date; closesAt: Date }; now: Date }) {
  const { t } = usePage();
  const { call } = props;
  const availability = callAvailability(call, props.now);
  const detail =
    call.status !== 'published'
      ? undefined
      : availability === 'open'
        ? 'calls.availability.open'
        : availability === 'upcoming'
          ? 'calls.availability.upcoming'
          : 'calls.availability.due';
  return (
    <>
      <StatusBadge tone={tone[call.status]}>{t(`call.status.${call.status}`)}</StatusBadge>
      {detail ? <> {t(detail)}</> : null}
    </>
  );
}
