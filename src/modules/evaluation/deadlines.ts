import type { Config } from '../../config.js';
import type { Verifiability } from './scales.js';

/*
 * When assessments are due (config: DESIGN_ASSESSMENT_DUE_DAYS, END_ASSESSMENT_DUE_DAYS). A design assessment is due a
 * number of days after the plan's approval; an end assessment a number of days after the commitment ends, unless the
 * commitment was judged not verifiable (it is not assessed further). An assessment not made by its due date is late
 * from the next day on.
 */

export interface DeadlineSettings {
  designDueDays: number;
  endDueDays: number;
}

export const deadlineSettings = (config: Pick<Config, 'DESIGN_ASSESSMENT_DUE_DAYS' | 'END_ASSESSMENT_DUE_DAYS'>) => ({
  designDueDays: config.DESIGN_ASSESSMENT_DUE_DAYS,
  endDueDays: config.END_ASSESSMENT_DUE_DAYS,
});

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** A calendar date (YYYY-MM-DD) `days` after another. */
export const addDays = (date: string, days: number) =>
  new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);

/** Calendar days from one date to another (negative when the second is earlier). */
export const daysFrom = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));

export type DeadlineKind = 'design' | 'end';

export interface Deadline {
  kind: DeadlineKind;
  dueOn: string;
  isDone: boolean;
  isLate: boolean;
  /** Days past the due date (0 when not late). */
  daysLate: number;
}

/** What a commitment's deadlines depend on. */
export interface DeadlineFacts {
  /** The day its plan was approved (null: not known, so no design deadline). */
  approvedOn: string | null;
  /** The day the commitment ends (null: no end date, so no end deadline). */
  endsOn: string | null;
  /** Its design assessment's verifiability, if it has one. */
  design: Verifiability | null;
  hasEnd: boolean;
}

function deadline(kind: DeadlineKind, dueOn: string, isDone: boolean, today: string): Deadline {
  const late = !isDone && today > dueOn;
  return { kind, dueOn, isDone, isLate: late, daysLate: late ? daysFrom(dueOn, today) : 0 };
}

/** A commitment's assessment deadlines on `today`: the design one, and the end one unless it is not reviewable. */
export function assessmentDeadlines(facts: DeadlineFacts, settings: DeadlineSettings, today: string): Deadline[] {
  const found: Deadline[] = [];
  if (facts.approvedOn)
    found.push(deadline('design', addDays(facts.approvedOn, settings.designDueDays), facts.design !== null, today));
  if (facts.endsOn && facts.design !== 'not_verifiable')
    found.push(deadline('end', addDays(facts.endsOn, settings.endDueDays), facts.hasEnd, today));
  return found;
}
