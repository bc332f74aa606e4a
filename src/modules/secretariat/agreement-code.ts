import type { AgreementStatus, SessionKind } from './schema.js';

const kindCodes: Record<SessionKind, string> = { installation: 'INS', ordinary: 'ORD', extraordinary: 'EXT' };

const twoDigits = (n: number) => {
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive whole number, got ${n}`);
  return String(n).padStart(2, '0');
};

/**
 * The stable code of an agreement: STL-<year>-<INS|ORD|EXT>-<session number>-<agreement number>, e.g.
 * STL-2020-ORD-03-02.
 */
export function agreementCode(input: {
  year: number;
  kind: SessionKind;
  sessionNumber: number;
  agreementNumber: number;
}): string {
  return `STL-${input.year}-${kindCodes[input.kind]}-${twoDigits(input.sessionNumber)}-${twoDigits(input.agreementNumber)}`;
}

/**
 * An agreement is overdue when its due date has passed and it is neither fulfilled nor cancelled. `today` is
 * YYYY-MM-DD.
 */
export function isOverdue(agreement: { dueOn: string | null; status: AgreementStatus }, today: string): boolean {
  if (!agreement.dueOn) return false;
  if (agreement.status === 'fulfilled' || agreement.status === 'cancelled') return false;
  return agreement.dueOn < today;
}

/** Follow-up moves: pending -> in_progress -> fulfilled | cancelled (pending may also end directly). */
export const nextStatuses: Record<AgreementStatus, AgreementStatus[]> = {
  pending: ['in_progress', 'fulfilled', 'cancelled'],
  in_progress: ['fulfilled', 'cancelled'],
  fulfilled: [],
  cancelled: [],
};
