/**
 * Wall-clock dates and times in an IANA time zone (the configured TIME_ZONE), converted to and from UTC instants
 * with Intl, so that daylight-saving rules of the year in question apply (Durango kept DST until October 2022).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds (negative west of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant at which the zone's clocks show `date` (YYYY-MM-DD) and `time` (HH:MM), or undefined when either is
 * malformed or the date does not exist (31 February). A time skipped by a spring daylight-saving jump moves forward
 * by the jump (02:30 becomes 03:30), as a clock set by hand would.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wallAsUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  // First guess with the offset at the wall time read as UTC, then correct with the offset at the guess.
  const guess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  const corrected = wallAsUtc - offsetAt(guess, timeZone);
  return new Date(Math.max(guess, corrected));
}

/** An instant as the zone's wall-clock date (YYYY-MM-DD) and time (HH:MM), e.g. to fill a form. */
export function utcToZonedTime(instant: Date, timeZone: string): { date: string; time: string } {
  const wall = wallClock(instant.getTime(), timeZone);
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return {
    date: `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
  };
}
