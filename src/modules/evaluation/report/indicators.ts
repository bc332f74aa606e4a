/*
 * The process indicators of an exercise, computed from what the portal recorded, each with the formula its page
 * shows (messages: evaluationReport.indicator.*). Pure functions: the figures come in, the indicator and its flag
 * come out.
 */

const DAY_MS = 86_400_000;

/** A gap between Secretariat sessions longer than this (six months) is flagged. */
export const SESSION_GAP_LIMIT_DAYS = 183;
/** A portal whose public data has not changed for longer than this (four months) is flagged. */
export const STALE_PORTAL_LIMIT_DAYS = 120;

/** Whole days from `from` to `to` (calendar dates or instants), rounded down; negative when `to` is earlier. */
export function daysBetween(from: Date | string, to: Date | string): number {
  const ms = (value: Date | string) => (typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) : value.getTime());
  return Math.floor((ms(to) - ms(from)) / DAY_MS);
}

/** The median of some numbers (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One input of the exercise (a problem, later a proposal): when it came in and when it was first answered. */
export interface AnsweredInput {
  submittedAt: Date;
  firstAnsweredAt: Date | null;
}

/**
 * Inputs answered: answered ÷ received (null when none was received), and the median of the days from each answered
 * input's submission to its first reasoned response, to one decimal.
 */
export function inputsAnswered(inputs: readonly AnsweredInput[]) {
  const answered = inputs.filter((input) => input.firstAnsweredAt !== null);
  const days = answered.map((input) => (input.firstAnsweredAt!.getTime() - input.submittedAt.getTime()) / DAY_MS);
  const middle = median(days);
  return {
    received: inputs.length,
    answered: answered.length,
    share: inputs.length ? answered.length / inputs.length : null,
    medianDaysToAnswer: middle === null ? null : Math.round(Math.max(0, middle) * 10) / 10,
  };
}

/**
 * The longest gap between Secretariat sessions: over the dates of the sessions held (YYYY-MM-DD, any order), the
 * longest run of days between one and the next, counting the last one up to `until` (today, or the exercise's end
 * when it is earlier). Flagged over six months. Null without any session held.
 */
export function longestSessionGap(sessionDates: readonly string[], until: string) {
  if (sessionDates.length === 0) return null;
  const dates = [...sessionDates].sort();
  const bounds = dates[dates.length - 1]! < until ? [...dates, until] : dates;
  let longest = { from: dates[0]!, to: dates[0]!, days: 0 };
  for (let i = 1; i < bounds.length; i++) {
    const days = daysBetween(bounds[i - 1]!, bounds[i]!);
    if (days > longest.days) longest = { from: bounds[i - 1]!, to: bounds[i]!, days };
  }
  return {
    ...longest,
    isOpen: longest.to === until && !dates.includes(until),
    isFlagged: isLongSessionGap(longest.days),
  };
}

export const isLongSessionGap = (days: number) => days > SESSION_GAP_LIMIT_DAYS;

/**
 * Days since the portal's public data last changed (the day of the change log's latest entry) up to today, both
 * calendar dates in the portal's zone; flagged over four months.
 */
export function portalFreshness(lastChangedOn: string | undefined, today: string) {
  if (!lastChangedOn) return null;
  const days = Math.max(0, daysBetween(lastChangedOn, today));
  return { lastChangedOn, days, isFlagged: isStalePortal(days) };
}

export const isStalePortal = (days: number) => days > STALE_PORTAL_LIMIT_DAYS;

/** A rate as a share of a whole (null when the whole is 0). */
export const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
