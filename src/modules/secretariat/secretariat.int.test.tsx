import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { changeLog } from '../audit/schema.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { calls } from '../calls/schema.js';
import { emails } from '../notifications/schema.js';
import { privacyNotices } from '../privacy/schema.js';
import { registrations } from '../registrations/schema.js';
import { agreements, documents, secretariatMemberships, secretariats, secretariatSessions } from './schema.js';

interface TestFile {
  name: string;
  filename: string;
  type: string;
  content: Buffer;
}

/** A multipart/form-data body as a browser sends it: the fields, then each file field. */
function multipart(fields: Record<string, string>, files: TestFile[] = []) {
  const boundary = '----cocrea-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A PDF of exactly 240 KB (the store recognises PDFs by their first bytes). */
const pdf = (marker: string) =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n% ${marker}\n`), Buffer.alloc(240 * 1024 - 12 - marker.length, 0x20)]);
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** The demo's fourth exercise has no Secretariat: the tests install one. */
const SLUG = 'cuarto-pal-demostracion';

async function setUp() {
  const { app, database } = await createTestApp();
  const admin = await signInAs(database, { roles: [{ role: 'admin' }] });
  const [exercise] = await database.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, SLUG));
  const byName = async (name: string) =>
    (await database.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.name, name)))[0]!.id;
  const as = (who: { cookies: Record<string, string>; csrf: string }) => ({
    get: (url: string) => app.inject({ url, cookies: who.cookies }),
    post: (url: string, fields: Record<string, string>) =>
      app.inject({ method: 'POST', url, cookies: who.cookies, payload: { _csrf: who.csrf, ...fields } }),
  });
  return { app, database, admin, exerciseId: exercise!.id, byName, as };
}

const idFrom = (location: unknown, prefix: string) => {
  const text = String(location);
  expect(text.startsWith(prefix)).toBe(true);
  return text.slice(prefix.length, prefix.length + 36);
};

/**
 * Installs a Secretariat with 2 civil-society seats, 1 authority, the guarantor and a facilitator, each with a titular.
 */
async function installComposition(context: Awaited<ReturnType<typeof setUp>>, memberUserEmail?: string) {
  const { post, get } = context.as(context.admin);
  const installed = await post('/admin/secretariado', {
    exerciseId: context.exerciseId,
    installedOn: '2026-11-20',
    quorumRule: 'more_than_half',
    installationActUrl: 'https://example.org/acta.pdf',
    operatingRulesUrl: 'https://example.org/reglas.pdf',
  });
  expect(installed.statusCode).toBe(303);
  const id = idFrom(installed.headers.location, '/admin/secretariado/');
  const seat = async (fields: Record<string, string>) => {
    const response = await post(`/admin/secretariado/${id}/lugares`, fields);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
  };
  await seat({ kind: 'civil_society', label: 'Red Ciudadana de Prueba' });
  await seat({ kind: 'civil_society', label: 'Colectivo de Prueba' });
  await seat({ kind: 'authority', institutionId: await context.byName('Ayuntamiento de Gómez Palacio') });
  await seat({
    kind: 'guarantor',
    institutionId: await context.byName('Órgano Garante Local (institución de demostración)'),
  });
  await seat({ kind: 'facilitator', label: 'Facilitación' });
  const page = await get(`/admin/secretariado/${id}`);
  const seatIds = [
    ...page.body.matchAll(
      /<option value="([0-9a-f-]{36})"[^>]*>[^<]*\((Sociedad civil|Autoridades participantes|Órgano garante|Facilitación)/g,
    ),
  ].map((m) => m[1]!);
  expect(seatIds).toHaveLength(5);
  const people = ['Ana Civil', 'Beto Civil', 'Carla Municipal', 'Diana Garante', 'Fer Facilita'];
  for (const [i, seatId] of seatIds.entries()) {
    const email = i === 0 && memberUserEmail ? memberUserEmail : `persona${i}@example.mx`;
    const response = await post(`/admin/secretariado/${id}/integrantes`, {
      seatId,
      role: 'titular',
      displayName: people[i]!,
      email,
      startsOn: '2026-11-20',
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
  }
  return { id, seatIds };
}

async function scheduleAndConvene(context: Awaited<ReturnType<typeof setUp>>, secretariatId: string) {
  const { post } = context.as(context.admin);
  const scheduled = await post(`/admin/secretariado/${secretariatId}/sesiones`, {
    kind: 'ordinary',
    startsDate: '2026-11-26',
    startsTime: '11:00',
    place: 'Sala de juntas',
    onlineUrl: '',
    agenda: 'Lista y quórum\nPlan de trabajo',
  });
  expect(scheduled.statusCode, scheduled.body.slice(0, 500)).toBe(303);
  const sessionId = idFrom(scheduled.headers.location, '/admin/secretariado/sesiones/');
  const convened = await post(`/admin/secretariado/sesiones/${sessionId}/convocar`, {});
  expect(convened.statusCode).toBe(303);
  return sessionId;
}

describe('the Technical Secretariat', () => {
  it('enforces the composition: a second guarantor seat or a second seat for one authority is refused with a clear message', async () => {
    const context = await setUp();
    const { id } = await installComposition(context);
    const { post } = context.as(context.admin);
    const second = await post(`/admin/secretariado/${id}/lugares`, {
      kind: 'guarantor',
      institutionId: await context.byName(
        'Instituto Duranguense de Acceso a la Información Pública y de Protección de Datos Personales',
      ),
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Ya hay un lugar del órgano garante: el Secretariado tiene exactamente uno.');
    const twice = await post(`/admin/secretariado/${id}/lugares`, {
      kind: 'authority',
      institutionId: await context.byName('Ayuntamiento de Gómez Palacio'),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Esa autoridad ya tiene su lugar');
    const missing = await post(`/admin/secretariado/${id}/lugares`, { kind: '', label: 'Algo' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Elige el tipo.');
    expect(missing.body).toContain('value="Algo"');
    const again = await post('/admin/secretariado', {
      exerciseId: context.exerciseId,
      installedOn: '2026-11-21',
      quorumRule: 'more_than_half',
      installationActUrl: 'https://example.org/otra-acta.pdf',
      operatingRulesUrl: 'https://example.org/otras-reglas.pdf',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Ese ejercicio ya tiene su Secretariado instalado.');
  });

  it('convenes a session by e-mail with its .ics, computes quorum, records a voted agreement, and publishes minutes once approved', async () => {
    const context = await setUp();
    const memberEmail = 'ana.civil@example.mx';
    const { id, seatIds } = await installComposition(context, memberEmail);
    const sessionId = await scheduleAndConvene(context, id);

    const sent = await context.database.db.select().from(emails).where(eq(emails.template, 'session_notice'));
    expect(sent.map((e) => e.toAddress).sort()).toEqual([
      memberEmail,
      'persona1@example.mx',
      'persona2@example.mx',
      'persona3@example.mx',
      'persona4@example.mx',
    ]);
    expect(sent[0]!.subject).toContain('Sesión ordinaria 1');
    expect(sent[0]!.attachments?.[0]?.content).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(sent[0]!.attachments?.[0]?.content).toContain(`UID:${sessionId}@`);

    const { post, get } = context.as(context.admin);
    // 2 of 4 voting seats is not more than half: no quorum, no agreements.
    const half = await post(`/admin/secretariado/sesiones/${sessionId}/asistencia`, {
      [`seat-${seatIds[0]}`]: 'titular_present',
      [`seat-${seatIds[1]}`]: 'alternate_present',
      [`seat-${seatIds[2]}`]: 'absent',
      [`seat-${seatIds[3]}`]: 'absent',
      [`seat-${seatIds[4]}`]: 'titular_present',
    });
    expect(half.statusCode).toBe(303);
    expect((await get(`/admin/secretariado/sesiones/${sessionId}`)).body).toContain(
      'No hubo quórum: asistieron 2 de 4 lugares con voto y se necesitaban 3.',
    );
    const refused = await post(`/admin/secretariado/sesiones/${sessionId}/acuerdos`, {
      text: 'Un acuerdo sin quórum',
      decisionMethod: 'consensus',
      responsible: 'Nadie',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Sin quórum no se pueden tomar acuerdos.');

    const incomplete = await post(`/admin/secretariado/sesiones/${sessionId}/asistencia`, {
      [`seat-${seatIds[0]}`]: 'titular_present',
    });
    expect(incomplete.statusCode).toBe(400);

    const quorum = await post(`/admin/secretariado/sesiones/${sessionId}/asistencia`, {
      [`seat-${seatIds[0]}`]: 'titular_present',
      [`seat-${seatIds[1]}`]: 'alternate_present',
      [`seat-${seatIds[2]}`]: 'titular_present',
      [`seat-${seatIds[3]}`]: 'absent',
      [`seat-${seatIds[4]}`]: 'titular_present',
    });
    expect(quorum.statusCode).toBe(303);

    const voted = await post(`/admin/secretariado/sesiones/${sessionId}/acuerdos`, {
      text: 'Se aprueba el plan de trabajo del Secretariado.',
      decisionMethod: 'vote',
      [`vote-${seatIds[0]}`]: 'for',
      [`vote-${seatIds[1]}`]: 'for',
      [`vote-${seatIds[2]}`]: 'abstain',
      responsible: 'Facilitación',
      dueOn: '2026-11-30',
      link: `exercise:${context.exerciseId}`,
    });
    expect(voted.statusCode, voted.body.slice(0, 500)).toBe(303);
    const tie = await post(`/admin/secretariado/sesiones/${sessionId}/acuerdos`, {
      text: 'Se propone cambiar la sede de las sesiones.',
      decisionMethod: 'vote',
      [`vote-${seatIds[0]}`]: 'for',
      [`vote-${seatIds[1]}`]: 'against',
      responsible: 'Facilitación',
    });
    expect(tie.statusCode).toBe(303);
    const facilitatorVote = await post(`/admin/secretariado/sesiones/${sessionId}/acuerdos`, {
      text: 'La facilitación no vota.',
      decisionMethod: 'vote',
      [`vote-${seatIds[4]}`]: 'for',
      responsible: 'Nadie',
    });
    expect(facilitatorVote.statusCode).toBe(409);
    const rows = await context.database.db.select().from(agreements).orderBy(agreements.number);
    const mine = rows.filter((a) => a.code.startsWith('STL-2026-ORD-01-'));
    expect(mine.map((a) => [a.code, a.outcome, a.votesFor, a.votesAgainst, a.votesAbstain])).toEqual([
      ['STL-2026-ORD-01-01', 'approved', 2, 0, 1],
      ['STL-2026-ORD-01-02', 'tied', 1, 1, 0],
    ]);

    // Draft minutes: members (signed in) and runners read them; the public does not, not even in the change log.
    const draft = 'El Secretariado revisó su plan de trabajo.';
    expect(
      (
        await post(`/admin/secretariado/sesiones/${sessionId}/minuta`, {
          minutesText: draft,
          minutesUrl: '',
          recordingUrl: 'https://example.org/grabacion',
        })
      ).statusCode,
    ).toBe(303);
    const publicPath = `/ejercicios/${SLUG}/secretariado/sesiones/ordinaria-1`;
    const anonymous = await context.app.inject({ url: publicPath });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('Hubo quórum: asistieron 3 de 4 lugares con voto');
    expect(anonymous.body).not.toContain(draft);
    const member = await signInAs(context.database, { email: memberEmail });
    const memberView = await context.as(member).get(publicPath);
    expect(memberView.body).toContain(draft);
    expect(memberView.body).toContain('Borrador de minuta');
    const stranger = await signInAs(context.database, {});
    expect((await context.as(stranger).get(publicPath)).body).not.toContain(draft);
    const logged = await context.database.db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'secretariat_session'), eq(changeLog.recordId, sessionId)));
    expect(JSON.stringify(logged)).not.toContain(draft);

    expect((await post(`/admin/secretariado/sesiones/${sessionId}/aprobar-minuta`, {})).statusCode).toBe(303);
    const published = await context.app.inject({ url: publicPath });
    expect(published.body).toContain(draft);
    expect(published.body).toContain('Minuta aprobada');
    expect(published.body).toContain('STL-2026-ORD-01-01');
    expect(published.body).toContain('Historial de cambios');
    const [session] = await context.database.db
      .select()
      .from(secretariatSessions)
      .where(eq(secretariatSessions.id, sessionId));
    expect(session!.status).toBe('minutes_approved');

    // Public pages: roster (no e-mails), agreements with filters, one agreement, the calendar feed, in English too.
    const body = (await context.app.inject({ url: `/ejercicios/${SLUG}/secretariado` })).body;
    expect(body).toContain('Ana Civil');
    expect(body).toContain('Fer Facilita');
    expect(body).not.toContain(memberEmail);
    const tied = await context.app.inject({ url: `/ejercicios/${SLUG}/secretariado/acuerdos/STL-2026-ORD-01-02` });
    expect(tied.body).toContain('No aprobado: la votación quedó empatada.');
    const english = await context.app.inject({
      url: `/ejercicios/${SLUG}/secretariado/acuerdos/STL-2026-ORD-01-01?lang=en`,
    });
    expect(english.body).toContain('By vote: 2 for, 0 against, 1 abstentions.');
    const filtered = await context.app.inject({
      url: `/ejercicios/${SLUG}/secretariado/acuerdos?estado=pending&responsable=facilita`,
    });
    expect(filtered.body).toContain('STL-2026-ORD-01-01');
    const none = await context.app.inject({ url: `/ejercicios/${SLUG}/secretariado/acuerdos?estado=fulfilled` });
    expect(none.body).not.toContain('STL-2026-ORD-01-01');
    const feed = await context.app.inject({ url: `/ejercicios/${SLUG}/secretariado/sesiones.ics` });
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('SUMMARY:Sesión ordinaria 1');
    expect(feed.body).toContain(`UID:${sessionId}@`);

    // Follow-up: pending -> fulfilled with a note; a tied agreement has no follow-up.
    const [first] = mine;
    expect(
      (await post(`/admin/secretariado/acuerdos/${first!.id}/seguimiento`, { status: 'fulfilled', note: '' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await post(`/admin/secretariado/acuerdos/${first!.id}/seguimiento`, {
          status: 'fulfilled',
          note: 'Plan publicado.',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await post(`/admin/secretariado/acuerdos/${first!.id}/seguimiento`, {
          status: 'in_progress',
          note: 'Otra vez.',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await post(`/admin/secretariado/acuerdos/${mine[1]!.id}/seguimiento`, { status: 'in_progress', note: 'Nada.' }))
        .statusCode,
    ).toBe(409);
    const after = await context.app.inject({ url: `/ejercicios/${SLUG}/secretariado/acuerdos/STL-2026-ORD-01-01` });
    expect(after.body).toContain('Plan publicado.');
  });

  it('lets the facilitator run sessions but not change the composition', async () => {
    const context = await setUp();
    const { id } = await installComposition(context);
    const facilitator = await signInAs(context.database, { roles: [{ role: 'facilitator' }] });
    const { get, post } = context.as(facilitator);
    expect((await get(`/admin/secretariado/${id}`)).statusCode).toBe(200);
    expect((await post(`/admin/secretariado/${id}/lugares`, { kind: 'civil_society', label: 'Otra' })).statusCode).toBe(
      403,
    );
    const scheduled = await post(`/admin/secretariado/${id}/sesiones`, {
      kind: 'extraordinary',
      startsDate: '2026-12-01',
      startsTime: '25:00',
      place: '',
      onlineUrl: '',
      agenda: '',
    });
    expect(scheduled.statusCode).toBe(400);
    expect(scheduled.body).toContain('Escribe la hora como 17:00.');
    const ok = await post(`/admin/secretariado/${id}/sesiones`, {
      kind: 'extraordinary',
      startsDate: '2026-12-01',
      startsTime: '10:00',
      place: '',
      onlineUrl: 'https://meet.example.org/stl',
      agenda: '',
    });
    expect(ok.statusCode).toBe(303);
  });

  it('names a member from an accepted sign-up of the exercise’s call, and refuses one that is not accepted', async () => {
    const context = await setUp();
    const { id, seatIds } = await installComposition(context);
    const [call] = await context.database.db
      .select({ id: calls.id })
      .from(calls)
      .where(eq(calls.exerciseId, context.exerciseId));
    const [notice] = await context.database.db.select({ id: privacyNotices.id }).from(privacyNotices).limit(1);
    const person = (n: number, status: 'confirmed' | 'accepted') => ({
      callId: call!.id,
      reference: `SUM-2026-${String(90000 + n)}`,
      fullName: `Candidata ${n}`,
      email: `candidata${n}@example.mx`,
      municipalityCvegeo: '10005',
      sector: 'civil_society_org' as const,
      organization: `Organización ${n}`,
      motivation: 'Quiero participar.',
      acceptsHonorary: true,
      privacyNoticeId: notice!.id,
      locale: 'es-MX' as const,
      status,
    });
    const [accepted, confirmed] = await context.database.db
      .insert(registrations)
      .values([person(1, 'accepted'), person(2, 'confirmed')])
      .returning();
    const { get, post } = context.as(context.admin);
    const page = await get(`/admin/secretariado/${id}`);
    expect(page.body).toContain('Candidata 1 (Organización 1)');
    expect(page.body).not.toContain('Candidata 2');
    const named = await post(`/admin/secretariado/${id}/integrantes`, {
      seatId: seatIds[0]!,
      role: 'alternate',
      registrationId: accepted!.id,
      startsOn: '2026-11-20',
    });
    expect(named.statusCode).toBe(303);
    const [membership] = await context.database.db
      .select()
      .from(secretariatMemberships)
      .where(eq(secretariatMemberships.registrationId, accepted!.id));
    expect(membership).toMatchObject({
      displayName: 'Candidata 1',
      organization: 'Organización 1',
      email: 'candidata1@example.mx',
      role: 'alternate',
    });
    const refused = await post(`/admin/secretariado/${id}/integrantes`, {
      seatId: seatIds[1]!,
      role: 'alternate',
      registrationId: confirmed!.id,
      startsOn: '2026-11-20',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Esa inscripción no está aceptada');
    const taken = await post(`/admin/secretariado/${id}/integrantes`, {
      seatId: seatIds[0]!,
      role: 'titular',
      displayName: 'Otra persona',
      startsOn: '2026-12-01',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Ese lugar ya tiene quien lo ocupe con ese carácter en ese periodo.');
  });

  it('shows the demo Secretariat of the third exercise, with the plan-approving agreement and an overdue one', async () => {
    const { app } = await createTestApp();
    const page = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/secretariado' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Integrantes anteriores');
    const plan = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/secretariado/acuerdos/STL-2021-ORD-04-01' });
    expect(plan.statusCode).toBe(200);
    expect(plan.body).toContain('Plan de Acción Local');
    const overdue = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/secretariado/acuerdos?estado=overdue' });
    expect(overdue.body).toContain('STL-2021-ORD-01-02');
    expect(overdue.body).toContain('Vencidos: 1.');
    const exercise = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021' });
    expect(exercise.body).toContain('/ejercicios/tercer-pal-2020-2021/secretariado');
    expect((await app.inject({ url: '/ejercicios/cuarto-pal-demostracion/secretariado' })).statusCode).toBe(404);
  });
});

describe('the Secretariat’s documents and signed minutes as uploaded files', () => {
  const installFields = (context: Awaited<ReturnType<typeof setUp>>, fields: Record<string, string> = {}) => ({
    _csrf: context.admin.csrf,
    exerciseId: context.exerciseId,
    installedOn: '2026-11-20',
    quorumRule: 'more_than_half',
    installationActUrl: '',
    operatingRulesUrl: 'https://example.org/reglas.pdf',
    ...fields,
  });
  const upload = (context: Awaited<ReturnType<typeof setUp>>, url: string, body: ReturnType<typeof multipart>) =>
    context.app.inject({ method: 'POST', url, cookies: context.admin.cookies, ...body });

  it('installs a Secretariat with an uploaded installation act: the public page links the file with its type and size, and the change log proves which file it was', async () => {
    const context = await setUp();
    const act = pdf('acta de instalacion');
    const installed = await upload(
      context,
      '/admin/secretariado',
      multipart(installFields(context), [
        { name: 'installationActFile', filename: 'Acta de instalación.pdf', type: 'application/pdf', content: act },
      ]),
    );
    expect(installed.statusCode, installed.body.slice(0, 500)).toBe(303);
    const secretariatId = idFrom(installed.headers.location, '/admin/secretariado/');

    const docs = await context.database.db.select().from(documents).where(eq(documents.recordId, secretariatId));
    const actDoc = docs.find((d) => d.kind === 'installation_act')!;
    const rulesDoc = docs.find((d) => d.kind === 'operating_rules')!;
    expect(actDoc).toMatchObject({ url: null, title: 'Acta de instalación' });
    expect(actDoc.fileId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rulesDoc).toMatchObject({ url: 'https://example.org/reglas.pdf', fileId: null });

    const page = await context.app.inject({ url: `/ejercicios/${SLUG}/secretariado` });
    const href = `/archivos/${actDoc.fileId}/Acta-de-instalacion.pdf`;
    expect(page.body).toContain(`<a href="${href}">Acta de instalación</a> (PDF, 240 KB)`);
    expect(page.body).toContain('<a href="https://example.org/reglas.pdf">Reglas de operación</a>');
    expect((await context.app.inject({ url: `/ejercicios/${SLUG}/secretariado?lang=en` })).body).toContain(
      '(PDF, 240 KB)',
    );

    const download = await context.app.inject({ url: href });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(act)).toBe(true);

    const [logged] = await context.database.db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'document'), eq(changeLog.recordId, actDoc.id)));
    expect(logged!.after).toMatchObject({
      fileId: actDoc.fileId,
      url: null,
      file: { name: 'Acta-de-instalacion.pdf', type: 'application/pdf', size: act.length, sha256: sha256(act) },
    });
    expect(JSON.stringify(logged!.after)).not.toContain('acta de instalacion');
  });

  it('refuses a file that is not an accepted type, a document with both a file and a link, and one with neither, keeping what was typed', async () => {
    const context = await setUp();
    const text = await upload(
      context,
      '/admin/secretariado',
      multipart(installFields(context, { installedOn: '2026-11-23' }), [
        {
          name: 'installationActFile',
          filename: 'acta.pdf',
          type: 'application/pdf',
          content: Buffer.from('Esto es texto, no un PDF.'),
        },
      ]),
    );
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain(
      'Ese archivo no es PDF, imagen PNG, JPEG o WebP ni documento de oficina. Revisa su contenido.',
    );
    expect(text.body).toContain('id="installationActFile-error"');
    expect(text.body).toContain('value="2026-11-23"');
    expect(text.body).toContain('value="https://example.org/reglas.pdf"');
    const exe = await upload(
      context,
      '/admin/secretariado',
      multipart(installFields(context, { installationActUrl: 'https://example.org/acta.pdf', operatingRulesUrl: '' }), [
        {
          name: 'operatingRulesFile',
          filename: 'reglas.exe',
          type: 'application/octet-stream',
          content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00'),
        },
      ]),
    );
    expect(exe.statusCode).toBe(400);
    expect(exe.body).toContain('Ese archivo no es PDF');
    expect(exe.body).toContain('id="operatingRulesFile-error"');

    const both = await upload(
      context,
      '/admin/secretariado',
      multipart(installFields(context, { installationActUrl: 'https://example.org/acta.pdf' }), [
        { name: 'installationActFile', filename: 'acta.pdf', type: 'application/pdf', content: pdf('acta') },
      ]),
    );
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('Sube el archivo del acta o escribe su enlace, no los dos.');
    expect(both.body).toContain('id="installationActUrl-error"');
    expect(both.body).toContain('value="https://example.org/acta.pdf"');

    // Empty file inputs arrive as parts with no name and no bytes: neither a file nor a link.
    const empty = { filename: '', type: 'application/octet-stream', content: Buffer.alloc(0) };
    const neither = await upload(
      context,
      '/admin/secretariado',
      multipart(installFields(context, { operatingRulesUrl: '' }), [
        { name: 'installationActFile', ...empty },
        { name: 'operatingRulesFile', ...empty },
      ]),
    );
    expect(neither.statusCode).toBe(400);
    expect(neither.body).toContain('Sube el acta de instalación o escribe su enlace.');
    expect(neither.body).toContain('Sube las reglas de operación o escribe su enlace.');
    const english = await upload(
      context,
      '/admin/secretariado?lang=en',
      multipart(installFields(context, { operatingRulesUrl: '' }), []),
    );
    expect(english.body).toContain('Upload the installation act or type its link.');
    const emptyFile = await upload(
      context,
      '/admin/secretariado',
      multipart(installFields(context), [{ name: 'installationActFile', ...empty, filename: 'acta.pdf' }]),
    );
    expect(emptyFile.statusCode).toBe(400);
    expect(emptyFile.body).toContain('El archivo está vacío.');

    const tooLarge = await upload(
      context,
      '/admin/secretariado',
      multipart(installFields(context), [
        {
          name: 'installationActFile',
          filename: 'acta.pdf',
          type: 'application/pdf',
          content: Buffer.concat([pdf('grande'), Buffer.alloc(10 * 1024 * 1024)]),
        },
      ]),
    );
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.body).toContain('El archivo pesa más de 10 MB.');

    // Nothing was installed nor stored by the refused forms.
    expect(
      await context.database.db.select().from(secretariats).where(eq(secretariats.exerciseId, context.exerciseId)),
    ).toHaveLength(0);
  });

  it('publishes signed minutes uploaded as a file once they are approved, with the file’s SHA-256 in the change log', async () => {
    const context = await setUp();
    const { id, seatIds } = await installComposition(context);
    const sessionId = await scheduleAndConvene(context, id);
    const { post } = context.as(context.admin);
    const present = await post(`/admin/secretariado/sesiones/${sessionId}/asistencia`, {
      [`seat-${seatIds[0]}`]: 'titular_present',
      [`seat-${seatIds[1]}`]: 'titular_present',
      [`seat-${seatIds[2]}`]: 'titular_present',
      [`seat-${seatIds[3]}`]: 'titular_present',
      [`seat-${seatIds[4]}`]: 'titular_present',
    });
    expect(present.statusCode).toBe(303);
    const minutesPath = `/admin/secretariado/sesiones/${sessionId}/minuta`;
    const signed = pdf('minuta firmada');
    const file = { name: 'minutesFile', filename: 'minuta firmada.pdf', type: 'application/pdf', content: signed };

    const both = await upload(
      context,
      minutesPath,
      multipart(
        {
          _csrf: context.admin.csrf,
          minutesText: 'Texto',
          minutesUrl: 'https://example.org/minuta.pdf',
          recordingUrl: '',
        },
        [file],
      ),
    );
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('Sube el archivo de la minuta firmada o escribe su enlace, no los dos.');
    expect(both.body).toContain('Texto');

    const saved = await upload(
      context,
      minutesPath,
      multipart({ _csrf: context.admin.csrf, minutesText: '', minutesUrl: '', recordingUrl: '' }, [file]),
    );
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    const [session] = await context.database.db
      .select()
      .from(secretariatSessions)
      .where(eq(secretariatSessions.id, sessionId));
    expect(session!.minutesFileId).toMatch(/^[0-9a-f-]{36}$/);
    const href = `/archivos/${session!.minutesFileId}/minuta-firmada.pdf`;
    const publicPath = `/ejercicios/${SLUG}/secretariado/sesiones/ordinaria-1`;
    expect((await context.app.inject({ url: publicPath })).body).not.toContain(href);
    const adminView = await context.as(context.admin).get(`/admin/secretariado/sesiones/${sessionId}`);
    expect(adminView.body).toContain('Ya guardaste la minuta firmada minuta-firmada.pdf.');
    // The draft's file itself: only for those who may read draft minutes (the admin, a member signed in with no
    // role), never stored by a shared cache; not found for the public nor for staff from elsewhere (a liaison).
    expect((await context.app.inject({ url: href })).statusCode).toBe(404);
    const staffDownload = await context.as(context.admin).get(href);
    expect(staffDownload.statusCode).toBe(200);
    expect(staffDownload.headers['cache-control']).toBe('private, no-store');
    const member = await signInAs(context.database, { email: 'persona1@example.mx' });
    expect((await context.as(member).get(href)).statusCode).toBe(200);
    const liaison = await signInAs(context.database, {
      roles: [{ role: 'liaison', institutionId: await context.byName('Ayuntamiento de Durango') }],
    });
    expect((await context.as(liaison).get(href)).statusCode).toBe(404);

    // Saving the draft again without a new file keeps the uploaded one.
    const replacedLater = session!.minutesFileId!;
    const again = await upload(
      context,
      minutesPath,
      multipart(
        { _csrf: context.admin.csrf, minutesText: 'Se aprobó el plan de trabajo.', minutesUrl: '', recordingUrl: '' },
        [{ name: 'minutesFile', filename: '', type: 'application/octet-stream', content: Buffer.alloc(0) }],
      ),
    );
    expect(again.statusCode).toBe(303);
    expect(
      (await context.database.db.select().from(secretariatSessions).where(eq(secretariatSessions.id, sessionId)))[0]!
        .minutesFileId,
    ).toBe(session!.minutesFileId);
    const draftLog = await context.database.db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'secretariat_session'), eq(changeLog.recordId, sessionId)));
    expect(JSON.stringify(draftLog)).not.toContain(session!.minutesFileId!);
    expect(replacedLater).toBe(session!.minutesFileId);

    expect((await post(`/admin/secretariado/sesiones/${sessionId}/aprobar-minuta`, {})).statusCode).toBe(303);
    const published = await context.app.inject({ url: publicPath });
    expect(published.body).toContain(`<a href="${href}">Minuta firmada</a> (PDF, 240 KB)`);
    const download = await context.app.inject({ url: href });
    expect(download.rawPayload.equals(signed)).toBe(true);
    expect(download.headers['cache-control']).toContain('public');
    const log = await context.database.db
      .select()
      .from(changeLog)
      .where(and(eq(changeLog.recordType, 'secretariat_session'), eq(changeLog.recordId, sessionId)))
      .orderBy(changeLog.seq);
    expect(log.at(-1)!.after).toMatchObject({
      status: 'minutes_approved',
      minutesFileId: session!.minutesFileId,
      minutesFile: { name: 'minuta-firmada.pdf', type: 'application/pdf', size: signed.length, sha256: sha256(signed) },
    });
  });
});
