import { describe, expect, it } from 'vitest';
import { utcToZonedTime, zonedTimeToUtc } from './local-time.js';

const zone = 'America/Monterrey';

describe('wall-clock times in the configured time zone', () => {
  it('reads a date and time in Durango with the daylight-saving rules of that year', () => {
    // 2020: daylight saving time (UTC-5) until 25 October, then UTC-6.
    expect(zonedTimeToUtc('2020-09-29', '00:00', zone)?.toISOString()).toBe('2020-09-29T05:00:00.000Z');
    expect(zonedTimeToUtc('2020-11-15', '23:59', zone)?.toISOString()).toBe('2020-11-16T05:59:00.000Z');
    // No daylight saving since 2022: UTC-6 all year.
    expect(zonedTimeToUtc('2026-07-01', '12:00', zone)?.toISOString()).toBe('2026-07-01T18:00:00.000Z');
  });

  it('works in any zone, east or west of Greenwich', () => {
    expect(zonedTimeToUtc('2026-01-15', '09:30', 'Europe/Madrid')?.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(zonedTimeToUtc('2026-01-15', '09:30', 'UTC')?.toISOString()).toBe('2026-01-15T09:30:00.000Z');
    expect(zonedTimeToUtc('2026-01-15', '09:30', 'America/Tijuana')?.toISOString()).toBe('2026-01-15T17:30:00.000Z');
  });

  it('resolves a time skipped by the spring jump to just after it, and a repeated one to a real instant', () => {
    // 5 April 2020 02:30 did not exist in Monterrey (clocks went from 02:00 to 03:00).
    expect(zonedTimeToUtc('2020-04-05', '02:30', zone)?.toISOString()).toBe('2020-04-05T08:30:00.000Z');
    const repeated = zonedTimeToUtc('2020-10-25', '01:30', zone)!;
    expect(utcToZonedTime(repeated, zone)).toEqual({ date: '2020-10-25', time: '01:30' });
  });

  it('refuses malformed or impossible dates and times', () => {
    expect(zonedTimeToUtc('2026-02-30', '10:00', zone)).toBeUndefined();
    expect(zonedTimeToUtc('15/11/2020', '10:00', zone)).toBeUndefined();
    expect(zonedTimeToUtc('2026-02-10', '24:00', zone)).toBeUndefined();
    expect(zonedTimeToUtc('2026-02-10', '', zone)).toBeUndefined();
  });

  it('shows an instant as the date and time on the zone’s clocks, the inverse of reading it', () => {
    expect(utcToZonedTime(new Date('2020-11-16T05:59:00Z'), zone)).toEqual({ date: '2020-11-15', time: '23:59' });
    expect(utcToZonedTime(new Date('2020-09-29T05:00:00Z'), zone)).toEqual({ date: '2020-09-29', time: '00:00' });
    for (const [date, time] of [
      ['2021-03-01', '08:15'],
      ['2024-12-31', '23:59'],
      ['2020-06-30', '00:00'],
    ] as const) {
      expect(utcToZonedTime(zonedTimeToUtc(date, time, zone)!, zone)).toEqual({ date, time });
    }
  });
});
