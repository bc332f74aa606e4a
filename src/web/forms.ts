import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FieldError } from './components/index.js';
import { hasMessage, type MessageKey, type Translate } from './i18n/i18n.js';

/** A form as a page shows it: what was typed, a message next to each field, and the error summary. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  summary: FieldError[];
}
export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {}, summary: [] });

/** A problem with one field: zod's issues, or one a route or a use case found (its message is a key suffix). */
export interface FormIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Where a module's form messages live: `${prefix}.${issue.message}`, else `fallback`; `idFor` maps a field to its
 * input's id.
 */
export interface FormMessages {
  prefix: string;
  fallback: MessageKey;
  idFor?: (field: string) => string;
}

/**
 * Turns zod issues into messages next to each field and an error summary. Schemas put a message key suffix in
 * their messages (e.g. 'email.invalid'), looked up as `${prefix}.${suffix}`; any other issue gets `fallback`.
 */
export function fieldErrors(
  issues: readonly FormIssue[],
  t: Translate,
  prefix: string,
  fallback: MessageKey,
  idFor: (field: string) => string = (f) => f,
) {
  const byField: Record<string, string> = {};
  const summary: FieldError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (byField[field]) continue;
    const key = `${prefix}.${issue.message}`;
    const message = hasMessage(key) ? t(key) : t(fallback);
    byField[field] = message;
    summary.push({ field: idFor(field), message });
  }
  return { byField, summary };
}

/** The form again with what was typed and the messages of `issues`. */
export function failedForm(
  t: Translate,
  messages: FormMessages,
  issues: readonly FormIssue[],
  values: Record<string, string>,
): FormState {
  const { byField, summary } = fieldErrors(issues, t, messages.prefix, messages.fallback, messages.idFor);
  return { values, errors: byField, summary };
}

/**
 * The form with one message on one field (a refusal worded by the route rather than by a schema); `id` is the
 * field's input, where the summary links (the field's name unless the page gives it another id).
 */
export const formWithMessage = (
  values: Record<string, string>,
  field: string,
  message: string,
  id: string = field,
): FormState => ({
  values,
  errors: { [field]: message },
  summary: [{ field: id, message }],
});

/** A submitted field as it was parsed (a string, a list of strings, or an uploaded file), unchecked. */
export const formField = (body: unknown, name: string): unknown =>
  (body as Record<string, unknown> | undefined)?.[name];

/** A form field's submitted value as a string (forms only send strings; anything else is ignored). */
export const formString = (body: unknown, name: string): string => {
  const value = formField(body, name);
  return typeof value === 'string' ? value : '';
};

/** The submitted strings of the named fields (a missing or non-string field is ''). */
export const formValues = <Name extends string>(body: unknown, names: readonly Name[]): Record<Name, string> =>
  Object.fromEntries(names.map((name) => [name, formString(body, name)])) as Record<Name, string>;

/** A field sent zero, one or many times (checkboxes of one name, a multiple select), as its strings. */
export const formList = (body: unknown, name: string): string[] => {
  const value = formField(body, name);
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];
};

/** A parse's outcome: zod's own, or one a route builds (e.g. `parseCallForm`, or with issues of its own checks). */
export type FormResult<T> = { success: true; data: T } | { success: false; issues: readonly FormIssue[] };
type ParseOutcome<T> = z.ZodSafeParseResult<T> | FormResult<T>;

const issuesOf = <T>(parsed: ParseOutcome<T>): readonly FormIssue[] =>
  parsed.success ? [] : 'issues' in parsed ? parsed.issues : parsed.error.issues;

/**
 * A parse with the issues of the route's own checks listed before and after the schema's (the summary keeps that
 * order).
 */
export function withIssues<T>(
  parsed: ParseOutcome<T>,
  extra: { before?: readonly FormIssue[]; after?: readonly FormIssue[] },
): FormResult<T> {
  const issues = [...(extra.before ?? []), ...issuesOf(parsed), ...(extra.after ?? [])];
  return parsed.success && issues.length === 0 ? { success: true, data: parsed.data } : { success: false, issues };
}

/** The status of a form sent back to be corrected. */
const INVALID_FORM_STATUS = 400;

export interface FormRoundTrip<T> {
  /** Where the module's form messages live (and, per form, the id of each field's input). */
  messages: FormMessages;
  /** What was typed, to show the form again. */
  values: Record<string, string>;
  /** The schema's parse of the form (or a route's, see `withIssues`). */
  parsed: ParseOutcome<T>;
  /** The page with the form again, its errors and what was typed (called with status 400). */
  invalid: (form: FormState, status: number) => Promise<FastifyReply> | FastifyReply;
  /** Calls the use case; answers where to go next (a 303 redirect), or a reply of its own. */
  submit: (data: T) => Promise<string | FastifyReply>;
  /**
   * A refusal of the use case that belongs on the form: its issues (worded as a schema's) or a ready form; else
   * undefined.
   */
  rejected?: (error: unknown) => readonly FormIssue[] | FormState | undefined;
  /**
   * Any other expected refusal, answered with a page of its own (e.g. 409 with the problem); undefined rethrows the
   * error.
   */
  refused?: (error: unknown) => Promise<FastifyReply> | FastifyReply | undefined;
}

/**
 * One form round trip: an invalid form is shown again (400) with messages next to its fields and an error summary;
 * a valid one goes to the use case, whose refusals are shown on the form (400) or by `refused`; then redirect (303).
 */
export async function submitForm<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  trip: FormRoundTrip<T>,
): Promise<FastifyReply> {
  const { messages, values, parsed } = trip;
  if (!parsed.success)
    return trip.invalid(failedForm(request.t, messages, issuesOf(parsed), values), INVALID_FORM_STATUS);
  let next: string | FastifyReply;
  try {
    next = await trip.submit(parsed.data);
  } catch (error) {
    const rejected = trip.rejected?.(error);
    if (rejected)
      return trip.invalid(
        isFormState(rejected) ? rejected : failedForm(request.t, messages, rejected, values),
        INVALID_FORM_STATUS,
      );
    const answered = trip.refused?.(error);
    if (answered) return answered;
    throw error;
  }
  return typeof next === 'string' ? reply.redirect(next, 303) : next;
}

const isFormState = (value: readonly FormIssue[] | FormState): value is FormState => !Array.isArray(value);
