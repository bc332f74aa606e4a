import { describe, expect, it } from 'vitest';
import { agreementCode, isOverdue } from './agreement-code.js';
import { isVotingSeat, missingSeats, seatProblem, type SeatShape } from './composition.js';
import { computeQuorum, requiredForQuorum } from './quorum.js';
import { voteResult } from './vote-result.js';

describe('composition rules', () => {
  const guarantor: SeatShape = { kind: 'guarantor', institutionId: 'g1' };
  const facilitator: SeatShape = { kind: 'facilitator', institutionId: null };
  const durango: SeatShape = { kind: 'authority', institutionId: 'm1' };

  it('accepts the first guarantor seat and refuses a second one', () => {
    expect(seatProblem([], guarantor, 'guarantor')).toBeUndefined();
    expect(seatProblem([guarantor], { kind: 'guarantor', institutionId: 'g2' }, 'guarantor')).toBe('secondGuarantor');
  });

  it('wants a guarantor institution for the guarantor seat', () => {
    expect(seatProblem([], { kind: 'guarantor', institutionId: null })).toBe('institutionRequired');
    expect(seatProblem([], { kind: 'guarantor', institutionId: 'm1' }, 'municipal_government')).toBe('notAGuarantor');
  });

  it('allows one facilitator only', () => {
    expect(seatProblem([guarantor], facilitator)).toBeUndefined();
    expect(seatProblem([guarantor, facilitator], facilitator)).toBe('secondFacilitator');
  });

  it('gives one seat to each authority institution, and only to authorities', () => {
    expect(seatProblem([], durango, 'municipal_government')).toBeUndefined();
    expect(seatProblem([durango], { kind: 'authority', institutionId: 'm2' }, 'state_executive')).toBeUndefined();
    expect(seatProblem([durango], { kind: 'authority', institutionId: 'm1' }, 'municipal_government')).toBe(
      'authorityTwice',
    );
    expect(seatProblem([], { kind: 'authority', institutionId: 'o1' }, 'civil_society_org')).toBe('notAnAuthority');
    expect(seatProblem([], { kind: 'authority', institutionId: null })).toBe('institutionRequired');
  });

  it('takes as many civil-society seats as wanted', () => {
    const civil: SeatShape = { kind: 'civil_society', institutionId: null };
    expect(seatProblem([civil, civil, civil, guarantor], civil)).toBeUndefined();
  });

  it('says what a composition lacks, and that the facilitator has no vote', () => {
    expect(missingSeats([])).toEqual(['guarantor', 'facilitator', 'civil_society']);
    expect(missingSeats([guarantor, facilitator, { kind: 'civil_society', institutionId: null }])).toEqual([]);
    expect(isVotingSeat(facilitator)).toBe(false);
    expect(isVotingSeat(guarantor)).toBe(true);
  });
});

describe('quorum', () => {
  const seats = [
    { id: 'a', kind: 'civil_society' as const },
    { id: 'b', kind: 'civil_society' as const },
    { id: 'c', kind: 'authority' as const },
    { id: 'd', kind: 'guarantor' as const },
    { id: 'f', kind: 'facilitator' as const },
  ];

  it('by default needs more than half of the voting seats', () => {
    expect(requiredForQuorum(4, 'more_than_half')).toBe(3);
    expect(requiredForQuorum(5, 'more_than_half')).toBe(3);
    expect(requiredForQuorum(4, 'at_least_half')).toBe(2);
    expect(requiredForQuorum(6, 'at_least_two_thirds')).toBe(4);
    expect(requiredForQuorum(7, 'at_least_two_thirds')).toBe(5);
  });

  it('exactly half is not quorum under the default rule, one more is', () => {
    const half = computeQuorum({
      seats,
      attendance: { a: 'titular_present', b: 'titular_present' },
      rule: 'more_than_half',
    });
    expect(half).toEqual({ votingSeats: 4, present: 2, required: 3, isReached: false });
    expect(
      computeQuorum({
        seats,
        attendance: { a: 'titular_present', b: 'titular_present', c: 'titular_present' },
        rule: 'more_than_half',
      }).isReached,
    ).toBe(true);
  });

  it('counts an alternate present for its seat', () => {
    expect(
      computeQuorum({
        seats,
        attendance: { a: 'titular_present', b: 'alternate_present', c: 'alternate_present' },
        rule: 'more_than_half',
      }).isReached,
    ).toBe(true);
  });

  it('never counts the facilitator, present or not', () => {
    const result = computeQuorum({
      seats,
      attendance: new Map([
        ['a', 'titular_present'],
        ['b', 'titular_present'],
        ['f', 'titular_present'],
      ]),
      rule: 'more_than_half',
    });
    expect(result.present).toBe(2);
    expect(result.isReached).toBe(false);
  });

  it('treats absent and unrecorded seats alike, and a body with no voting seat never reaches quorum', () => {
    expect(
      computeQuorum({ seats, attendance: { a: 'absent', b: 'absent', c: 'absent' }, rule: 'at_least_half' }).present,
    ).toBe(0);
    expect(
      computeQuorum({
        seats: [{ id: 'f', kind: 'facilitator' }],
        attendance: { f: 'titular_present' },
        rule: 'more_than_half',
      }).isReached,
    ).toBe(false);
  });
});

describe('vote result', () => {
  it('approves when votes for outnumber votes against; abstentions count for neither', () => {
    expect(voteResult(['for', 'for', 'against', 'abstain', 'abstain'], { hasQuorum: true })).toEqual({
      canDecide: true,
      outcome: 'approved',
      for: 2,
      against: 1,
      abstain: 2,
    });
    expect(voteResult(['for', 'against', 'against'], { hasQuorum: true }).outcome).toBe('rejected');
  });

  it('says a tie is a tie, and does not approve it', () => {
    expect(voteResult(['for', 'against', 'abstain'], { hasQuorum: true }).outcome).toBe('tied');
    expect(voteResult(['abstain', 'abstain'], { hasQuorum: true }).outcome).toBe('tied');
  });

  it('cannot decide without quorum', () => {
    expect(voteResult(['for', 'for', 'for'], { hasQuorum: false })).toEqual({
      canDecide: false,
      outcome: undefined,
      for: 3,
      against: 0,
      abstain: 0,
    });
  });
});

describe('agreement code and overdue', () => {
  it('numbers agreements STL-year-kind-session-agreement with two digits', () => {
    expect(agreementCode({ year: 2020, kind: 'ordinary', sessionNumber: 3, agreementNumber: 2 })).toBe(
      'STL-2020-ORD-03-02',
    );
    expect(agreementCode({ year: 2020, kind: 'installation', sessionNumber: 1, agreementNumber: 1 })).toBe(
      'STL-2020-INS-01-01',
    );
    expect(agreementCode({ year: 2021, kind: 'extraordinary', sessionNumber: 12, agreementNumber: 10 })).toBe(
      'STL-2021-EXT-12-10',
    );
    expect(() => agreementCode({ year: 2021, kind: 'ordinary', sessionNumber: 0, agreementNumber: 1 })).toThrow();
  });

  it('flags an agreement overdue only when its due date has passed and it is still open', () => {
    expect(isOverdue({ dueOn: '2021-03-01', status: 'pending' }, '2021-03-02')).toBe(true);
    expect(isOverdue({ dueOn: '2021-03-01', status: 'in_progress' }, '2021-03-02')).toBe(true);
    expect(isOverdue({ dueOn: '2021-03-01', status: 'pending' }, '2021-03-01')).toBe(false);
    expect(isOverdue({ dueOn: '2021-03-01', status: 'fulfilled' }, '2021-04-01')).toBe(false);
    expect(isOverdue({ dueOn: '2021-03-01', status: 'cancelled' }, '2021-04-01')).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'pending' }, '2031-01-01')).toBe(false);
  });
});
