import { and, eq, sql } from 'drizzle-orm';
import { verifyChangeLog } from '../audit/verify-change-log.js';
import { describe, expect, it } from 'vitest';
import { registry } from '../../registry.js';
import { staffRoles } from '../../kernel/actor.js';
import { personActor, portalActor } from '../../testing/actors.js';
import {
  columnsContaining,
  columnsReferencingUsers,
  contactColumns,
  declaredCoverage,
} from '../../testing/personal-data-catalogue.js';
import { createTestUser, signInAs } from '../../testing/sign-in.js';
import { createTestApp } from '../../testing/test-app.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { requestEmailChange } from '../accounts/request-email-change.js';
import { sessions, users } from '../accounts/schema.js';
import { calls } from '../calls/schema.js';
import { decideProblem } from '../cocreation/decide-problem.js';
import { submitProposal } from '../cocreation/proposals/submit-proposal.js';
import { submitProblem } from '../cocreation/submit-problem.js';
import { createTable } from '../cocreation/tables/create-table.js';
import { registerForTable } from '../cocreation/tables/register.js';
import { supportProblem } from '../cocreation/support-problem.js';
import { reportProblem } from '../cocreation/report-problem.js';
import { problems } from '../cocreation/schema.js';
import { exercisePhases, exercises } from '../exercises/schema.js';
import { followTarget } from '../participation/follows.js';
import { postComment } from '../participation/post-comment.js';
import { reportComment } from '../participation/report-comment.js';
import { commentReports, comments, followDigests, follows } from '../participation/schema.js';
import { addActivityNote } from '../plan/work/add-activity-note.js';
import { attachEvidence } from '../plan/work/attach-evidence.js';
import { activities, commitments, milestones } from '../plan/schema.js';
import { registrations } from '../registrations/schema.js';
import { secretariatMemberships, secretariatSeats } from '../secretariat/schema.js';
import { fileArcoRequest } from './file-arco-request.js';
import { consents, privacyNotices } from './schema.js';

/*
 * Issue 12, item 8: personal data as the privacy notice promises. The tables and columns are read from the database's
 * own catalogue, never listed here, so a table added tomorrow is covered by these tests the day it is added.
 */

/** Where the public change log keeps what it was given: its redaction is the audit module's (issue 12, item 9). */
const CHANGE_LOG = 'change_log';

const SLUG = 'cuarto-pal-demostracion';
const PHONE = '+52 (618) 555-0199';
const PHONE_DIGITS = '6185550199';
const NAME = 'Jacinta Ordóñez Valdivia';

const declared = () => declaredCoverage(registry.personalData);

describe('every table that refers to a person is declared by its module', () => {
  it('declares every column with a foreign key to users, and every column named for an e-mail or a phone', async () => {
    const { db } = await createTestDatabase();
    const { columns, notPersonal } = declared();
    const referencing = await columnsReferencingUsers(db);
    expect(referencing.length).toBeGreaterThan(25);
    expect(
      referencing.filter((column) => !columns.has(column)),
      'columns referencing users that no module declares in its personalData',
    ).toEqual([]);
    const contact = await contactColumns(db);
    expect(contact.length).toBeGreaterThan(4);
    expect(
      contact.filter((column) => !columns.has(column) && !notPersonal.has(column)),
      'columns holding an e-mail or a phone that no module declares (or declares not personal)',
    ).toEqual([]);
    // Each declaration names real columns.
    const everyColumn = new Set(
      (
        (await db.execute(sql`select table_name || '.' || column_name as name from information_schema.columns
        where table_schema = 'public'`)) as unknown as { rows: { name: string }[] }
      ).rows.map((row) => row.name),
    );
    expect([...columns, ...notPersonal.keys()].filter((column) => !everyColumn.has(column))).toEqual([]);
  });
});

/** A person with a unique e-mail, phone and name who has used every feature of the portal, staff ones included. */
async function personWhoDidEverything() {
  const { app, database } = await createTestApp();
  const { db } = database;
  const email = `jacinta.ordonez.${Date.now()}@correo-unico.example`;
  const [exercise] = await db.select().from(exercises).where(eq(exercises.slug, SLUG));
  // TEST_NOW is 23 November 2026: the demo's fourth exercise has its call open; its diagnosis opens for the test.
  await db
    .update(exercisePhases)
    .set({ startsOn: '2026-11-01', endsOn: '2026-12-15' })
    .where(and(eq(exercisePhases.exerciseId, exercise!.id), eq(exercisePhases.phase, 'diagnosis')));
  const [work] = await db
    .select({
      activityId: activities.id,
      institutionId: activities.responsibleInstitutionId,
      commitmentId: commitments.id,
    })
    .from(activities)
    .innerJoin(milestones, eq(milestones.id, activities.milestoneId))
    .innerJoin(commitments, eq(commitments.id, milestones.commitmentId))
    .where(eq(activities.status, 'in_progress'))
    .limit(1);
  const person = await signInAs(database, {
    email,
    name: NAME,
    password: 'una contraseña de jacinta',
    roles: staffRoles.map((role) => ({ role, institutionId: role === 'liaison' ? work!.institutionId : undefined })),
  });
  const actor = personActor(person.user.id, [
    ...staffRoles.filter((role) => role !== 'liaison'),
    { role: 'liaison', institutionId: work!.institutionId },
  ]);
  const options = { actor, now: new Date('2026-11-23T18:00:00Z'), timeZone: 'America/Monterrey' };
  const [notice] = await db.select().from(privacyNotices).where(eq(privacyNotices.kind, 'simplified'));
  await db.insert(consents).values({ userId: person.user.id, noticeId: notice!.id, purpose: 'account' });

  // Súmate, as a browser sends it: the sign-up carries the phone, an organisation and a motivation.
  const page = await app.inject({ url: `/ejercicios/${SLUG}/convocatoria/sumate` });
  const signUp = await app.inject({
    method: 'POST',
    url: `/ejercicios/${SLUG}/convocatoria/sumate`,
    cookies: { csrf: page.cookies.find((c) => c.name === 'csrf')!.value },
    payload: {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
      privacyNoticeId: /name="privacyNoticeId" value="([^"]+)"/.exec(page.body)![1]!,
      fullName: NAME,
      email,
      phone: PHONE,
      municipalityCvegeo: '10005',
      sector: 'individual',
      organization: `Colectivo de ${NAME}`,
      motivation: `Quiero participar; pueden llamarme al ${PHONE} o escribirme a ${email}.`,
      acceptsHonorary: 'yes',
      consent: 'yes',
    },
  });
  expect(signUp.statusCode).toBe(303);

  // The account: a pending change of address, a failed sign-in (a rate-limit counter), the ARCO request.
  await requestEmailChange(
    db,
    person.user.id,
    { email: `nueva.${email}`, password: 'una contraseña de jacinta' },
    {
      baseUrl: 'https://cocrea.example.mx',
      siteName: 'Cocrea',
    },
  );
  await app.inject({ method: 'POST', url: '/entrar', payload: { email, password: 'equivocada' } });
  await fileArcoRequest(
    db,
    person.user.id,
    { kind: 'rectification', description: `Mi teléfono es ${PHONE}.` },
    options,
  );

  // Participation: a comment with the address and phone in it, a report of someone else's, a follow.
  const [call] = await db.select({ id: calls.id }).from(calls).where(eq(calls.exerciseId, exercise!.id));
  const target = { recordType: 'call', recordId: call!.id };
  await postComment(
    db,
    target,
    { body: `Soy ${NAME}, escríbanme a ${email} o al ${PHONE}.` },
    {
      actor,
      records: registry.records,
    },
  );
  const other = await createTestUser(database);
  const { comment: theirs } = await postComment(
    db,
    target,
    { body: 'Un comentario de otra persona.' },
    {
      actor: personActor(other.id),
      records: registry.records,
    },
  );
  await reportComment(db, theirs.id, { reason: `Llámenme al ${PHONE}` }, { actor, records: registry.records });
  await followTarget(db, registry.records, person.user.id, { recordType: 'commitment', recordId: work!.commitmentId });
  await db.insert(followDigests).values({ userId: person.user.id, lastSeq: 0 });

  // Co-creation: a problem with the phone in it, a support and a report of another one.
  const mine = await submitProblem(
    db,
    exercise!.id,
    {
      title: 'Baches en la calle de mi casa',
      description: `Los baches llevan un año; si necesitan detalles llamen al ${PHONE}.`,
      theme: 'mobility',
      municipalities: ['10005'],
    },
    options,
  );
  const another = await submitProblem(
    db,
    exercise!.id,
    {
      title: 'Falta alumbrado en el parque',
      description: 'El parque del barrio no tiene luz por las noches y es peligroso.',
      theme: 'public_spaces',
      municipalities: ['10005'],
    },
    { ...options, actor: personActor(other.id) },
  );
  await supportProblem(db, another.id, options);
  await reportProblem(db, another.id, { reason: 'other', details: `Escríbanme a ${email}` }, { actor });
  // Co-creation: a solution she proposed with her phone in it, and her registration to a table with her needs.
  await db
    .update(exercisePhases)
    .set({ startsOn: '2026-11-20', endsOn: '2026-12-20' })
    .where(and(eq(exercisePhases.exerciseId, exercise!.id), eq(exercisePhases.phase, 'cocreation')));
  await decideProblem(
    db,
    another.id,
    { outcome: 'admitted', reasonCode: 'meets_criteria', explanation: 'Cumple los criterios del diagnóstico.' },
    { ...options, baseUrl: 'https://cocrea.example.mx', siteName: 'Cocrea' },
  );
  await submitProposal(
    db,
    exercise!.id,
    {
      problemNumber: another.number,
      title: 'Luminarias solares en el parque',
      description: `Poner luminarias solares; yo ayudo a organizar, mi teléfono es ${PHONE}.`,
    },
    { ...options, as: 'author' },
  );
  const table = await createTable(
    db,
    exercise!.id,
    {
      title: 'Alumbrado de los parques',
      problemNumbers: [another.number],
      startsAt: new Date('2026-12-01T23:00:00Z'),
      durationMinutes: 120,
      place: 'Centro comunitario',
      facilitator: 'Equipo de facilitación',
      capacity: 20,
    },
    options,
  );
  await registerForTable(
    db,
    table.id,
    { accessibilityNeeds: `Llego en silla de ruedas; confirmen al ${PHONE}.`, interpreterLanguage: 'Lengua de señas' },
    { ...options, baseUrl: 'https://cocrea.example.mx', siteName: 'Cocrea' },
  );

  // The plan: a note, a piece of evidence whose file is named after her, and a commitment listing her as contact.
  await addActivityNote(db, work!.activityId, { body: 'Avance de la semana: se firmó el convenio.' }, options);
  await attachEvidence(
    db,
    work!.activityId,
    {
      description: 'Convenio firmado',
      file: { content: Buffer.from('%PDF-1.4 convenio'), filename: `convenio ${NAME}.pdf` },
    },
    options,
  );
  const [listed] = await db.select().from(commitments).where(eq(commitments.id, work!.commitmentId));
  await db
    .update(commitments)
    .set({ contacts: [...listed!.contacts, { name: NAME, position: 'Enlace', email, phone: PHONE }] })
    .where(eq(commitments.id, work!.commitmentId));

  // The Secretariat: a seat held under her e-mail, with a biography that gives her phone.
  const [seat] = await db.select().from(secretariatSeats).limit(1);
  await db.insert(secretariatMemberships).values({
    seatId: seat!.id,
    role: 'alternate',
    displayName: NAME,
    organization: 'Colectivo ciudadano',
    bio: `Activista; teléfono ${PHONE}.`,
    email,
    startsOn: '2026-01-01',
  });

  // Staff work (evaluation reports and assessments, decisions on others' sign-ups, moderation...): every other column
  // that refers to a person points to her in at least one row, whatever table it is in.
  for (const column of await columnsReferencingUsers(db)) {
    const [table, name] = column.split('.') as [string, string];
    const [taken] = (
      (await db.execute(
        sql.raw(`select 1 from "${table}" where "${name}" = '${person.user.id}' limit 1`),
      )) as unknown as { rows: unknown[] }
    ).rows;
    if (!taken)
      await db.execute(
        sql.raw(
          `update "${table}" set "${name}" = '${person.user.id}' where ctid = (select ctid from "${table}" where "${name}" is distinct from '${person.user.id}' limit 1)`,
        ),
      );
  }
  return { app, database, person, email, commitmentId: work!.commitmentId, problemId: mine.id, callId: call!.id };
}

describe('a person who used every feature', () => {
  it('downloads everything held about them: every table where their id, e-mail or phone occurs is in the file', async () => {
    const { app, database, person, email } = await personWhoDidEverything();
    const response = await app.inject({ url: '/cuenta/datos/descarga', cookies: person.cookies });
    expect(response.statusCode).toBe(200);
    const data = response.json() as {
      account: Record<string, unknown>;
      tables: Record<string, { module: string; rows: Record<string, unknown>[] }>;
      leftOut: string[];
    };
    expect(data.account).toMatchObject({ email, name: NAME, hasPassword: true });
    expect(response.body).not.toContain('argon2');
    expect(data.leftOut).toContain('users.password_hash');

    const { tables } = declared();
    const needles = [person.user.id, email, PHONE, PHONE_DIGITS];
    const holding = await columnsContaining(database.db, needles);
    const personal = holding.filter((column) => !column.startsWith(`${CHANGE_LOG}.`));
    expect(personal.length).toBeGreaterThan(25);
    const tableOf = (column: string) => column.split('.')[0]!;
    expect(
      personal.filter((column) => !tables.has(tableOf(column))),
      'tables holding her data, not declared',
    ).toEqual([]);
    // Each of those tables is in the file, with the rows that hold her id, e-mail or phone.
    const inFile = (column: string) => {
      const rows = JSON.stringify(data.tables[tableOf(column)]?.rows ?? []).toLowerCase();
      return needles.some((needle) => rows.includes(needle.toLowerCase()));
    };
    expect(
      personal.filter((column) => !inFile(column)),
      'tables holding her data, missing from the file',
    ).toEqual([]);
    expect([...tables].filter((table) => !data.tables[table])).toEqual([]);
    // Her words are in it, as she wrote them.
    expect(JSON.stringify(data.tables.comments)).toContain(`escríbanme a ${email}`);
    expect(JSON.stringify(data.tables.registrations)).toContain(PHONE);
  });

  it('cancelling anonymises everything in one go: no table keeps her e-mail or phone; statistics and public acts stay', async () => {
    const { app, database, person, email, commitmentId, problemId, callId } = await personWhoDidEverything();
    const { db } = database;
    const [before] = await db.select().from(registrations).where(eq(registrations.userId, person.user.id));
    const cancelled = await app.inject({
      method: 'POST',
      url: '/cuenta/cancelar',
      cookies: person.cookies,
      payload: { _csrf: person.csrf },
    });
    expect(cancelled.statusCode).toBe(303);

    // Every table of the database, found in its catalogue (the public change log is the audit module's: item 9).
    const left = await columnsContaining(db, [email, PHONE, PHONE_DIGITS, `nueva.${email}`]);
    expect(left.filter((column) => !column.startsWith(`${CHANGE_LOG}.`))).toEqual([]);
    // The public change log too: what she typed in a problem is redacted there, and the chain still verifies.
    expect(left).toEqual([]);
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true });

    const [account] = await db.select().from(users).where(eq(users.id, person.user.id));
    expect(account).toMatchObject({ status: 'deleted', passwordHash: null, name: 'Cuenta cancelada' });
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.user.id))).toEqual([]);
    expect(await db.select().from(follows).where(eq(follows.userId, person.user.id))).toEqual([]);
    expect((await app.inject({ url: '/cuenta', cookies: person.cookies })).statusCode).toBe(303);

    // The sign-up keeps what the figures count, nothing that identifies her.
    const [after] = await db.select().from(registrations).where(eq(registrations.id, before!.id));
    expect(after).toMatchObject({
      sector: before!.sector,
      municipalityCvegeo: before!.municipalityCvegeo,
      status: before!.status,
      fullName: '',
      phone: null,
      organization: null,
      motivation: '',
    });
    expect(after!.anonymisedAt).not.toBeNull();
    // Her consents stay as the record of what she consented to, withdrawn now, pointing to the anonymous account.
    const kept = await db.select().from(consents).where(eq(consents.userId, person.user.id));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((consent) => consent.withdrawnAt !== null)).toBe(true);
    // Her seat on the Secretariat is a public act: the public name stays, the e-mail and biography go.
    const [membership] = await db
      .select()
      .from(secretariatMemberships)
      .where(eq(secretariatMemberships.displayName, NAME));
    expect(membership).toMatchObject({ email: null, bio: null, userId: null, organization: 'Colectivo ciudadano' });
    // The commitment keeps her as a named contact without her e-mail and phone.
    const [commitment] = await db.select().from(commitments).where(eq(commitments.id, commitmentId));
    expect(commitment!.contacts.find((contact) => contact.name === NAME)).toEqual({ name: NAME, position: 'Enlace' });
    // Her problem stays in the diagnosis without her phone; her report keeps counting without her words.
    const [problem] = await db.select().from(problems).where(eq(problems.id, problemId));
    expect(problem!.description).toContain('[dato eliminado]');
    const reports = await db.select().from(commentReports).where(eq(commentReports.reporterId, person.user.id));
    expect(reports.map((report) => report.reason)).toEqual([null]);

    // Her comment is shown as written from a cancelled account, in both languages, without her name.
    const [comment] = await db.select().from(comments).where(eq(comments.authorId, person.user.id));
    expect(comment!.body).toBe('Soy [dato eliminado], escríbanme a [dato eliminado] o al [dato eliminado].');
    const pageOf = async (language: string) =>
      (await app.inject({ url: `/ejercicios/${SLUG}/convocatoria?lang=${language}` })).body;
    const spanish = await pageOf('es-MX');
    expect(spanish).toContain('Escrito desde una cuenta cancelada');
    expect(spanish).not.toContain(NAME);
    expect(await pageOf('en')).toContain('Written from a cancelled account');
    void callId;
  });

  it('runs in one transaction: a failing step leaves everything as it was', async () => {
    const database = await createTestDatabase();
    const person = await createTestUser(database, { email: 'todo-o-nada@example.mx', name: 'Persona Todo o Nada' });
    const failing = { module: 'failing', anonymise: () => Promise.reject(new Error('a step failed')) };
    const { cancelAccount } = await import('./cancel-account.js');
    // The failing step comes first in the registry: it runs last, after every other module has anonymised.
    await expect(
      cancelAccount(database.db, person.id, portalActor, {
        parts: [failing, ...registry.personalData],
        now: new Date(),
      }),
    ).rejects.toThrow('a step failed');
    expect((await database.db.select().from(users).where(eq(users.id, person.id)))[0]).toEqual(person);
  });
});
