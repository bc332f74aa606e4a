import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date.js';

describe('calendar dates of forms', () => {
  it('accepts real days and refuses impossible ones or years the database cannot hold', () => {
    for (const day of ['2026-12-07', '2024-02-29', '1900-01-01', '2999-12-31'])
      expect(isCalendarDate(day), day).toBe(true);
    for (const day of [
      '2026-02-31',
      '2025-02-29',
      '0000-01-01',
      '99999-12-31',
      '2026-13-01',
      '2026-1-1',
      '2026-12-07T10:00',
      '',
      '1e9',
    ])
      expect(isCalendarDate(day), day).toBe(false);
  });
});
