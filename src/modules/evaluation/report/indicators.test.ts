import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  inputsAnswered,
  isLongSessionGap,
  isStalePortal,
  longestSessionGap,
  median,
  portalFreshness,
  rate,
  SESSION_GAP_LIMIT_DAYS,
  STALE_PORTAL_LIMIT_DAYS,
} from './indicators.js';

const at = (iso: string) => new Date(iso);

describe('process indicators', () => {
  it('counts whole days between dates and instants', () => {
    expect(daysBetween('2021-01-01', '2021-01-31')).toBe(30);
    expect(daysBetween(at('2021-01-01T23:00:00Z'), at('2021-01-02T22:59:59Z'))).toBe(0);
    expect(daysBetween('2021-03-01', '2021-02-01')).toBe(-28);
  });

  it('takes the median of an odd and an even count, and of none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('shares the inputs answered and the median days to the first answer', () => {
    const inputs = [
      { submittedAt: at('2021-01-01T12:00:00Z'), firstAnsweredAt: at('2021-01-11T12:00:00Z') },
      { submittedAt: at('2021-01-02T12:00:00Z'), firstAnsweredAt: at('2021-01-06T00:00:00Z') },
      { submittedAt: at('2021-01-03T12:00:00Z'), firstAnsweredAt: at('2021-02-02T12:00:00Z') },
      { submittedAt: at('2021-01-04T12:00:00Z'), firstAnsweredAt: null },
    ];
    expect(inputsAnswered(inputs)).toEqual({ received: 4, answered: 3, share: 0.75, medianDaysToAnswer: 10 });
    expect(inputsAnswered([])).toEqual({ received: 0, answered: 0, share: null, medianDaysToAnswer: null });
    expect(inputsAnswered([inputs[3]!])).toMatchObject({ share: 0, medianDaysToAnswer: null });
  });

  it('finds the longest gap between sessions, counting the last one up to today, and flags it over six months', () => {
    const sessions = ['2021-03-01', '2020-12-04', '2021-01-15'];
    expect(longestSessionGap(sessions, '2021-04-01')).toEqual({
      from: '2021-01-15',
      to: '2021-03-01',
      days: 45,
      isOpen: false,
      isFlagged: false,
    });
    // Nothing since March: the open gap up to the end of the window is the longest, and it is over six months.
    expect(longestSessionGap(sessions, '2021-12-31')).toEqual({
      from: '2021-03-01',
      to: '2021-12-31',
      days: 305,
      isOpen: true,
      isFlagged: true,
    });
    expect(longestSessionGap([], '2021-12-31')).toBeNull();
    expect(longestSessionGap(['2021-01-01'], '2021-01-01')).toMatchObject({ days: 0, isFlagged: false });
  });

  it('flags a gap only when it is longer than six months (183 days)', () => {
    expect(SESSION_GAP_LIMIT_DAYS).toBe(183);
    expect(isLongSessionGap(183)).toBe(false);
    expect(isLongSessionGap(184)).toBe(true);
    expect(longestSessionGap(['2021-01-01', '2021-07-03'], '2021-07-03')).toMatchObject({
      days: 183,
      isFlagged: false,
    });
    expect(longestSessionGap(['2021-01-01', '2021-07-04'], '2021-07-04')).toMatchObject({ days: 184, isFlagged: true });
  });

  it('flags a portal whose public data has not changed for over four months (120 days)', () => {
    expect(STALE_PORTAL_LIMIT_DAYS).toBe(120);
    expect(isStalePortal(120)).toBe(false);
    expect(isStalePortal(121)).toBe(true);
    const today = '2021-06-01';
    expect(portalFreshness('2021-02-01', today)).toEqual({ lastChangedOn: '2021-02-01', days: 120, isFlagged: false });
    expect(portalFreshness('2021-01-31', today)).toMatchObject({ days: 121, isFlagged: true });
    expect(portalFreshness(undefined, today)).toBeNull();
  });

  it('gives a rate only when there is a whole', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 0)).toBeNull();
  });
});
