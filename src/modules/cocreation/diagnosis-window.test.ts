import { describe, expect, it } from 'vitest';
import { localDate, windowState } from './diagnosis-window.js';

describe('the diagnosis window', () => {
  const window = { startsOn: '2020-12-07', endsOn: '2021-01-29' };

  it('is open from its first day to its last, both included', () => {
    expect(windowState(window, '2020-12-06')).toBe('upcoming');
    expect(windowState(window, '2020-12-07')).toBe('open');
    expect(windowState(window, '2021-01-29')).toBe('open');
    expect(windowState(window, '2021-01-30')).toBe('closed');
  });

  it('stays open without an end date, and is unplanned without dates', () => {
    expect(windowState({ startsOn: '2020-12-07', endsOn: null }, '2030-01-01')).toBe('open');
    expect(windowState(undefined, '2021-01-01')).toBe('unplanned');
  });

  it('reads the day in the portal’s time zone: 23:30 in Durango on the last day is still open', () => {
    const lastEvening = new Date('2021-01-30T05:30:00Z');
    expect(localDate(lastEvening, 'America/Monterrey')).toBe('2021-01-29');
    expect(windowState(window, localDate(lastEvening, 'America/Monterrey'))).toBe('open');
    expect(windowState(window, localDate(lastEvening, 'UTC'))).toBe('closed');
  });
});
