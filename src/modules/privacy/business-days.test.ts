import { describe, expect, it } from 'vitest';
import { addBusinessDays, localDate, mexicanHolidays } from './business-days.js';

describe('business days for ARCO deadlines', () => {
  it('knows the mandatory rest days, including the movable Mondays', () => {
    const holidays = mexicanHolidays(2026);
    expect([...holidays].sort()).toEqual([
      '2026-01-01',
      '2026-02-02',
      '2026-03-16',
      '2026-05-01',
      '2026-09-16',
      '2026-11-16',
      '2026-12-25',
    ]);
    expect(mexicanHolidays(2030).has('2030-10-01')).toBe(true);
    expect(mexicanHolidays(2027).has('2027-10-01')).toBe(false);
  });

  it('counts 20 business days skipping weekends and holidays, and 10 more for an extension', () => {
    // Filed on Friday 13 November 2026: Monday 16 November is a holiday (Revolution Day).
    const due = addBusinessDays('2026-11-13', 20);
    expect(due).toBe('2026-12-14');
    expect(addBusinessDays(due, 10)).toBe('2026-12-29');
    expect(addBusinessDays('2026-12-18', 5, ['2026-12-21', '2026-12-22'])).toBe('2026-12-30');
  });

  it('takes the date in the configured zone, not in UTC', () => {
    expect(localDate(new Date('2026-11-24T03:00:00Z'), 'America/Monterrey')).toBe('2026-11-23');
  });
});
