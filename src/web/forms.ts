import type { z } from 'zod';
import type { FieldError } from './components/index.js';
import type { MessageKey, Translate } from './i18n/i18n.js';

/**
 * Turns zod issues into messages next to each field and an error summary. Schemas put a message key suffix in
 * their messages (e.g. 'email.invalid'), looked up as `${prefix}.${suffix}`; any other issue gets `fallback`.
 */
export function fieldErrors(issues: z.core.$ZodIssue[], t: Translate, prefix: string, fallback: MessageKey, idFor: (field: string) => string = (f) => f) {
  const byField: Record<string, string> = {};
  const summary: FieldError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (byField[field]) continue;
    const key = `${prefix}.${issue.message}` as MessageKey;
    const translated = t(key);
    const message = translated === undefined || translated === key ? t(fallback) : translated;
    byField[field] = message;
    summary.push({ field: idFor(field), message });
  }
  return { byField, summary };
}

/** A form field's submitted value as a string (forms only send strings; anything else is ignored). */
export const formString = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};
