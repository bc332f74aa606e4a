import { describe, expect, it } from 'vitest';
import { redactUrl, serializeError } from './logging.js';

const TOKEN = 'Xq7ZsV3kLmN9pQr2TuW5yB8cD1eF4gH6jK0aSdFgHjk';

describe('what the logs may show', () => {
  it('redacts the tokens of e-mailed links and secret query values, and keeps record ids and slugs', () => {
    expect(redactUrl(`/recuperar/${TOKEN}`)).toBe('/recuperar/[redacted]');
    expect(redactUrl(`/seguimientos/baja/${TOKEN}?lang=en`)).toBe('/seguimientos/baja/[redacted]?lang=en');
    expect(redactUrl(`/algo/nuevo/${TOKEN}/mas`)).toBe('/algo/nuevo/[redacted]/mas');
    expect(redactUrl(`/entrar?siguiente=${encodeURIComponent(`/recuperar/${TOKEN}`)}`)).not.toContain(TOKEN);
    expect(redactUrl('/ejercicios/tercer-plan-de-accion-local-2020-2021-durango/plan')).toBe(
      '/ejercicios/tercer-plan-de-accion-local-2020-2021-durango/plan',
    );
    expect(redactUrl(`/buscar?q=agua&token=${TOKEN}&pagina=2`)).toBe('/buscar?q=agua&token=[redacted]&pagina=2');
    expect(redactUrl('/admin/compromisos/3f0c2a52-9d1e-4c55-8a51-1b2c3d4e5f60')).toBe(
      '/admin/compromisos/3f0c2a52-9d1e-4c55-8a51-1b2c3d4e5f60',
    );
    expect(redactUrl('/ejercicios/cuarto-pal-demostracion/plan')).toBe('/ejercicios/cuarto-pal-demostracion/plan');
  });

  it('keeps what names a database failure and drops the values it quotes', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
      code: '23505',
      constraint: 'users_email_unique',
      detail: 'Key (lower(email))=(ana@example.mx) already exists.',
    });
    const error = Object.assign(
      new Error('Failed query: insert into users (email) values ($1)\nparams: ana@example.mx'),
      { query: 'insert into users (email) values ($1)', params: ['ana@example.mx'], cause },
    );
    const serialized = serializeError(error);
    expect(JSON.stringify(serialized)).not.toContain('ana@example.mx');
    expect(serialized).toMatchObject({
      query: 'insert into users (email) values ($1)',
      cause: { code: '23505', constraint: 'users_email_unique' },
    });
    expect(
      serializeError(
        Object.assign(new Error('invalid input syntax for type integer: "ana@example.mx"'), { code: '22P02' }),
      ).message,
    ).toBe('invalid input syntax for type integer: "[redacted]"');
  });
});
