import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../shared/errors.js';
import {
  emptyForm,
  failedForm,
  formList,
  formValues,
  formWithMessage,
  submitForm,
  withIssues,
  type FormMessages,
  type FormState,
} from './forms.js';
import { translator } from './i18n/i18n.js';
// The modules' texts, installed as the server does.
import '../registry.js';

const t = translator('en');
const messages: FormMessages = { prefix: 'accounts.error', fallback: 'error.badRequest.body' };
const schema = z.object({ name: z.string().min(1, 'name.required'), email: z.email('email.invalid') });

/** Just what the round trip uses of Fastify: the translator, and a reply that records a redirect or a page. */
function fakes() {
  const request = { t } as FastifyRequest;
  const reply = {
    redirect: vi.fn((url: string, status: number) => ({ redirected: { url, status } })),
  } as unknown as FastifyReply;
  const shown: { form: FormState; status: number }[] = [];
  const invalid = (form: FormState, status: number) => {
    shown.push({ form, status });
    return { shown: status } as unknown as FastifyReply;
  };
  return { request, reply, shown, invalid };
}

describe('form helpers', () => {
  it('reads the named fields as strings, and lists as lists', () => {
    expect(formValues({ a: 'x', b: ['y'], c: 3 }, ['a', 'b', 'c', 'd'])).toEqual({ a: 'x', b: '', c: '', d: '' });
    expect(formList({ m: ['1', 2, '3'] }, 'm')).toEqual(['1', '3']);
    expect(formList({ m: '1' }, 'm')).toEqual(['1']);
    expect(formList(undefined, 'm')).toEqual([]);
  });

  it('words each field once, with the fallback for issues without a message of their own, in the issues order', () => {
    const form = failedForm(
      t,
      { ...messages, idFor: (f) => `x-${f}` },
      [
        { path: ['email'], message: 'email.invalid' },
        { path: ['email'], message: 'name.required' },
        { path: ['name'], message: 'no.such.message' },
      ],
      { email: 'nope' },
    );
    expect(form.values).toEqual({ email: 'nope' });
    expect(form.errors).toEqual({ email: t('accounts.error.email.invalid'), name: t('error.badRequest.body') });
    expect(form.summary.map((s) => s.field)).toEqual(['x-email', 'x-name']);
  });

  it('puts a ready message on one field and in the summary', () => {
    expect(formWithMessage({ a: '1' }, 'file', 'Too large')).toEqual({
      values: { a: '1' },
      errors: { file: 'Too large' },
      summary: [{ field: 'file', message: 'Too large' }],
    });
  });

  it('lists the route’s own issues before and after the schema’s', () => {
    const parsed = withIssues(schema.safeParse({ name: '', email: 'a@b.mx' }), {
      before: [{ path: ['first'], message: 'x' }],
      after: [{ path: ['last'], message: 'y' }],
    });
    expect(parsed.success ? [] : parsed.issues.map((i) => i.path[0])).toEqual(['first', 'name', 'last']);
    expect(withIssues(schema.safeParse({ name: 'A', email: 'a@b.mx' }), {})).toEqual({
      success: true,
      data: { name: 'A', email: 'a@b.mx' },
    });
  });
});

describe('submitForm', () => {
  it('shows an invalid form again with status 400 and what was typed, without calling the use case', async () => {
    const { request, reply, shown, invalid } = fakes();
    const submit = vi.fn(async () => '/done');
    const values = { name: '', email: 'nope' };
    await submitForm(request, reply, { messages, values, parsed: schema.safeParse(values), invalid, submit });
    expect(submit).not.toHaveBeenCalled();
    expect(shown).toEqual([
      { form: failedForm(t, messages, schema.safeParse(values).error!.issues, values), status: 400 },
    ]);
    expect(shown[0]!.form.summary).toHaveLength(2);
  });

  it('redirects (303) to where the use case says, or sends its own reply', async () => {
    const { request, reply, invalid } = fakes();
    const values = { name: 'Ana', email: 'ana@example.mx' };
    const submit = vi.fn(async (data: { name: string }) => `/people/${data.name}`);
    expect(
      await submitForm(request, reply, { messages, values, parsed: schema.safeParse(values), invalid, submit }),
    ).toEqual({ redirected: { url: '/people/Ana', status: 303 } });
    const page = { page: true } as unknown as FastifyReply;
    expect(
      await submitForm(request, reply, {
        messages,
        values,
        parsed: schema.safeParse(values),
        invalid,
        submit: async () => page,
      }),
    ).toBe(page);
  });

  it('shows a refusal of the use case on the form (400), as issues or as a ready form', async () => {
    const { request, reply, shown, invalid } = fakes();
    const values = { name: 'Ana', email: 'ana@example.mx' };
    const refusal = new AppError('validation', 'taken', { reason: 'taken' });
    const submit = async () => {
      throw refusal;
    };
    await submitForm(request, reply, {
      messages,
      values,
      parsed: schema.safeParse(values),
      invalid,
      submit,
      rejected: (e) => (e === refusal ? [{ path: ['email'], message: 'email.invalid' }] : undefined),
    });
    const ready = emptyForm({ ready: 'yes' });
    await submitForm(request, reply, {
      messages,
      values,
      parsed: schema.safeParse(values),
      invalid,
      submit,
      rejected: () => ready,
    });
    expect(shown).toEqual([
      {
        form: {
          values,
          errors: { email: t('accounts.error.email.invalid') },
          summary: [{ field: 'email', message: t('accounts.error.email.invalid') }],
        },
        status: 400,
      },
      { form: ready, status: 400 },
    ]);
  });

  it('answers other known refusals with their own page, and rethrows anything else', async () => {
    const { request, reply, invalid } = fakes();
    const values = { name: 'Ana', email: 'ana@example.mx' };
    const conflict = new AppError('conflict', 'no', { reason: 'closed' });
    const problemPage = { problem: 409 } as unknown as FastifyReply;
    const refused = (e: unknown) => (e === conflict ? problemPage : undefined);
    const trip = { messages, values, parsed: schema.safeParse(values), invalid, refused, rejected: () => undefined };
    expect(await submitForm(request, reply, { ...trip, submit: async () => Promise.reject(conflict) })).toBe(
      problemPage,
    );
    const other = new AppError('not_found', 'gone');
    await expect(submitForm(request, reply, { ...trip, submit: async () => Promise.reject(other) })).rejects.toBe(
      other,
    );
  });
});
