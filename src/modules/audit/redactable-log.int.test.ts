import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registry } from '../../registry.js';
import { createTestApp } from '../../testing/test-app.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { portalActor } from '../../testing/actors.js';
import { createInstitution } from '../directory/create-institution.js';
import { commitments } from '../plan/schema.js';
import { appendChange } from './append-change.js';
import { checkLiveRecords } from './check-live-records.js';
import { changeLogPages } from './list-change-log.js';
import { redactChange } from './redact-change.js';
import { changeLog } from './schema.js';
import { verifyChangeLog } from './verify-change-log.js';

const admin = { id: null, label: 'Administración del portal' };

/** Statements an attacker with database access could run. */
const tamper = async (db: Awaited<ReturnType<typeof createTestDatabase>>['db'], statement: string) => {
  await db.execute(sql.raw('alter table change_log disable trigger change_log_no_update_delete'));
  await db.execute(sql.raw(statement));
  await db.execute(sql.raw('alter table change_log enable trigger change_log_no_update_delete'));
};

describe('the public change log holds public fields only', () => {
  it('keeps no contact e-mail, phone, responsible person, search words or account id', async () => {
    const { db } = await createTestDatabase();
    const institution = await createInstitution(
      db,
      { name: 'Colectivo Río Nazas', kind: 'collective', isGovernment: false, contactEmail: 'rio.nazas@example.org' },
      portalActor,
    );
    await db.transaction(async (tx) => {
      await appendChange(tx, {
        actor: { id: '3f0c1d2e-4b5a-4c6d-8e7f-90a1b2c3d4e5', label: 'Administración del portal' },
        recordType: 'commitment',
        recordId: '6d1f4c5e-2a8b-4c3d-9e0f-1a2b3c4d5e6f',
        action: 'create',
        after: {
          title: 'Señalización vial',
          contacts: [{ name: 'Ana Pérez', email: 'ana.perez@example.org', phone: '618 123 4567' }],
          progress: 40,
        },
      });
      await appendChange(tx, {
        actor: admin,
        recordType: 'activity',
        recordId: '7d1f4c5e-2a8b-4c3d-9e0f-1a2b3c4d5e6f',
        action: 'update',
        before: { status: 'done', responsiblePerson: 'Juan Ramírez' },
        after: {
          status: 'verified',
          responsiblePerson: 'Juan Ramírez',
          verifiedBy: '9d1f4c5e-2a8b-4c3d-9e0f-1a2b3c4d5e6f',
        },
      });
      await appendChange(tx, {
        actor: admin,
        recordType: 'registrations_export',
        recordId: '8d1f4c5e-2a8b-4c3d-9e0f-1a2b3c4d5e6f',
        action: 'create',
        after: { rows: 2, filters: { q: 'maria lopez', sector: 'academia' } },
      });
    });
    const published: unknown[] = [];
    for await (const page of changeLogPages(db)) published.push(...page);
    const text = JSON.stringify(published);
    for (const personal of [
      'rio.nazas@',
      'ana.perez',
      '618 123',
      'Ana Pérez',
      'Juan Ramírez',
      'maria lopez',
      '9d1f4c5e',
    ])
      expect(text).not.toContain(personal);
    expect(text).not.toContain('3f0c1d2e');
    expect(text).toContain('Colectivo Río Nazas');
    expect(text).toContain('"sector":"academia"');
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, institution.id));
    expect(logged!.after).not.toHaveProperty('contactEmail');
    // A record type nobody declared cannot be logged.
    await expect(
      db.transaction((tx) => appendChange(tx, { actor: admin, recordType: 'secret', recordId: 'x', action: 'create' })),
    ).rejects.toThrow(/Declare the public fields/);
  });
});

describe('a redaction', () => {
  it('removes a value that reached the log, with a reason, and the chain still verifies showing it redacted', async () => {
    const { db } = await createTestDatabase();
    const { seq } = await db.transaction((tx) =>
      appendChange(tx, {
        actor: admin,
        recordType: 'problem',
        recordId: '6d1f4c5e-2a8b-4c3d-9e0f-1a2b3c4d5e6f',
        action: 'create',
        after: { title: 'Baches', description: 'Llamar a Ana Pérez al 618 123 4567', status: 'proposed' },
      }),
    );
    await db.transaction((tx) =>
      appendChange(tx, {
        actor: admin,
        recordType: 'problem',
        recordId: '6d1f4c5e-2a8b-4c3d-9e0f-1a2b3c4d5e6f',
        action: 'update',
        before: { status: 'proposed' },
        after: { status: 'admitted' },
      }),
    );
    const redaction = await redactChange(db, {
      seq,
      fields: ['after.description'],
      reason: 'Datos personales de una tercera persona',
      actor: admin,
    });
    const [entry] = await db.select().from(changeLog).where(eq(changeLog.seq, seq));
    expect(entry!.after).toEqual({ title: 'Baches', status: 'proposed' });
    expect(JSON.stringify(entry)).not.toContain('618 123');
    expect(await verifyChangeLog(db)).toMatchObject({
      ok: true,
      checked: 3,
      redacted: [{ seq, field: 'after.description', reason: 'Datos personales de una tercera persona' }],
    });
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.seq, redaction));
    expect(logged).toMatchObject({ recordType: 'change_log_entry', recordId: String(seq), actorLabel: admin.label });
    await expect(redactChange(db, { seq, fields: ['after.title'], reason: ' ', actor: admin })).rejects.toThrow(
      /reason/,
    );
    // Outside a redaction, values cannot be removed; a value removed behind the log's back is named.
    await expect(db.execute(sql`update change_log set after = after - 'title' where seq = ${seq}`)).rejects.toThrow();
    await tamper(db, `update change_log set after = after - 'title' where seq = ${seq}`);
    expect(await verifyChangeLog(db)).toMatchObject({
      ok: false,
      firstBadSeq: seq,
      reason: 'unexplained redaction',
      field: 'after.title',
    });
  });
});

describe('verify-log', () => {
  it('finds every live record of the demo as last logged, then names a record changed by a direct UPDATE', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    expect(await checkLiveRecords(db, registry.modules)).toEqual([]);
    const [commitment] = await db.select().from(commitments).limit(1);
    await db.execute(sql`update commitments set title = 'Otro título' where id = ${commitment!.id}`);
    expect(await checkLiveRecords(db, registry.modules)).toEqual([
      { recordType: 'commitment', recordId: commitment!.id, field: 'title', seq: expect.any(Number) },
    ]);
  });

  it('fails when the head hash published earlier is no longer in the log (its newest entry was deleted)', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const before = await verifyChangeLog(db);
    expect(before.ok).toBe(true);
    const head = before.ok ? before.head : '';
    expect(await verifyChangeLog(db, { head })).toMatchObject({ ok: true, head });
    await tamper(db, 'delete from change_log where seq = (select max(seq) from change_log)');
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true });
    expect(await verifyChangeLog(db, { head })).toMatchObject({ ok: false, reason: 'head missing', missingHead: head });
  });
});

describe('the published head of the change log', () => {
  it('is in every page footer, in the plan feed, and in approved minutes as the entry that approved them', async () => {
    const { app, database } = await createTestApp();
    const verified = await verifyChangeLog(database.db);
    const head = verified.ok ? verified.head : 'none';
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain(`<code>${head}</code>`);
    const feed = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/plan/novedades.atom' });
    expect(feed.body).toMatch(new RegExp(`<cocrea:head seq="\\d+">${head}</cocrea:head>`));
    const minutes = await app.inject({ url: '/ejercicios/tercer-pal-2020-2021/secretariado/sesiones/ordinaria-4' });
    const approvals = await database.db
      .select({ hash: changeLog.hash })
      .from(changeLog)
      .where(
        sql`${changeLog.recordType} = 'secretariat_session' and ${changeLog.after}->>'status' = 'minutes_approved'`,
      )
      .orderBy(changeLog.seq);
    expect(minutes.body).toContain('del historial verificable');
    expect(approvals.filter(({ hash }) => minutes.body.includes(`<code>${hash}</code>`))).toHaveLength(1);
  });
});
