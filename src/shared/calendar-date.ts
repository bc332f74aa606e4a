import { z } from 'zod';

/**
 * Years a date of the portal may fall in: PostgreSQL refuses year 0, and no exercise runs before 1900 or after 2999.
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** True for a real day of the calendar written `YYYY-MM-DD` (not 31 February, not year 0). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A form's date field (`<input type="date">`): a real day, else the issue `message` next to the field. */
export const calendarDate = (message: string) => z.string().refine(isCalendarDate, message);
