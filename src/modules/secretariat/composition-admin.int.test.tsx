import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { duplicateIds } from '../../testing/html.js';
import { multipart } from '../../testing/multipart.js';
import { changeLog } from '../audit/schema.js';
import { exercises } from '../exercises/schema.js';
import {
  documents,
  secretariatAttendance,
  secretariatMemberships,
  secretariats,
  secretariatSeats,
  secretariatSessions,
} from './schema.js';

/** The demo's third exercise has an installed Secretariat whose seats already took part in sessions. */
const PUBLIC = '/ejercicios/tercer-pal-2020-2021/secretariado';

async function setUp() {
  const { app, database } = await createTestApp();
  const db = database.db;
  const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
  const [row] = await db
    .select({ id: secretariats.id })
    .from(secretariats)
    .innerJoin(exercises, eq(exercises.id, secretariats.exerciseId))
    .where(eq(exercises.slug, 'tercer-pal-2020-2021'));
  const secretariatId = row!.id;
  const get = (url: string) => app.inject({ url, cookies: admin.cookies });
  const post = (url: string, fields: Record<string, string>) =>
    app.inject({ method: 'POST', url, cookies: admin.cookies, payload: { _csrf: admin.csrf, ...fields } });
  const upload = (url: string, body: ReturnType<typeof multipart>) =>
    app.inject({ method: 'POST', url, cookies: admin.cookies, ...body });
  const entriesOf = (recordType: string, recordId: string) =>
    db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, recordType), eq(changeLog.recordId, recordId)))
      .orderBy(changeLog.seq);
  return { app, db, admin, secretariatId, get, post, upload, entriesOf };
}

describe('the Secretariat after installation: seats, members, sessions and documents in the portal', () => {
  it('deletes a seat only after a confirmation page that names the members it takes, and keeps it in the public history', async () => {
    const { db, admin, secretariatId, get, post, entriesOf, app } = await setUp();
    const added = await post(`/admin/secretariado/${secretariatId}/lugares`, {
      kind: 'civil_society',
      label: 'Colectivo de prueba por el agua',
    });
    expect(added.statusCode).toBe(303);
    const [seat] = await db
      .select()
      .from(secretariatSeats)
      .where(eq(secretariatSeats.label, 'Colectivo de prueba por el agua'));
    const member = await post(`/admin/secretariado/${secretariatId}/integrantes`, {
      seatId: seat!.id,
      role: 'titular',
      displayName: 'Rosa Elena Quiñones',
      startsOn: '2021-06-01',
    });
    expect(member.statusCode).toBe(303);

    // The admin page links the seat's own page; its delete link leads to a confirmation, never to a deletion.
    const adminPage = await get(`/admin/secretariado/${secretariatId}`);
    expect(adminPage.body).toContain(`href="/admin/secretariado/lugares/${seat!.id}"`);
    const seatPage = await get(`/admin/secretariado/lugares/${seat!.id}`);
    expect(seatPage.body).toContain(`href="/admin/secretariado/lugares/${seat!.id}/borrar"`);
    const confirm = await get(`/admin/secretariado/lugares/${seat!.id}/borrar`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Borrar el lugar «Colectivo de prueba por el agua»');
    expect(confirm.body).toContain('Integrantes que se borran con él (1):');
    expect(confirm.body).toContain('Rosa Elena Quiñones');
    expect(confirm.body).toContain(`<form method="post" action="/admin/secretariado/lugares/${seat!.id}/borrar"`);
    expect(await db.select().from(secretariatSeats).where(eq(secretariatSeats.id, seat!.id))).toHaveLength(1);

    // Without the form's token nothing happens.
    const forged = await app.inject({
      method: 'POST',
      url: `/admin/secretariado/lugares/${seat!.id}/borrar`,
      cookies: admin.cookies,
      payload: {},
    });
    expect(forged.statusCode).toBe(403);
    const done = await post(`/admin/secretariado/lugares/${seat!.id}/borrar`, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/admin/secretariado/${secretariatId}?aviso=lugar-borrado`);
    expect(await db.select().from(secretariatSeats).where(eq(secretariatSeats.id, seat!.id))).toHaveLength(0);
    expect(
      await db.select().from(secretariatMemberships).where(eq(secretariatMemberships.seatId, seat!.id)),
    ).toHaveLength(0);
    expect((await entriesOf('secretariat_seat', seat!.id)).map((e) => e.action)).toEqual(['create', 'delete']);

    // The public page no longer lists it; its history says it was deleted, by name.
    const page = await app.inject({ url: PUBLIC });
    expect(page.body).not.toContain('Rosa Elena Quiñones</strong>');
    const history = await app.inject({ url: `${PUBLIC}/historial` });
    expect(history.body).toContain('Lugar en el Secretariado «Colectivo de prueba por el agua» · Eliminación');
    expect(history.body).toContain('Integrante del Secretariado «Rosa Elena Quiñones» · Eliminación');
  }, 120_000);

  it('refuses to delete a seat that took part in sessions, and says to end its terms instead', async () => {
    const { db, get, post } = await setUp();
    const [attended] = await db.select({ seatId: secretariatAttendance.seatId }).from(secretariatAttendance).limit(1);
    const page = await get(`/admin/secretariado/lugares/${attended!.seatId}`);
    expect(page.body).toContain('Este lugar no se puede borrar');
    expect(page.body).not.toContain('/borrar"');
    const confirm = await get(`/admin/secretariado/lugares/${attended!.seatId}/borrar`);
    expect(confirm.statusCode).toBe(409);
    const refused = await post(`/admin/secretariado/lugares/${attended!.seatId}/borrar`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('termina el periodo de sus integrantes');
    expect(await db.select().from(secretariatSeats).where(eq(secretariatSeats.id, attended!.seatId))).toHaveLength(1);
  }, 120_000);

  it('ends a member’s term and renames a seat, each change in the public history', async () => {
    const { db, get, post, entriesOf, app } = await setUp();
    const [membership] = await db
      .select()
      .from(secretariatMemberships)
      .where(eq(secretariatMemberships.role, 'titular'))
      .limit(1);
    const form = await get(`/admin/secretariado/integrantes/${membership!.id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`value="${membership!.displayName}"`);
    const ended = await post(`/admin/secretariado/integrantes/${membership!.id}`, {
      role: membership!.role,
      displayName: membership!.displayName,
      organization: membership!.organization ?? '',
      bio: membership!.bio ?? '',
      email: membership!.email ?? '',
      startsOn: membership!.startsOn,
      endsOn: '2021-10-31',
    });
    expect(ended.statusCode).toBe(303);
    const [after] = await db.select().from(secretariatMemberships).where(eq(secretariatMemberships.id, membership!.id));
    expect(after!.endsOn).toBe('2021-10-31');
    const [entry] = (await entriesOf('secretariat_membership', membership!.id)).slice(-1);
    expect(entry!.action).toBe('update');
    expect((entry!.after as { endsOn: string }).endsOn).toBe('2021-10-31');
    expect(JSON.stringify(entry!.after)).not.toContain('@');
    const history = await app.inject({ url: `${PUBLIC}/historial` });
    expect(history.body).toMatch(
      /Fin del periodo<\/th><td[^>]*><span class="hint">Sin valor<\/span><\/td><td[^>]*><time datetime="2021-10-31">31 de octubre de 2021/,
    );

    const renamed = await post(`/admin/secretariado/lugares/${membership!.seatId}`, {
      label: 'Mesa ciudadana renombrada',
    });
    expect(renamed.statusCode).toBe(303);
    expect((await entriesOf('secretariat_seat', membership!.seatId)).at(-1)!.action).toBe('update');
    // An end date before the start is refused on the form.
    const wrong = await post(`/admin/secretariado/integrantes/${membership!.id}`, {
      role: membership!.role,
      displayName: membership!.displayName,
      startsOn: membership!.startsOn,
      endsOn: '2000-01-01',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('id="endsOn-error"');
  }, 120_000);

  it('adds, replaces and removes (after a confirmation page) a document, each change in the public history', async () => {
    const { db, admin, secretariatId, get, post, upload, entriesOf, app } = await setUp();
    const added = await upload(
      `/admin/secretariado/${secretariatId}/documentos`,
      multipart({
        _csrf: admin.csrf,
        kind: 'minutes',
        title: 'Minutas firmadas del primer semestre',
        issuedOn: '2021-06-30',
        url: 'https://example.org/minutas-2021.pdf',
      }),
    );
    expect(added.statusCode).toBe(303);
    const [doc] = await db.select().from(documents).where(eq(documents.title, 'Minutas firmadas del primer semestre'));
    expect((await app.inject({ url: PUBLIC })).body).toContain('Minutas firmadas del primer semestre');

    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n% reemplazo\n'), Buffer.alloc(2048, 0x20)]);
    const replaced = await upload(
      `/admin/secretariado/documentos/${doc!.id}`,
      multipart(
        {
          _csrf: admin.csrf,
          kind: 'minutes',
          title: 'Minutas firmadas del primer semestre',
          issuedOn: '2021-06-30',
          url: '',
        },
        [{ name: 'file', filename: 'minutas.pdf', type: 'application/pdf', content: pdf }],
      ),
    );
    expect(replaced.statusCode).toBe(303);
    const [after] = await db.select().from(documents).where(eq(documents.id, doc!.id));
    expect(after!.url).toBeNull();
    expect(after!.fileId).not.toBeNull();
    const update = (await entriesOf('document', doc!.id)).at(-1)!;
    expect(update.action).toBe('update');
    expect((update.after as { file: { type: string } }).file.type).toBe('application/pdf');

    const confirm = await get(`/admin/secretariado/documentos/${doc!.id}/borrar`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Quitar el documento «Minutas firmadas del primer semestre»');
    expect(confirm.body).toContain('minutas.pdf');
    expect(await db.select().from(documents).where(eq(documents.id, doc!.id))).toHaveLength(1);
    const removed = await post(`/admin/secretariado/documentos/${doc!.id}/borrar`, {});
    expect(removed.statusCode).toBe(303);
    expect(await db.select().from(documents).where(eq(documents.id, doc!.id))).toHaveLength(0);
    expect((await entriesOf('document', doc!.id)).map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect((await app.inject({ url: PUBLIC })).body).not.toContain('Minutas firmadas del primer semestre</a>');
    const history = await app.inject({ url: `${PUBLIC}/historial` });
    expect(history.body).toContain('Documento «Minutas firmadas del primer semestre» · Eliminación');
  }, 120_000);

  it('gives every control of the admin page its own id, so each label and error link reaches its field', async () => {
    const { admin, secretariatId, get, upload } = await setUp();
    const page = await get(`/admin/secretariado/${secretariatId}`);
    expect(page.statusCode).toBe(200);
    expect(duplicateIds(page.body)).toEqual([]);
    // The seat's kind and the document's kind are two questions, each with its own label.
    expect(page.body).toContain('<label class="field__label" for="documentKind">Tipo de documento</label>');
    expect(page.body).toMatch(/<select[^>]*id="documentKind"[^>]*name="kind"/);
    expect(page.body).toMatch(/<input[^>]*type="radio"[^>]*id="kind"[^>]*name="kind"/);

    // A refused document links each message to the document's own fields, and the page still has unique ids.
    const refused = await upload(
      `/admin/secretariado/${secretariatId}/documentos`,
      multipart({ _csrf: admin.csrf, kind: 'minutes', title: 'x', issuedOn: '', url: '' }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      '<a href="#documentTitle">Escribe el título del documento (al menos 3 caracteres).</a>',
    );
    expect(refused.body).toContain('<a href="#documentFile">Elige un archivo o escribe un enlace.</a>');
    expect(refused.body).toContain('id="documentTitle-error"');
    expect(duplicateIds(refused.body)).toEqual([]);
    // A file of a refused type, worded by the route, links the document's file field too.
    const wrongType = await upload(
      `/admin/secretariado/${secretariatId}/documentos`,
      multipart({ _csrf: admin.csrf, kind: 'minutes', title: 'Minutas en un formato raro', issuedOn: '', url: '' }, [
        { name: 'file', filename: 'minutas.exe', type: 'application/octet-stream', content: Buffer.from('MZ\x90\x00') },
      ]),
    );
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toMatch(/<a href="#documentFile">[^<]+<\/a>/);
  }, 120_000);

  it('moves a scheduled session to another date and place, in its public history', async () => {
    const { db, secretariatId, get, post, app } = await setUp();
    const scheduled = await post(`/admin/secretariado/${secretariatId}/sesiones`, {
      kind: 'extraordinary',
      startsDate: '2021-09-10',
      startsTime: '17:00',
      place: 'Sala de cabildo de Lerdo',
      onlineUrl: '',
      agenda: 'Seguimiento',
    });
    expect(scheduled.statusCode).toBe(303);
    const id = String(scheduled.headers.location).split('/')[4]!.split('?')[0]!;
    expect((await get(`/admin/secretariado/sesiones/${id}`)).body).toContain('value="Sala de cabildo de Lerdo"');
    const moved = await post(`/admin/secretariado/sesiones/${id}/reprogramar`, {
      startsDate: '2021-09-17',
      startsTime: '18:30',
      place: 'Auditorio municipal de Lerdo',
      onlineUrl: '',
    });
    expect(moved.statusCode).toBe(303);
    const [session] = await db.select().from(secretariatSessions).where(eq(secretariatSessions.id, id));
    expect(session!.place).toBe('Auditorio municipal de Lerdo');
    expect(session!.startsAt.toISOString()).toBe('2021-09-17T23:30:00.000Z');
    const publicPage = await app.inject({ url: `${PUBLIC}/sesiones/extraordinaria-1` });
    expect(publicPage.body).toContain('Auditorio municipal de Lerdo');
    expect(publicPage.body).toMatch(
      /Lugar<\/th><td[^>]*>Sala de cabildo de Lerdo<\/td><td[^>]*>Auditorio municipal de Lerdo/,
    );
  }, 120_000);
});
