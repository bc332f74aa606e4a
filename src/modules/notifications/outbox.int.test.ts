import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { TEST_NOW } from '../../testing/constants.js';
import { signInAs } from '../../testing/sign-in.js';
import { createTestDatabase } from '../../testing/test-db.js';
import type { Database } from '../../db/client.js';
import { listEmails } from './list-emails.js';
import { queueEmail } from './queue-email.js';
import { emails } from './schema.js';

/** The real app (its outbox routes come from the notifications module's manifest). */
async function outboxApp(
  env: Record<string, string> = {},
): Promise<{ app: Awaited<ReturnType<typeof buildApp>>; database: Database }> {
  const database = await createTestDatabase({ withDemo: true });
  const config = parseConfig({ LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ config, database, now: () => TEST_NOW });
  await app.ready();
  return { app, database };
}

const notice = (to: string, subject: string, body = 'Texto del aviso.') => ({
  to,
  template: 'notice' as const,
  locale: 'es-MX' as const,
  params: { name: 'Ana', siteName: 'Cocrea', subject, body },
});

/** A POST as a browser sends a form. */
const asForm = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('the outbox for admins', () => {
  it('lists every e-mail newest first, filters by status and shows one with its text and its HTML as text', async () => {
    const { app, database } = await outboxApp();
    const older = await queueEmail(database.db, notice('ana@example.mx', 'Primer aviso'));
    await database.db
      .update(emails)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(emails.id, older.id));
    const failed = await queueEmail(database.db, notice('luis@example.mx', 'Aviso <importante>', 'Hola <b>Luis</b>'));
    await database.db
      .update(emails)
      .set({ status: 'failed', attempts: 6, lastError: '550 mailbox unavailable' })
      .where(eq(emails.id, failed.id));
    const { cookies } = await signInAs(database, { roles: [{ role: 'admin' }] });

    const list = await app.inject({ url: '/admin/correo', cookies });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain('No hay un servidor de correo configurado');
    expect(list.body).not.toContain('<importante>');
    const newer = list.body.indexOf('Aviso &lt;importante');
    expect(newer).toBeGreaterThan(0);
    expect(newer).toBeLessThan(list.body.indexOf('Primer aviso'));
    expect(list.body).toContain('550 mailbox unavailable');
    expect(list.body).toContain('No se pudo enviar');
    expect(list.body).toContain('Todos (2)');

    const onlyFailed = await app.inject({ url: '/admin/correo?estado=failed', cookies });
    expect(onlyFailed.body).toContain('Aviso &lt;importante');
    expect(onlyFailed.body).not.toContain('Primer aviso');
    expect((await app.inject({ url: '/admin/correo?estado=nonsense&pagina=abc', cookies })).statusCode).toBe(200);

    const detail = await app.inject({ url: `/admin/correo/${failed.id}`, cookies });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Hola &lt;b>Luis&lt;/b>');
    expect(detail.body).toContain(`/admin/correo/${failed.id}/html`);
    const html = await app.inject({ url: `/admin/correo/${failed.id}/html`, cookies });
    expect(html.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(html.body).toContain('Hola &lt;b&gt;Luis&lt;/b&gt;');
    expect((await app.inject({ url: '/admin/correo/not-a-uuid', cookies })).statusCode).toBe(404);
    expect((await app.inject({ url: '/admin/correo/00000000-0000-4000-8000-000000000000', cookies })).statusCode).toBe(
      404,
    );

    const english = await app.inject({ url: '/admin/correo?lang=en', cookies });
    expect(english.body).toContain('Portal e-mail');
    expect(english.body).toContain('Could not be sent');
  });

  it('says nothing of the outbox missing SMTP when a mail server is configured', async () => {
    const { app, database } = await outboxApp({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    const { cookies } = await signInAs(database, { roles: [{ role: 'admin' }] });
    const list = await app.inject({ url: '/admin/correo', cookies });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('No hay un servidor de correo configurado');
    expect(list.body).toContain('No hay correos con este estado.');
  });

  it('is closed to visitors and to staff who are not admins', async () => {
    const { app, database } = await outboxApp();
    const { id } = await queueEmail(database.db, notice('ana@example.mx', 'Aviso'));
    for (const url of ['/admin/correo', `/admin/correo/${id}`, `/admin/correo/${id}/html`]) {
      const anonymous = await app.inject({ url });
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toMatch(/^\/entrar\?siguiente=/);
    }
    const { cookies } = await signInAs(database, { roles: [{ role: 'facilitator' }] });
    for (const url of ['/admin/correo', `/admin/correo/${id}`, `/admin/correo/${id}/html`]) {
      const response = await app.inject({ url, cookies });
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('Texto del aviso');
    }
  });

  it('pages through the list and brings a page past the end back to the last one', async () => {
    const database = await createTestDatabase();
    for (let i = 0; i < 5; i++) await queueEmail(database.db, notice(`p${i}@example.mx`, `Aviso ${i}`));
    const first = await listEmails(database.db, { pageSize: 2 });
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(first.rows.map((row) => row.toAddress)).toHaveLength(2);
    const last = await listEmails(database.db, { pageSize: 2, page: 9 });
    expect(last.page).toBe(3);
    expect(last.rows).toHaveLength(1);
    expect((await listEmails(database.db, { status: 'sent' })).total).toBe(0);
  });

  it('shows each late try, raises the alarm past an hour, and lets an admin queue the failed ones again', async () => {
    const { app, database } = await outboxApp({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    const waiting = await queueEmail(database.db, notice('ana@example.mx', 'Aviso en espera'));
    await database.db
      .update(emails)
      .set({
        createdAt: new Date(TEST_NOW.getTime() - 2 * 3600 * 1000),
        nextAttemptAt: new Date(TEST_NOW.getTime() + 10 * 60 * 1000),
        attempts: 7,
        lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
      })
      .where(eq(emails.id, waiting.id));
    const failed = await queueEmail(database.db, notice('luis@example.mx', 'Aviso fallido'));
    await database.db.update(emails).set({ status: 'failed', attempts: 6 }).where(eq(emails.id, failed.id));
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });

    const page = await app.inject({ url: '/admin/correo', cookies: admin.cookies });
    expect(page.body).toContain('Próximo intento:');
    expect(page.body).toContain('Hay correos sin enviar desde hace más de una hora');
    expect(page.body).toContain('durante 48 horas');
    expect(page.body).toContain('Volver a intentar los 1 correos que no se pudieron enviar');
    const english = await app.inject({
      url: '/admin/correo',
      cookies: admin.cookies,
      headers: { 'accept-language': 'en' },
    });
    expect(english.body).toContain('Some e-mails have been waiting for more than an hour');

    const url = '/admin/correo/reintentar-fallidos';
    const forged = await app.inject({ method: 'POST', url, cookies: admin.cookies, ...asForm({ _csrf: 'forged' }) });
    expect(forged.statusCode).toBe(403);
    const facilitator = await signInAs(database, { roles: [{ role: 'facilitator' }] });
    const other = await app.inject({
      method: 'POST',
      url,
      cookies: facilitator.cookies,
      ...asForm({ _csrf: facilitator.csrf }),
    });
    expect(other.statusCode).toBe(403);
    expect((await database.db.select().from(emails).where(eq(emails.id, failed.id)))[0]!.status).toBe('failed');

    const retried = await app.inject({ method: 'POST', url, cookies: admin.cookies, ...asForm({ _csrf: admin.csrf }) });
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe('/admin/correo?reintentados=1');
    const [row] = await database.db.select().from(emails).where(eq(emails.id, failed.id));
    expect(row).toMatchObject({ status: 'queued', retryUntil: null });
    expect(row!.nextAttemptAt).not.toBeNull();
    const after = await app.inject({ url: retried.headers.location as string, cookies: admin.cookies });
    expect(after.body).toContain('Se volverán a intentar 1 correos en el próximo minuto.');
    expect(after.body).not.toContain('Volver a intentar los');
  });
});
