/**
 * Business days for legal deadlines in Mexico: Monday to Friday except the mandatory rest days of the Ley Federal
 * del Trabajo (art. 74): 1 January, first Monday of February, third Monday of March, 1 May, 16 September, third
 * Monday of November, 25 December, and 1 October every six years (change of federal executive: 2024, 2030...).
 * Bodies that declare extra non-working days (holiday periods) pass them in `extraHolidays` (YYYY-MM-DD).
 */
const nthMonday = (year: number, month: number, n: number) => {
  const first = new Date(Date.UTC(year, month, 1));
  const offset = (8 - first.getUTCDay()) % 7;
  return new Date(Date.UTC(year, month, 1 + offset + (n - 1) * 7)).toISOString().slice(0, 10);
};

export function mexicanHolidays(year: number): Set<string> {
  const days = [
    `${year}-01-01`,
    nthMonday(year, 1, 1),
    nthMonday(year, 2, 3),
    `${year}-05-01`,
    `${year}-09-16`,
    nthMonday(year, 10, 3),
    `${year}-12-25`,
  ];
  if ((year - 2024) % 6 === 0) days.push(`${year}-10-01`);
  return new Set(days);
}

/** The calendar date (YYYY-MM-DD) `count` business days after `start` (the start day itself does not count). */
export function addBusinessDays(start: string, count: number, extraHolidays: readonly string[] = []): string {
  const extra = new Set(extraHolidays);
  const date = new Date(`${start}T00:00:00Z`);
  let added = 0;
  while (added < count) {
    date.setUTCDate(date.getUTCDate() + 1);
    const iso = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6 || mexicanHolidays(date.getUTCFullYear()).has(iso) || extra.has(iso)) continue;
    added += 1;
  }
  return date.toISOString().slice(0, 10);
}

/** Today's calendar date in a time zone. */
export const localDate = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
