import { and, count, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../db/client.js';
import { createTestApp } from '../../testing/test-app.js';
import { signInAs } from '../../testing/sign-in.js';
import { changeLog } from '../audit/schema.js';
import { emails } from '../notifications/schema.js';
import { users, userTokens } from '../accounts/schema.js';
import { calls } from '../calls/read-models.js';
import { registrations } from './schema.js';

const FORM = '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate';

async function openForm(app: FastifyInstance, headers: Record<string, string> = {}) {
  const page = await app.inject({ url: FORM, headers });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const noticeId = /name="privacyNoticeId" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = page.cookies.find((c) => c.name === 'csrf')!.value;
  return { page, csrf, noticeId, cookies: { csrf: cookie } };
}

const person = (overrides: Record<string, string | string[]> = {}) => ({
  fullName: 'María Fernanda Ríos',
  email: 'mafer@example.mx',
  phone: '618 123 4567',
  municipalityCvegeo: '10005',
  sector: 'civil_society_org',
  organization: 'Colectivo Barrios Vivos',
  themes: ['Espacios públicos', 'Medio ambiente y residuos'],
  motivation: 'Quiero ayudar a recuperar los parques de mi colonia con mis vecinas.',
  acceptsHonorary: 'yes',
  consent: 'yes',
  ...overrides,
});

async function submit(
  app: FastifyInstance,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const { csrf, noticeId, cookies } = await openForm(app, headers);
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries({ _csrf: csrf, privacyNoticeId: noticeId, ...fields })) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return app.inject({
    method: 'POST',
    url: FORM,
    cookies,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

/** The text of the label of the theme checkbox whose value (the stored theme) is `value`. */
function themeLabelOf(html: string, value: string) {
  const input = new RegExp(`<input[^>]*id="(theme-\\d+)"[^>]*name="themes" value="${value}"[^>]*>`).exec(html);
  expect(input, `a theme checkbox for ${value}`).not.toBeNull();
  return new RegExp(`<label[^>]*for="${input![1]}"[^>]*>([^<]*)</label>`).exec(html)?.[1];
}

async function lastEmail(database: Database, to: string) {
  const [email] = await database.db
    .select()
    .from(emails)
    .where(eq(emails.toAddress, to))
    .orderBy(desc(emails.createdAt))
    .limit(1);
  return email;
}

const linkIn = (text: string) => new URL(/https?:\/\/\S+\/sumate\/confirmar\/[A-Za-z0-9_-]+/.exec(text)![0]).pathname;

describe('Súmate: signing up to an open call', () => {
  it('a resident signs up, gets the e-mail, confirms and sees the reference and what comes next', async () => {
    const { app, database } = await createTestApp();
    const sent = await submit(app, person());
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${FORM}/enviada`);
    const [registration] = await database.db.select().from(registrations);
    expect(registration).toMatchObject({
      status: 'pending_confirmation',
      email: 'mafer@example.mx',
      themes: ['Espacios públicos', 'Medio ambiente y residuos'],
      acceptsHonorary: true,
    });
    expect(registration!.reference).toMatch(/^SUM-2026-\d{5}$/);

    const mail = await lastEmail(database, 'mafer@example.mx');
    expect(mail?.template).toBe('confirm_registration');
    expect(mail?.subject).toContain(registration!.reference);
    expect(mail?.text).toContain('Convocatoria de demostración para el Cuarto Plan de Acción Local');

    const confirmed = await app.inject({ url: linkIn(mail!.text) });
    expect(confirmed.statusCode).toBe(303);
    const sid = confirmed.cookies.find((c) => c.name === 'sid')!.value;
    const page = await app.inject({ url: confirmed.headers.location!, cookies: { sid } });
    expect(page.body).toContain('Tu inscripción quedó registrada');
    expect(page.body).toContain(registration!.reference);
    expect(page.body).toContain('7 de enero de 2027');
    const [after] = await database.db.select().from(registrations);
    expect(after!.status).toBe('confirmed');
    const [account] = await database.db.select().from(users).where(eq(users.email, 'mafer@example.mx'));
    expect(account!.emailConfirmedAt).not.toBeNull();
    expect(after!.userId).toBe(account!.id);
  });

  it('signing up again with the same e-mail never duplicates, and changes apply only after the new link', async () => {
    const { app, database } = await createTestApp();
    await submit(app, person());
    await app.inject({ url: linkIn((await lastEmail(database, 'mafer@example.mx'))!.text) });
    const again = await submit(app, person({ email: 'MAFER@example.mx', fullName: 'Alguien Más', sector: 'academia' }));
    expect(again.headers.location).toBe(`${FORM}/enviada`);
    const rows = await database.db.select().from(registrations);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fullName).toBe('María Fernanda Ríos');
    const update = await lastEmail(database, 'mafer@example.mx');
    expect(update?.subject).toContain('Confirma los cambios');
    await app.inject({ url: linkIn(update!.text) });
    const [changed] = await database.db.select().from(registrations);
    expect(changed).toMatchObject({ fullName: 'Alguien Más', sector: 'academia', status: 'confirmed' });
  });

  it('tells a person outside the state kindly why they cannot sign up, keeping what they typed', async () => {
    const { app, database } = await createTestApp();
    const response = await submit(app, person({ municipalityCvegeo: 'outside' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('esta convocatoria es para personas que residen en el estado');
    expect(response.body).toContain('value="María Fernanda Ríos"');
    expect(response.body).toContain('Quiero ayudar a recuperar los parques');
    const foreign = await submit(app, person({ municipalityCvegeo: '19039' }));
    expect(foreign.statusCode).toBe(400);
    expect((await database.db.select({ n: count() }).from(registrations))[0]!.n).toBe(0);
  });

  it('shows every problem next to its field and in the summary, and handles very long input', async () => {
    const { app } = await createTestApp();
    const response = await submit(app, {
      fullName: '',
      email: 'x',
      municipalityCvegeo: '',
      motivation: 'corto',
      phone: 'llámame',
    });
    expect(response.statusCode).toBe(400);
    for (const message of [
      'Escribe tu nombre completo.',
      'Escribe un correo electrónico válido',
      'Elige el municipio donde vives.',
      'Elige cómo participas.',
      'al menos 20 caracteres',
      'de manera honoraria',
      'aceptar el aviso de privacidad',
      'solo con números',
    ]) {
      expect(response.body).toContain(message);
    }
    const long = await submit(app, person({ motivation: 'a'.repeat(5000), fullName: 'b'.repeat(500) }));
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('no puede tener más de 3,000 caracteres');
  });

  it('a filled honeypot gets the usual answer and stores nothing', async () => {
    const { app, database } = await createTestApp();
    const response = await submit(app, person({ website: 'http://spam.example' }));
    expect(response.headers.location).toBe(`${FORM}/enviada`);
    expect((await database.db.select({ n: count() }).from(registrations))[0]!.n).toBe(0);
  });

  it('refuses sign-ups when the call is closed, with a clear page', async () => {
    const { app } = await createTestApp();
    const page = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/convocatoria/sumate' });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('La convocatoria cerró el 15 de noviembre de 2020');
    const redirect = await app.inject({ url: '/sumate' });
    expect(redirect.headers.location).toBe(FORM);
  });

  it('a sign-up posted to a closed call, or to no call, stores nothing', async () => {
    const { app, database } = await createTestApp();
    const { csrf, noticeId, cookies } = await openForm(app);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ _csrf: csrf, privacyNoticeId: noticeId, ...person() }))
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
    const body = params.toString();
    const post = (url: string) =>
      app.inject({
        method: 'POST',
        url,
        cookies,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
    const closed = await post('/ejercicios/tercer-pal-2020-2021/convocatoria/sumate');
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('La convocatoria cerró el 15 de noviembre de 2020');
    expect((await post('/ejercicios/no-existe/convocatoria/sumate')).statusCode).toBe(404);
    expect((await database.db.select({ n: count() }).from(registrations))[0]!.n).toBe(0);
    expect(
      (await database.db.select({ n: count() }).from(users).where(eq(users.email, 'mafer@example.mx')))[0]!.n,
    ).toBe(0);
  });

  it('limits sign-ups per address', async () => {
    const { app } = await createTestApp({ env: { SIGNUP_LIMIT_PER_HOUR: '3' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await submit(app, person({ email: `p${i}@example.mx` }))).statusCode);
    expect(statuses).toEqual([303, 303, 303, 429]);
  });

  it('in English the themes read in English, and a sign-up stores the call’s Spanish themes', async () => {
    const { app, database } = await createTestApp();
    const english = { 'accept-language': 'en' };
    const { page } = await openForm(app, english);
    expect(page.body).toContain('<html lang="en"');
    expect(themeLabelOf(page.body, 'Espacios públicos')).toBe('Public spaces');
    expect(themeLabelOf(page.body, 'Seguridad ciudadana')).toBe('Public safety');
    expect(page.body).not.toContain('>Espacios públicos</label>');
    // The Spanish page keeps the Spanish labels.
    expect(themeLabelOf((await openForm(app)).page.body, 'Espacios públicos')).toBe('Espacios públicos');

    // A form sent back in English keeps the chosen themes checked, with their English labels.
    const refused = await submit(app, person({ motivation: 'corto', themes: ['Salud mental'] }), english);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/<input[^>]*name="themes" value="Salud mental" checked/);
    expect(themeLabelOf(refused.body, 'Salud mental')).toBe('Mental health');

    const sent = await submit(app, person(), english);
    expect(sent.statusCode).toBe(303);
    const [registration] = await database.db.select().from(registrations);
    expect(registration).toMatchObject({ locale: 'en', themes: ['Espacios públicos', 'Medio ambiente y residuos'] });
    // An English label sent as if it were a theme is not one of the call's themes: it is not stored.
    await submit(app, person({ email: 'otra@example.mx', themes: ['Public spaces', 'Salud mental'] }), english);
    const [other] = await database.db.select().from(registrations).where(eq(registrations.email, 'otra@example.mx'));
    expect(other!.themes).toEqual(['Salud mental']);
  });

  it('in English, a call without English themes shows its Spanish ones', async () => {
    const { app, database } = await createTestApp();
    await database.db.update(calls).set({ themesEn: [] });
    const { page } = await openForm(app, { 'accept-language': 'en' });
    expect(page.body).toContain('<html lang="en"');
    expect(themeLabelOf(page.body, 'Espacios públicos')).toBe('Espacios públicos');
  });
});

async function askForNewLink(
  app: FastifyInstance,
  email: string,
  from = '/sumate/reenviar',
): Promise<LightMyRequestResponse> {
  const page = await app.inject({ url: from });
  const csrf = /action="\/sumate\/reenviar"[\s\S]*?name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const cookie = page.cookies.find((c) => c.name === 'csrf')?.value;
  const cookies: Record<string, string> = cookie ? { csrf: cookie } : {};
  return app.inject({
    method: 'POST',
    url: '/sumate/reenviar',
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, email }).toString(),
  });
}

describe('Súmate: asking for a new confirmation link', () => {
  it('"Revisa tu correo" offers a new link; it reaches a pending sign-up, and only the newest link works', async () => {
    const { app, database } = await createTestApp();
    await submit(app, person());
    const first = await lastEmail(database, 'mafer@example.mx');
    const sentPage = await app.inject({ url: `${FORM}/enviada` });
    expect(sentPage.body).toContain('¿No te llegó el correo?');

    const asked = await askForNewLink(app, ' MaFer@Example.mx ', `${FORM}/enviada`);
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/sumate/reenviar/enviado');
    const answer = await app.inject({ url: asked.headers.location! });
    expect(answer.body).toContain('te enviamos un enlace nuevo');

    const mails = await database.db.select().from(emails).where(eq(emails.toAddress, 'mafer@example.mx'));
    expect(mails).toHaveLength(2);
    const second = await lastEmail(database, 'mafer@example.mx');
    expect(second!.id).not.toBe(first!.id);
    expect(second!.template).toBe('confirm_registration');
    expect(second!.text).toContain('María Fernanda Ríos');

    const old = await app.inject({ url: linkIn(first!.text) });
    expect(old.statusCode).toBe(400);
    expect(old.body).toContain('¿No te llegó el correo?');
    expect((await database.db.select().from(registrations))[0]!.status).toBe('pending_confirmation');
    const fresh = await app.inject({ url: linkIn(second!.text) });
    expect(fresh.statusCode).toBe(303);
    expect((await database.db.select().from(registrations))[0]!.status).toBe('confirmed');
    expect(await database.db.select().from(registrations)).toHaveLength(1);
  });

  it('answers an unknown or already confirmed address exactly the same way, and sends nothing', async () => {
    const { app, database } = await createTestApp();
    await submit(app, person());
    await app.inject({ url: linkIn((await lastEmail(database, 'mafer@example.mx'))!.text) });
    const before = (await database.db.select({ n: count() }).from(emails))[0]!.n;

    const unknown = await askForNewLink(app, 'nadie@example.mx');
    const confirmed = await askForNewLink(app, 'mafer@example.mx');
    expect(unknown.statusCode).toBe(303);
    expect(confirmed.statusCode).toBe(303);
    expect(unknown.headers.location).toBe(confirmed.headers.location);
    expect((await database.db.select({ n: count() }).from(emails))[0]!.n).toBe(before);
  });

  it('an expired link says so and offers a new one, which works', async () => {
    const { app, database } = await createTestApp();
    await submit(app, person({ email: 'tarde@example.mx' }));
    const expiredMail = await lastEmail(database, 'tarde@example.mx');
    await database.db.update(userTokens).set({ expiresAt: new Date('2020-01-01T00:00:00Z') });
    const expired = await app.inject({ url: linkIn(expiredMail!.text) });
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('haya vencido');

    const asked = await askForNewLink(app, 'tarde@example.mx', linkIn(expiredMail!.text));
    expect(asked.headers.location).toBe('/sumate/reenviar/enviado');
    const fresh = await lastEmail(database, 'tarde@example.mx');
    expect(fresh!.id).not.toBe(expiredMail!.id);
    const confirmed = await app.inject({ url: linkIn(fresh!.text) });
    expect(confirmed.statusCode).toBe(303);
    expect((await database.db.select().from(registrations))[0]!.status).toBe('confirmed');
  });

  it('keeps a mistyped address with its error, and limits how often one can ask', async () => {
    const { app, database } = await createTestApp();
    const bad = await askForNewLink(app, 'mafer@');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Escribe un correo electrónico válido');
    expect(bad.body).toContain('href="#resend-email"');
    expect(bad.body).toContain('value="mafer@"');
    await submit(app, person({ email: 'insistente@example.mx' }));
    const statuses = [];
    // Five tries per 15 minutes from one address, the mistyped one included.
    for (let i = 0; i < 5; i++) statuses.push((await askForNewLink(app, 'insistente@example.mx')).statusCode);
    expect(statuses).toEqual([303, 303, 303, 303, 429]);
    expect(await database.db.select().from(emails).where(eq(emails.toAddress, 'insistente@example.mx'))).toHaveLength(
      5,
    );
  });
});

describe('reviewing sign-ups', () => {
  it('an admin filters, accepts or rejects with a reason (in the change log, without personal data) and exports CSV', async () => {
    const { app, database } = await createTestApp();
    for (const [i, sector] of (['academia', 'civil_society_org', 'private_sector'] as const).entries()) {
      await submit(app, person({ email: `persona${i}@example.mx`, fullName: `Persona Número ${i}`, sector }));
      await app.inject({ url: linkIn((await lastEmail(database, `persona${i}@example.mx`))!.text) });
    }
    await submit(app, person({ email: 'sinconfirmar@example.mx', fullName: 'Sin Confirmar' }));
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const [call] = await database.db.selectDistinct({ id: registrations.callId }).from(registrations);

    const all = await app.inject({ url: `/admin/inscripciones?convocatoria=${call!.id}`, cookies: admin.cookies });
    expect(all.body).toContain('4 inscripciones');
    const academia = await app.inject({
      url: `/admin/inscripciones?convocatoria=${call!.id}&sector=academia`,
      cookies: admin.cookies,
    });
    expect(academia.body).toContain('1 inscripciones');
    expect(academia.body).toContain('Persona Número 0');
    const search = await app.inject({
      url: `/admin/inscripciones?convocatoria=${call!.id}&q=numero 2`,
      cookies: admin.cookies,
    });
    expect(search.body).toContain('Persona Número 2');
    expect(search.body).not.toContain('Persona Número 1');

    const [target] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, 'persona1@example.mx'));
    const noReason = await app.inject({
      method: 'POST',
      url: `/admin/inscripciones/${target!.id}`,
      cookies: admin.cookies,
      payload: { _csrf: admin.csrf, decision: 'rejected' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Escribe el motivo del rechazo');
    const rejected = await app.inject({
      method: 'POST',
      url: `/admin/inscripciones/${target!.id}`,
      cookies: admin.cookies,
      payload: { _csrf: admin.csrf, decision: 'rejected', reason: 'No reside en el estado según su comprobante.' },
    });
    expect(rejected.statusCode).toBe(303);
    const [pending] = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.email, 'sinconfirmar@example.mx'));
    const refused = await app.inject({
      method: 'POST',
      url: `/admin/inscripciones/${pending!.id}`,
      cookies: admin.cookies,
      payload: { _csrf: admin.csrf, decision: 'accepted' },
    });
    expect(refused.statusCode).toBe(409);

    const [entry] = await database.db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'registration'), eq(changeLog.recordId, target!.id)));
    // The reason concerns a private person: the public log keeps the status only (decision 30).
    expect(entry!.after).toEqual({ status: 'rejected' });
    expect(JSON.stringify(entry)).not.toContain('No reside en el estado');
    expect(JSON.stringify(entry)).not.toContain('persona1@example.mx');
    expect(JSON.stringify(entry)).not.toContain('Persona Número 1');

    const csv = await app.inject({
      url: `/admin/inscripciones/exportar.csv?convocatoria=${call!.id}&status=confirmed`,
      cookies: admin.cookies,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('folio,estado,nombre,correo');
    const [exportEntry] = await database.db
      .select()
      .from(changeLog)
      .where(eq(changeLog.recordType, 'registrations_export'));
    expect(exportEntry!.after).toMatchObject({ rows: 2, filters: { status: 'confirmed' } });
    const anonymous = await app.inject({ url: `/admin/inscripciones/exportar.csv?convocatoria=${call!.id}` });
    expect(anonymous.statusCode).toBe(303);
  });
});
