import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { count, eq, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import type { Database } from '../../db/client.js';
import { institutions } from '../directory/schema.js';
import { activities, evidence } from '../plan/schema.js';
import { storedFiles } from './schema.js';

/*
 * Issue 12, item 8: an upload is read only after the route's access check, the form's token and the route's own
 * check (who may add to this record). A refused upload is answered before its file is read: the test counts the
 * bytes the portal pulled from the body.
 */

const BOUNDARY = '----cocrea-upload';
const MB = 1024 * 1024;

/**
 * A multipart body streamed on demand: the fields, then a file of `fileBytes` bytes. `pulled()` says how many bytes
 * the reader asked for so far.
 */
function streamedForm(fields: Record<string, string>, file: { field: string; bytes: number; head?: Buffer }) {
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${file.field}"; filename="informe.pdf"\r\n` +
      'content-type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const fileHead = file.head ?? Buffer.from('%PDF-1.4\n');
  let sent = 0;
  const total = head.length + file.bytes + tail.length;
  const chunk = 64 * 1024;
  const stream = new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const parts: Buffer[] = [];
      if (sent === 0) parts.push(head, fileHead);
      const fileSent = Math.max(0, sent - head.length) + (sent === 0 ? fileHead.length : 0);
      const size = Math.min(chunk, file.bytes - fileSent);
      if (size > 0) parts.push(Buffer.alloc(size, 0x20));
      if (fileSent + Math.max(size, 0) >= file.bytes) parts.push(tail);
      const buffer = Buffer.concat(parts);
      sent += buffer.length;
      this.push(buffer);
    },
  });
  return {
    stream,
    total,
    pulled: () => sent,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(total) },
  };
}

async function setUp() {
  const { app, database } = await createTestApp();
  const [work] = await database.db
    .select({ id: activities.id, institutionId: activities.responsibleInstitutionId })
    .from(activities)
    .where(eq(activities.status, 'in_progress'))
    .limit(1);
  const [elsewhere] = await database.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(ne(institutions.id, work!.institutionId))
    .limit(1);
  return { app, database, activityId: work!.id, institutionId: work!.institutionId, otherInstitution: elsewhere!.id };
}

const fileCount = async (database: Database) =>
  (await database.db.select({ n: count() }).from(storedFiles))[0]!.n +
  (await database.db.select({ n: count() }).from(evidence))[0]!.n;

const upload = (
  app: FastifyInstance,
  url: string,
  session: { cookies: Record<string, string> } | undefined,
  form: ReturnType<typeof streamedForm>,
) => app.inject({ method: 'POST', url, cookies: session?.cookies, headers: form.headers, payload: form.stream });

describe('uploads are read only after every check', () => {
  it('refuses a 20 MB upload from a liaison of another institution with 403, reading almost none of it', async () => {
    const { app, database, activityId, otherInstitution } = await setUp();
    const before = await fileCount(database);
    const liaison = await signInAs(database, { roles: [{ role: 'liaison', institutionId: otherInstitution }] });
    const form = streamedForm(
      { _csrf: liaison.csrf, description: 'Evidencia ajena' },
      { field: 'file', bytes: 20 * MB },
    );
    const response = await upload(app, `/actividades/${activityId}/evidencias`, liaison, form);
    expect(response.statusCode).toBe(403);
    expect(response.headers.connection).toBe('close');
    expect(form.pulled()).toBeLessThan(2 * MB);
    expect(await fileCount(database)).toBe(before);
  });

  it('refuses it from the wrong role, and without the form token, before reading the file', async () => {
    const { app, database, activityId, institutionId } = await setUp();
    const before = await fileCount(database);
    const participant = await signInAs(database);
    const wrongRole = streamedForm({ _csrf: participant.csrf, description: 'x' }, { field: 'file', bytes: 20 * MB });
    expect((await upload(app, `/actividades/${activityId}/evidencias`, participant, wrongRole)).statusCode).toBe(403);
    // The route's access is checked before the body is touched at all.
    expect(wrongRole.pulled()).toBeLessThan(2 * MB);

    const liaison = await signInAs(database, { roles: [{ role: 'liaison', institutionId }] });
    const noToken = streamedForm(
      { _csrf: 'x'.repeat(43), description: 'Sin token' },
      { field: 'file', bytes: 20 * MB },
    );
    const refused = await upload(app, `/actividades/${activityId}/evidencias`, liaison, noToken);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('El formulario caducó');
    expect(noToken.pulled()).toBeLessThan(2 * MB);

    // Signed out: sent to sign in, the body unread.
    const anonymous = streamedForm({ description: 'x' }, { field: 'file', bytes: 20 * MB });
    const signedOut = await upload(app, `/actividades/${activityId}/evidencias`, undefined, anonymous);
    expect(signedOut.statusCode).toBe(303);
    expect(anonymous.pulled()).toBeLessThan(2 * MB);
    expect(await fileCount(database)).toBe(before);
  });

  it('refuses a file sent to a form that takes none, before reading it', async () => {
    const { app, database } = await setUp();
    const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
    const form = streamedForm(
      { _csrf: admin.csrf, name: 'Institución con archivo', kind: 'collective' },
      { field: 'logo', bytes: 20 * MB },
    );
    const response = await upload(app, '/admin/instituciones', admin, form);
    expect(response.statusCode).toBe(400);
    expect(form.pulled()).toBeLessThan(2 * MB);
  });

  it('stores an upload the checks allow, and says "too large" in the form for one over 10 MB', async () => {
    const { app, database, activityId, institutionId } = await setUp();
    const liaison = await signInAs(database, { roles: [{ role: 'liaison', institutionId }] });
    const before = await fileCount(database);
    const small = streamedForm({ _csrf: liaison.csrf, description: 'Informe firmado' }, { field: 'file', bytes: 4096 });
    const stored = await upload(app, `/actividades/${activityId}/evidencias`, liaison, small);
    expect(stored.statusCode).toBe(303);
    expect(await fileCount(database)).toBe(before + 2);
    const large = streamedForm(
      { _csrf: liaison.csrf, description: 'Informe enorme' },
      { field: 'file', bytes: 12 * MB },
    );
    const tooLarge = await upload(app, `/actividades/${activityId}/evidencias`, liaison, large);
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.body).toContain('10 MB');
    // The counter counts: an allowed upload is read to its end.
    expect(large.pulled()).toBe(large.total);
    expect(await fileCount(database)).toBe(before + 2);
  });

  it('every upload form of the views sends its form token before its files (the token is checked at the first file)', () => {
    const forms: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.tsx') && !entry.name.includes('.test.'))
          for (const [form] of readFileSync(path, 'utf8').matchAll(/<form\b[^>]*multipart\/form-data[\s\S]*?<\/form>/g))
            forms.push(form);
      }
    };
    walk(join(import.meta.dirname, '..'));
    expect(forms.length).toBeGreaterThanOrEqual(3);
    for (const form of forms) {
      const token = form.indexOf('<CsrfField');
      const file = form.search(/<FileField|type="file"/);
      expect(token, form.slice(0, 120)).toBeGreaterThan(-1);
      expect(file === -1 || token < file, form.slice(0, 120)).toBe(true);
    }
  });
});
