import type { AttendanceStatus, QuorumRule, SeatKind } from './schema.js';

export interface QuorumInput {
  seats: readonly { id: string; kind: SeatKind }[];
  /** Attendance by seat id; a seat without an entry is absent. */
  attendance: ReadonlyMap<string, AttendanceStatus> | Record<string, AttendanceStatus>;
  rule: QuorumRule;
}

export interface QuorumResult {
  votingSeats: number;
  present: number;
  required: number;
  isReached: boolean;
}

/** The fewest voting seats present that meet the rule (0 voting seats: quorum can never be reached). */
export function requiredForQuorum(votingSeats: number, rule: QuorumRule): number {
  if (votingSeats <= 0) return 1;
  switch (rule) {
    case 'more_than_half':
      return Math.floor(votingSeats / 2) + 1;
    case 'at_least_half':
      return Math.ceil(votingSeats / 2);
    case 'at_least_two_thirds':
      return Math.ceil((votingSeats * 2) / 3);
  }
}

/**
 * Quorum of a session: voting seats present (its titular or its alternate) against the rule. The facilitator's seat
 * never counts, present or not.
 */
export function computeQuorum(input: QuorumInput): QuorumResult {
  const statusOf = (seatId: string) =>
    input.attendance instanceof Map
      ? input.attendance.get(seatId)
      : (input.attendance as Record<string, AttendanceStatus>)[seatId];
  const voting = input.seats.filter((s) => s.kind !== 'facilitator');
  const present = voting.filter((s) => {
    const status = statusOf(s.id);
    return status === 'titular_present' || status === 'alternate_present';
  }).length;
  const required = requiredForQuorum(voting.length, input.rule);
  return { votingSeats: voting.length, present, required, isReached: voting.length > 0 && present >= required };
}
