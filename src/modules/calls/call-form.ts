import type { z } from 'zod';
import { callFieldsInput, themesMisalignment } from './create-call.js';
import { utcToZonedTime, zonedTimeToUtc } from './local-time.js';
import type { calls } from './schema.js';

/** The call form's fields, in the order they appear (the error summary follows it). */
export const callFormFields = [
  'exerciseId',
  'title',
  'summary',
  'considerations',
  'generalObjective',
  'specificObjectives',
  'requirements',
  'themes',
  'themesEn',
  'opensDate',
  'opensTime',
  'closesDate',
  'closesTime',
  'contactEmail',
  'resultsText',
] as const;
export type CallFormValues = Record<(typeof callFormFields)[number], string>;

export type CallFormIssue = { code: 'custom'; path: string[]; message: string; input: unknown };
export type CallFormResult =
  { success: true; data: z.output<typeof callFieldsInput> } | { success: false; issues: CallFormIssue[] };

/** A textarea with one item per line, as a list: lines trimmed, blank ones dropped. */
export const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const issue = (field: string, message: string): CallFormIssue => ({
  code: 'custom',
  path: [field],
  message,
  input: undefined,
});

/** Where a use-case field's problem is shown in the form: the instants are typed as a date and a time. */
const formFieldOf: Record<string, string> = { opensAt: 'opensDate', closesAt: 'closesDate' };

/**
 * Reads the submitted form (strings): lists one per line, opening and closing as a date and a time on the clocks of
 * `timeZone`. Returns the call's fields, or the problems by form field in the form's order.
 */
export function parseCallForm(values: CallFormValues, timeZone: string): CallFormResult {
  const issues: CallFormIssue[] = [];
  const instant = (prefix: 'opens' | 'closes') => {
    const date = values[`${prefix}Date`].trim();
    const time = values[`${prefix}Time`].trim();
    if (!date) issues.push(issue(`${prefix}Date`, `${prefix}Date.required`));
    else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) issues.push(issue(`${prefix}Time`, `${prefix}Time.invalid`));
    else {
      const value = zonedTimeToUtc(date, time, timeZone);
      if (!value) issues.push(issue(`${prefix}Date`, `${prefix}Date.invalid`));
      return value;
    }
    return undefined;
  };
  const opensAt = instant('opens');
  const closesAt = instant('closes');
  const themes = linesOf(values.themes);
  const themesEn = linesOf(values.themesEn);
  const parsed = callFieldsInput.safeParse({
    title: values.title,
    summary: values.summary,
    considerations: linesOf(values.considerations),
    generalObjective: values.generalObjective,
    specificObjectives: linesOf(values.specificObjectives),
    requirements: linesOf(values.requirements),
    themes,
    themesEn,
    // Placeholders when a date is missing or wrong: its problem is already listed.
    opensAt: opensAt ?? new Date(0),
    closesAt: closesAt ?? new Date(1),
    contactEmail: values.contactEmail.trim(),
    resultsText: values.resultsText.trim() || undefined,
  });
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const field = String(zodIssue.path[0] ?? 'title');
      if (field === 'closesAt' && (!opensAt || !closesAt)) continue;
      issues.push(issue(formFieldOf[field] ?? field, zodIssue.message));
    }
    // The schema checks the English themes against the Spanish ones only once every field is valid: say it now.
    const misaligned = themesMisalignment(themes, themesEn);
    if (misaligned && !issues.some((i) => i.path[0] === 'themesEn')) issues.push(issue('themesEn', misaligned));
  }
  if (issues.length > 0 || !parsed.success) {
    const order = (i: CallFormIssue) => callFormFields.indexOf(i.path[0] as (typeof callFormFields)[number]);
    return { success: false, issues: issues.sort((a, b) => order(a) - order(b)) };
  }
  return { success: true, data: parsed.data };
}

/** A stored call as the form's strings, to edit it. */
export function callFormValuesOf(call: typeof calls.$inferSelect, timeZone: string): CallFormValues {
  const opens = utcToZonedTime(call.opensAt, timeZone);
  const closes = utcToZonedTime(call.closesAt, timeZone);
  return {
    exerciseId: call.exerciseId,
    title: call.title,
    summary: call.summary,
    considerations: call.considerations.join('\n'),
    generalObjective: call.generalObjective,
    specificObjectives: call.specificObjectives.join('\n'),
    requirements: call.requirements.join('\n'),
    themes: call.themes.join('\n'),
    themesEn: call.themesEn.join('\n'),
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    contactEmail: call.contactEmail,
    resultsText: call.resultsText ?? '',
  };
}

/** A blank form: a call opens at the start of its first day and closes at the end of its last. */
export const blankCallForm = (exerciseId = ''): CallFormValues => ({
  ...(Object.fromEntries(callFormFields.map((field) => [field, ''])) as CallFormValues),
  exerciseId,
  opensTime: '00:00',
  closesTime: '23:59',
});
