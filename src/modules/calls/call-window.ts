import type { CallStatus } from './schema.js';

export type CallAvailability = 'draft' | 'upcoming' | 'open' | 'closed' | 'cancelled';

/** Whether a call accepts sign-ups at `now`: published and inside its window [opensAt, closesAt). */
export function callAvailability(
  call: { status: CallStatus; opensAt: Date; closesAt: Date },
  now: Date,
): CallAvailability {
  if (call.status === 'draft' || call.status === 'cancelled') return call.status;
  if (call.status === 'closed' || now >= call.closesAt) return 'closed';
  if (now < call.opensAt) return 'upcoming';
  return 'open';
}
