import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './testing/test-app.js';
import { createTestUser } from './testing/sign-in.js';
import { serializeError } from './web/logging.js';

/** Every line the app logs, kept in memory. */
function capture() {
  const lines: string[] = [];
  return { stream: { write: (line: string) => void lines.push(line) }, text: () => lines.join('') };
}

const TOKEN = 'Xq7ZsV3kLmN9pQr2TuW5yB8cD1eF4gH6jK0aSdFgHjk';
const EMAIL = 'lucia.secreta@example.mx';

describe('logs carry no personal data or secrets', () => {
  it('redacts the tokens of e-mailed links and of ?token= from request logs', async () => {
    const log = capture();
    const { app } = await createTestApp({ logStream: log.stream });
    for (const url of [
      `/recuperar/${TOKEN}`,
      `/confirmar/${TOKEN}`,
      `/entrar/enlace/${TOKEN}`,
      `/sumate/confirmar/${TOKEN}`,
      `/cuenta/correo/${TOKEN}`,
      `/seguimientos/baja/${TOKEN}`,
      `/ejercicios?token=${TOKEN}`,
      `/entrar?siguiente=/cuenta&token=${TOKEN}`,
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBeLessThan(500);
    }
    await app.inject({
      method: 'POST',
      url: `/recuperar/${TOKEN}`,
      payload: { password: 'una frase larga y segura para probar' },
    });
    expect(log.text()).toContain('/recuperar/[redacted]');
    expect(log.text()).toContain('/seguimientos/baja/[redacted]');
    expect(log.text()).not.toContain(TOKEN);
  });

  it('logs neither the e-mail nor the text of a sign-up, nor a field refused for a NUL character', async () => {
    const log = capture();
    const { app } = await createTestApp({ logStream: log.stream });
    const form = '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate';
    const page = await app.inject({ url: form });
    const csrf = page.cookies.find((c) => c.name === 'csrf')!.value;
    const fields = {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
      privacyNoticeId: /name="privacyNoticeId" value="([^"]+)"/.exec(page.body)![1]!,
      fullName: 'Lucía Secreta Hernández',
      email: EMAIL,
      phone: '618 555 0199',
      municipalityCvegeo: '10005',
      sector: 'civil_society_org',
      themes: 'Espacios públicos',
      motivation: 'Quiero ayudar a recuperar los parques de mi colonia con mis vecinas.',
      acceptsHonorary: 'yes',
      consent: 'yes',
    };
    expect((await app.inject({ method: 'POST', url: form, cookies: { csrf }, payload: fields })).statusCode).toBe(303);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: form,
          cookies: { csrf },
          payload: { ...fields, fullName: 'Lucía\u0000Secreta' },
        })
      ).statusCode,
    ).toBe(400);
    expect(log.text()).not.toContain(EMAIL);
    expect(log.text()).not.toContain('Secreta');
    expect(log.text()).not.toContain('618 555 0199');
  });

  it('logs a database error without its bound values: no params, no detail, no quoted value', async () => {
    const log = capture();
    const { app, database } = await createTestApp({ logStream: log.stream });
    await createTestUser(database, { email: EMAIL });
    const failures: unknown[] = [];
    for (const query of [
      sql`select ${EMAIL}::int`,
      sql`insert into users (email, name) values (${EMAIL}, ${'Lucía Secreta'})`,
    ]) {
      try {
        await database.db.execute(query);
      } catch (error) {
        failures.push(error);
        app.log.error({ err: error }, 'unexpected error');
      }
    }
    expect(failures).toHaveLength(2);
    // What the database and drizzle put in these errors, before the serializer.
    const raw = failures
      .map((error) =>
        JSON.stringify({
          ...(error as object),
          message: (error as Error).message,
          cause: {
            ...((error as Error).cause as object),
            message: ((error as Error).cause as Error | undefined)?.message,
          },
        }),
      )
      .join('');
    expect(raw).toContain(EMAIL);
    expect(log.text()).toContain('unexpected error');
    expect(log.text()).toContain('select $1::int');
    expect(log.text()).not.toContain(EMAIL);
    expect(log.text()).not.toContain('Secreta');
    expect(JSON.stringify(failures.map((error) => serializeError(error)))).not.toContain(EMAIL);
  });

  it('echoes and logs only a well-formed X-Request-Id; anything else gets a fresh one', async () => {
    const log = capture();
    const { app } = await createTestApp({ logStream: log.stream });
    const good = await app.inject({ url: '/ejercicios', headers: { 'x-request-id': 'ref-12345' } });
    expect(good.headers['x-request-id']).toBe('ref-12345');
    for (const bad of [EMAIL, `<script>${'a'.repeat(10)}</script>`, 'a'.repeat(65), 'id con espacios', '']) {
      const response = await app.inject({ url: '/ejercicios', headers: { 'x-request-id': bad } });
      expect(response.headers['x-request-id'], bad).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(log.text()).toContain('"reqId":"ref-12345"');
    expect(log.text()).not.toContain(EMAIL);
    expect(log.text()).not.toContain('<script>');
  });
});
