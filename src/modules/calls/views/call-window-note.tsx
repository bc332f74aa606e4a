import { StatusBadge } from '../../../web/components/index.js';
import { usePage } from '../../../web/page-context.js';
import { callAvailability } from '../call-window.js';
import type { PublicCall } from '../get-exercise-call.js';

/** One line saying whether the call is open and until when, in words and with a badge. */
export function CallWindowNote(props: { call: Pick<PublicCall, 'status' | 'opensAt' | 'closesAt'>; now: Date }) {
  const { t, format } = usePage();
  const availability = callAvailability(props.call, props.now);
  if (availability === 'open') {
    return (
      <p>
        <StatusBadge tone="success">{t('call.open')}</StatusBadge>{' '}
        {t('home.callOpenUntil', { date: format.dateTime(props.call.closesAt) })}
      </p>
    );
  }
  if (availability === 'upcoming') {
    return (
      <p>
        <StatusBadge tone="info">{t('call.upcoming')}</StatusBadge>{' '}
        {t('home.callOpensOn', { date: format.dateTime(props.call.opensAt) })}
      </p>
    );
  }
  if (availability === 'cancelled')
    return (
      <p>
        <StatusBadge tone="danger">{t('call.status.cancelled')}</StatusBadge>
      </p>
    );
  return (
    <p>
      <StatusBadge tone="neutral">{t('call.status.closed')}</StatusBadge>{' '}
      {t('home.callClosedOn', { date: format.date(props.call.closesAt) })}
    </p>
  );
}
