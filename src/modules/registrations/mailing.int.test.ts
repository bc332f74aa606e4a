import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { installJobs, JOB_SCHEMA, queues } from '../../jobs/boss.js';
import { sqlExecutor } from '../../jobs/sql-executor.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { exercises } from '../exercises/schema.js';
import { emails } from '../notifications/schema.js';
import { privacyNotices } from '../privacy/schema.js';
import { callMailingRecipients, callMailings, registrations, type RegistrationStatus } from './schema.js';
import { cancelCall } from '../calls/cancel-call.js';
import { createCall } from '../calls/create-call.js';
import { getMailingProgress } from './get-mailing-progress.js';
import { listCallMailings } from './list-call-mailings.js';
import { queueMailingRecipients, resumeCallMailings, sendCallMailing } from './send-call-mailing.js';
import { personActor, portalActor } from '../../testing/actors.js';

const admin = personActor('0b7e5a52-6c1f-4f0e-9a3b-2d4c6e8f0a1b', ['admin']);

async function exerciseId(db: Db) {
  const [exercise] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(eq(exercises.slug, 'segundo-pal-2017-2019'));
  return exercise!.id;
}

/** A call of the demo's second exercise, with the Durango 2020 dates unless told otherwise. */
async function makeCall(db: Db, overrides: Partial<Parameters<typeof createCall>[1]> = {}) {
  return createCall(
    db,
    {
      exerciseId: await exerciseId(db),
      title: 'Convocatoria de prueba',
      summary: 'Para probar el cierre y los envíos.',
      generalObjective: 'Probar.',
      requirements: ['Ser residente del estado de Durango.'],
      eligibleStateCode: '10',
      opensAt: new Date('2020-09-29T05:00:00Z'),
      closesAt: new Date('2020-11-16T05:59:00Z'),
      contactEmail: 'gobiernoabierto@example.mx',
      ...overrides,
    },
    portalActor,
  );
}

let serial = 0;
/** Registrations written directly (the sign-up flow has its own tests): `count` of each status and language. */
async function register(
  db: Db,
  callId: string,
  rows: { status: RegistrationStatus; locale: 'es-MX' | 'en'; count?: number }[],
) {
  const [notice] = await db.select({ id: privacyNotices.id }).from(privacyNotices).limit(1);
  const values: (typeof registrations.$inferInsert)[] = [];
  for (const row of rows) {
    for (let i = 0; i < (row.count ?? 1); i++) {
      serial++;
      values.push({
        callId,
        reference: `SUM-CALLS-${String(serial).padStart(6, '0')}`,
        fullName: `Persona ${serial}`,
        email: `persona.${serial}.${row.locale}@example.mx`,
        municipalityCvegeo: '10005',
        sector: 'individual',
        motivation: 'Quiero participar.',
        acceptsHonorary: true,
        privacyNoticeId: notice!.id,
        locale: row.locale,
        status: row.status,
      });
    }
  }
  for (let start = 0; start < values.length; start += 200)
    await db.insert(registrations).values(values.slice(start, start + 200));
}

const message = {
  subjectEs: 'Siguiente paso: instalación del Secretariado',
  bodyEs: 'Gracias por sumarte.\n\nNos vemos el 4 de diciembre.',
  subjectEn: 'Next step: installation of the Secretariat',
  bodyEn: 'Thank you for signing up.\n\nSee you on 4 December.',
};
const afterClosing = new Date('2020-11-20T18:00:00Z');
describe('the next-step mailing', () => {
  it('queues one e-mail per confirmed or accepted registrant in their language, and none for the others', async () => {
    const database = await createTestDatabase({ withDemo: true });
    await installJobs(database);
    const db = database.db;
    const call = await makeCall(db, { status: 'closed' });
    await register(db, call.id, [
      { status: 'confirmed', locale: 'es-MX', count: 2 },
      { status: 'accepted', locale: 'en' },
      { status: 'pending_confirmation', locale: 'es-MX' },
      { status: 'rejected', locale: 'en' },
      { status: 'withdrawn', locale: 'es-MX' },
    ]);
    const sent = await sendCallMailing(db, call.id, message, {
      actor: portalActor,
      siteName: 'Cocrea Durango',
      now: afterClosing,
    });
    expect(sent.recipients).toBe(3);

    const queued = await db
      .select({
        status: registrations.status,
        locale: emails.locale,
        to: emails.toAddress,
        subject: emails.subject,
        text: emails.text,
        emailStatus: emails.status,
      })
      .from(callMailingRecipients)
      .innerJoin(registrations, eq(registrations.id, callMailingRecipients.registrationId))
      .innerJoin(emails, eq(emails.id, callMailingRecipients.emailId))
      .where(eq(callMailingRecipients.mailingId, sent.mailingId));
    expect(queued).toHaveLength(3);
    expect(queued.every((row) => row.status === 'confirmed' || row.status === 'accepted')).toBe(true);
    expect(queued.every((row) => row.emailStatus === 'queued')).toBe(true);
    const english = queued.find((row) => row.locale === 'en')!;
    expect(english.subject).toBe(message.subjectEn);
    expect(english.text).toContain('See you on 4 December.');
    expect(english.to).toMatch(/\.en@example\.mx$/);
    const spanish = queued.filter((row) => row.locale === 'es-MX');
    expect(spanish.map((row) => row.subject)).toEqual([message.subjectEs, message.subjectEs]);
    expect(spanish[0]!.text).toMatch(/^Hola, Persona \d+:/);
    expect(spanish[0]!.text).toContain('Nos vemos el 4 de diciembre.');
    expect(spanish[0]!.text).toContain('Cocrea Durango');

    // Each e-mail has its delivery job, written in the same transaction.
    const { rows } = await sqlExecutor(db).executeSql(
      `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1`,
      [queues.sendEmail],
    );
    expect(rows[0]!.n).toBe(3);
  });

  it('refuses while the call is open, when nobody confirmed, and a second identical send; a different message is a new mailing', async () => {
    const db = (await createTestDatabase({ withDemo: true })).db;
    const call = await makeCall(db, { status: 'published' });
    const options = { actor: portalActor, siteName: 'Cocrea', now: new Date('2020-10-15T12:00:00Z') };
    await register(db, call.id, [{ status: 'pending_confirmation', locale: 'es-MX' }]);
    await expect(sendCallMailing(db, call.id, message, options)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'callNotClosed' },
    });
    // Past its closing instant it counts as closed even before the scheduled job marks it.
    await expect(sendCallMailing(db, call.id, message, { ...options, now: afterClosing })).rejects.toMatchObject({
      details: { reason: 'noRecipients' },
    });
    expect(await db.select().from(callMailings)).toEqual([]);

    await register(db, call.id, [{ status: 'confirmed', locale: 'es-MX' }]);
    const first = await sendCallMailing(db, call.id, message, { ...options, now: afterClosing });
    await expect(
      sendCallMailing(db, call.id, { ...message, bodyEs: `  ${message.bodyEs}  ` }, { ...options, now: afterClosing }),
    ).rejects.toMatchObject({
      details: { reason: 'alreadySent', mailingId: first.mailingId },
    });
    const second = await sendCallMailing(
      db,
      call.id,
      { ...message, subjectEs: 'Cambio de sede' },
      { ...options, now: afterClosing },
    );
    expect(second.mailingId).not.toBe(first.mailingId);
    expect(await db.select().from(callMailingRecipients)).toHaveLength(2);

    const cancelled = await makeCall(db, { status: 'published', closesAt: new Date('2020-12-31T00:00:00Z') });
    await cancelCall(db, cancelled.id, { reason: 'Se cancela la convocatoria.' }, { actor: admin });
    await expect(sendCallMailing(db, cancelled.id, message, { ...options, now: afterClosing })).rejects.toMatchObject({
      details: { reason: 'callNotClosed' },
    });
  });

  it('writes hundreds of recipients in short batches, one transaction each, and the progress counts follow the e-mails’ status', async () => {
    const database = await createTestDatabase({ withDemo: true });
    await installJobs(database);
    const db = database.db;
    const call = await makeCall(db, { status: 'closed' });
    await register(db, call.id, [
      { status: 'confirmed', locale: 'es-MX', count: 200 },
      { status: 'accepted', locale: 'en', count: 100 },
      { status: 'pending_confirmation', locale: 'es-MX', count: 20 },
    ]);
    const startedAt = performance.now();
    const sent = await sendCallMailing(db, call.id, message, {
      actor: portalActor,
      siteName: 'Cocrea',
      now: afterClosing,
      batchSize: 64,
    });
    const elapsedMs = performance.now() - startedAt;
    expect(sent.recipients).toBe(300);
    // A generous bound, to notice a regression to something quadratic (about 5,000 must fit in one request).
    expect(elapsedMs).toBeLessThan(20_000);
    const recipientRows = await db
      .select()
      .from(callMailingRecipients)
      .where(eq(callMailingRecipients.mailingId, sent.mailingId));
    expect(new Set(recipientRows.map((row) => row.registrationId)).size).toBe(300);

    let progress = await getMailingProgress(db, call.id, sent.mailingId);
    expect(progress.counts).toEqual({ total: 300, sent: 0, pending: 300, failed: 0, removed: 0 });

    const ids = recipientRows.map((row) => row.emailId!);
    await db
      .update(emails)
      .set({ status: 'sent', sentAt: afterClosing })
      .where(inArray(emails.id, ids.slice(0, 250)));
    await db
      .update(emails)
      .set({ status: 'sending' })
      .where(inArray(emails.id, ids.slice(250, 260)));
    await db
      .update(emails)
      .set({ status: 'failed', lastError: '550 mailbox unavailable', attempts: 6 })
      .where(inArray(emails.id, ids.slice(260, 265)));
    await db.delete(emails).where(eq(emails.id, ids[299]!));

    progress = await getMailingProgress(db, call.id, sent.mailingId);
    expect(progress.counts).toEqual({ total: 300, sent: 250, pending: 44, failed: 5, removed: 1 });
    expect(progress.failures).toHaveLength(5);
    expect(progress.failures[0]).toMatchObject({ lastError: '550 mailbox unavailable', attempts: 6 });
    expect(progress.failures[0]!.name).toMatch(/^Persona \d+$/);

    const [listed] = await listCallMailings(db, call.id);
    expect(listed).toMatchObject({ id: sent.mailingId, subject: message.subjectEs, counts: progress.counts });
    await expect(getMailingProgress(db, call.id, '00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('an interrupted mailing resumes where its last batch ended: nobody twice, nobody skipped', async () => {
    const database = await createTestDatabase({ withDemo: true });
    await installJobs(database);
    const db = database.db;
    const call = await makeCall(db, { status: 'closed' });
    await register(db, call.id, [
      { status: 'confirmed', locale: 'es-MX', count: 6 },
      { status: 'accepted', locale: 'en', count: 3 },
    ]);
    // The last registrant by id carries an address the e-mail envelope refuses, so the process fails on the last
    // batch, as a crash would, after the first batches committed.
    const [notice] = await db.select({ id: privacyNotices.id }).from(privacyNotices).limit(1);
    const lastId = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
    await db.insert(registrations).values({
      id: lastId,
      callId: call.id,
      reference: 'SUM-CALLS-LAST',
      fullName: 'Persona Última',
      email: 'sin-arroba',
      municipalityCvegeo: '10005',
      sector: 'individual',
      motivation: 'Quiero participar.',
      acceptsHonorary: true,
      privacyNoticeId: notice!.id,
      locale: 'es-MX',
      status: 'confirmed',
    });
    const options = { actor: portalActor, siteName: 'Cocrea', now: afterClosing, batchSize: 4 };
    await expect(sendCallMailing(db, call.id, message, options)).rejects.toThrow();
    const [mailing] = await db.select().from(callMailings);
    expect(mailing!.isQueueing).toBe(true);
    const partial = await getMailingProgress(db, call.id, mailing!.id);
    expect(partial.counts.total).toBe(8);

    // The same message again is the same mailing, not a second one.
    await expect(sendCallMailing(db, call.id, message, options)).rejects.toMatchObject({
      details: { reason: 'alreadySent', mailingId: mailing!.id },
    });

    await db.update(registrations).set({ email: 'ultima@example.mx' }).where(eq(registrations.id, lastId));
    expect(await resumeCallMailings(db, { siteName: 'Cocrea', batchSize: 4 })).toEqual([mailing!.id]);
    // Resuming again, or twice at once, changes nothing.
    await Promise.all([
      queueMailingRecipients(db, mailing!.id, { siteName: 'Cocrea' }),
      queueMailingRecipients(db, mailing!.id, { siteName: 'Cocrea' }),
    ]);
    expect(await resumeCallMailings(db, { siteName: 'Cocrea' })).toEqual([]);

    const recipients = await db
      .select()
      .from(callMailingRecipients)
      .where(eq(callMailingRecipients.mailingId, mailing!.id));
    expect(recipients).toHaveLength(10);
    expect(new Set(recipients.map((row) => row.registrationId)).size).toBe(10);
    const mails = await db.select({ to: emails.toAddress }).from(emails).where(eq(emails.template, 'notice'));
    expect(mails).toHaveLength(10);
    expect(mails.map((row) => row.to)).toContain('ultima@example.mx');
    const { rows } = await sqlExecutor(db).executeSql(
      `SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = $1`,
      [queues.sendEmail],
    );
    expect(rows[0]!.n).toBe(10);
    const done = await getMailingProgress(db, call.id, mailing!.id);
    expect(done.mailing.isQueueing).toBe(false);
    expect(done.counts).toEqual({ total: 10, sent: 0, pending: 10, failed: 0, removed: 0 });
  });
});
