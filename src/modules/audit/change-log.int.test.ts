import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { backupDatabase, restoreDatabase } from '../../db/backup.js';
import { createTestDatabase } from '../../testing/test-db.js';
import { createInstitution } from '../directory/create-institution.js';
import { institutions } from '../directory/schema.js';
import { appendChange, type ChangeEntry } from './append-change.js';
import { GENESIS_HASH } from './change-hash.js';
import { changeLog } from './schema.js';
import { verifyChangeLog } from './verify-change-log.js';
import { personActor, portalActor } from '../../testing/actors.js';
import { installPublicFields } from '../../kernel/records.js';

// A record type of these tests, with every field public.
installPublicFields({ test_record: { publicFields: ['title', 'at', 'tags', 'nested'] } });

const entry = (n: number): ChangeEntry => ({
  actor: { id: '3f0c1d2e-4b5a-4c6d-8e7f-90a1b2c3d4e5', label: 'Coordinación de Gobierno Abierto, IDAIP' },
  recordType: 'test_record',
  recordId: `record-${n}`,
  action: n === 1 ? 'create' : 'update',
  before: n === 1 ? undefined : { title: `Título ${n - 1}`, at: new Date(Date.UTC(2020, 0, n - 1)) },
  after: {
    title: `Título ${n}`,
    at: new Date(Date.UTC(2020, 0, n)),
    tags: ['a', 'b'],
    nested: { z: 1, a: [null, true] },
  },
});

async function appendMany(db: Db, n: number) {
  for (let i = 1; i <= n; i++) await db.transaction((tx) => appendChange(tx, entry(i)));
  return db.select({ seq: changeLog.seq }).from(changeLog).orderBy(asc(changeLog.seq));
}

/** What the database said, whichever driver wrapped it. */
const failure = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return `${String(error)} ${cause ? String(cause) : ''}`;
  }
  throw new Error('expected the database to refuse');
};

/** Statements an attacker with database access could run. */
const tamper = async (db: Db, statement: string) => {
  await db.execute(sql.raw('alter table change_log disable trigger change_log_no_update_delete'));
  await db.execute(sql.raw(statement));
  await db.execute(sql.raw('alter table change_log enable trigger change_log_no_update_delete'));
};

describe('the change log', () => {
  it('chains entries from the genesis hash, and an intact chain verifies', async () => {
    const { db } = await createTestDatabase();
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true, checked: 0 });
    await appendMany(db, 5);
    const rows = await db.select().from(changeLog).orderBy(asc(changeLog.seq));
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows[1]!.before).toEqual({ title: 'Título 1', at: '2020-01-01T00:00:00.000Z' });
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true, checked: 5 });
  });

  it('keeps one chain when many transactions append at once', async () => {
    const { db } = await createTestDatabase();
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.transaction((tx) => appendChange(tx, entry(i + 1)))));
    const rows = await db.select({ prevHash: changeLog.prevHash }).from(changeLog);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((row) => row.prevHash)).size).toBe(20);
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true, checked: 20 });
  });

  it('names the entry whose content was altered in the database', async () => {
    const { db } = await createTestDatabase();
    const seqs = (await appendMany(db, 5)).map((row) => row.seq);
    const third = seqs[2]!;
    await tamper(
      db,
      `update change_log set after = jsonb_set(after, '{title}', '"Título corregido"') where seq = ${third}`,
    );
    // The hash covers the digests; the altered value no longer matches its digest.
    expect(await verifyChangeLog(db)).toEqual({
      ok: false,
      checked: 3,
      firstBadSeq: third,
      reason: 'payload mismatch',
      field: 'after.title',
    });
  });

  it('notices an instant moved by a single microsecond', async () => {
    const { db } = await createTestDatabase();
    const seqs = (await appendMany(db, 3)).map((row) => row.seq);
    await tamper(
      db,
      `update change_log set occurred_at = occurred_at + interval '1 microsecond' where seq = ${seqs[1]}`,
    );
    expect(await verifyChangeLog(db)).toMatchObject({ ok: false, firstBadSeq: seqs[1], reason: 'hash mismatch' });
  });

  it('names the entry after one that was deleted, and one re-hashed to hide an edit', async () => {
    const { db } = await createTestDatabase();
    const seqs = (await appendMany(db, 5)).map((row) => row.seq);
    await tamper(db, `delete from change_log where seq = ${seqs[2]}`);
    expect(await verifyChangeLog(db)).toEqual({ ok: false, checked: 3, firstBadSeq: seqs[3], reason: 'broken link' });

    const other = (await createTestDatabase()).db;
    const otherSeqs = (await appendMany(other, 4)).map((row) => row.seq);
    await tamper(other, `update change_log set hash = repeat('a', 64) where seq = ${otherSeqs[1]}`);
    expect(await verifyChangeLog(other)).toMatchObject({
      ok: false,
      firstBadSeq: otherSeqs[1],
      reason: 'hash mismatch',
    });
  });

  it('refuses ordinary updates and deletes', async () => {
    const { db } = await createTestDatabase();
    await appendMany(db, 2);
    expect(await failure(db.update(changeLog).set({ actorLabel: 'Otra persona' }))).toContain('append-only');
    expect(await failure(db.delete(changeLog))).toContain('append-only');
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true, checked: 2 });
  });

  it('is written in the transaction of the change: a rolled-back change leaves no entry', async () => {
    const { db } = await createTestDatabase();
    await expect(
      db.transaction(async (tx) => {
        await createInstitution(
          tx,
          { name: 'Colectivo que no llegó a registrarse', kind: 'collective', isGovernment: false },
          portalActor,
        );
        throw new Error('something later failed');
      }),
    ).rejects.toThrow('something later failed');
    expect((await db.select({ n: count() }).from(institutions))[0]!.n).toBe(0);
    expect((await db.select({ n: count() }).from(changeLog))[0]!.n).toBe(0);

    const actor = { id: '3F0C1D2E-4B5A-4C6D-8E7F-90A1B2C3D4E5', label: 'Administración del portal' };
    const created = await createInstitution(
      db,
      { name: 'Colectivo Ciudadano de Durango', kind: 'collective', isGovernment: false },
      personActor(actor.id, ['admin']),
    );
    const [logged] = await db.select().from(changeLog).where(eq(changeLog.recordId, created.id));
    expect(logged).toMatchObject({
      recordType: 'institution',
      action: 'create',
      actorId: actor.id.toLowerCase(),
      actorLabel: actor.label,
      before: null,
    });
    expect(logged!.after).toMatchObject({
      id: created.id,
      name: 'Colectivo Ciudadano de Durango',
      createdAt: created.createdAt.toISOString(),
    });
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true, checked: 1 });
  });

  it('must be called inside a transaction, and never shows an e-mail as who acted', async () => {
    const { db } = await createTestDatabase();
    await expect(appendChange(db, entry(1))).rejects.toThrow(/inside the transaction/);
    await expect(
      db.transaction((tx) => appendChange(tx, { ...entry(1), actor: { id: null, label: 'ana@example.org' } })),
    ).rejects.toThrow(/never an e-mail/);
    expect((await db.select({ n: count() }).from(changeLog))[0]!.n).toBe(0);
  });

  it('records every public record of the demo, and the chain verifies', async () => {
    const { db } = await createTestDatabase({ withDemo: true });
    const byType = await db
      .select({ recordType: changeLog.recordType, action: changeLog.action, n: count() })
      .from(changeLog)
      .groupBy(changeLog.recordType, changeLog.action)
      .orderBy(changeLog.recordType, changeLog.action);
    // The demo's plans are created as they stand; the Secretariat's sessions and agreements carry their lifecycle
    // (convened, held, minutes approved; follow-up); problems their dispositions.
    expect(byType).toEqual([
      { recordType: 'action_plan', action: 'create', n: 2 },
      { recordType: 'activity', action: 'create', n: 51 },
      { recordType: 'agreement', action: 'create', n: 7 },
      { recordType: 'agreement', action: 'update', n: 7 },
      { recordType: 'call', action: 'create', n: 2 },
      // The demo's hidden problem: its text was redacted from its creation entry.
      { recordType: 'change_log_entry', action: 'update', n: 1 },
      { recordType: 'commitment', action: 'create', n: 17 },
      { recordType: 'commitment_origin', action: 'create', n: 14 },
      { recordType: 'design_assessment', action: 'create', n: 8 },
      { recordType: 'document', action: 'create', n: 2 },
      { recordType: 'end_assessment', action: 'create', n: 7 },
      { recordType: 'exercise', action: 'create', n: 3 },
      { recordType: 'exercise', action: 'update', n: 1 },
      { recordType: 'institution', action: 'create', n: 16 },
      { recordType: 'lesson', action: 'create', n: 4 },
      { recordType: 'milestone', action: 'create', n: 27 },
      { recordType: 'prioritisation', action: 'update', n: 2 },
      { recordType: 'priority_criterion', action: 'create', n: 3 },
      { recordType: 'privacy_notice', action: 'create', n: 2 },
      { recordType: 'problem', action: 'create', n: 10 },
      { recordType: 'problem', action: 'update', n: 18 },
      { recordType: 'problem_score', action: 'create', n: 21 },
      { recordType: 'progress_report', action: 'create', n: 17 },
      { recordType: 'proposal', action: 'create', n: 8 },
      { recordType: 'proposal', action: 'update', n: 16 },
      { recordType: 'results_report_version', action: 'create', n: 1 },
      { recordType: 'secretariat', action: 'create', n: 1 },
      { recordType: 'secretariat_attendance', action: 'update', n: 5 },
      { recordType: 'secretariat_membership', action: 'create', n: 14 },
      { recordType: 'secretariat_seat', action: 'create', n: 10 },
      { recordType: 'secretariat_session', action: 'create', n: 5 },
      { recordType: 'secretariat_session', action: 'update', n: 20 },
      { recordType: 'workshop', action: 'create', n: 4 },
      { recordType: 'workshop', action: 'update', n: 4 },
    ]);
    const rows = await db.select().from(changeLog);
    expect(rows.every((row) => row.actorId === null && row.actorLabel === 'Sistema')).toBe(true);
    expect(await verifyChangeLog(db)).toMatchObject({ ok: true, checked: 330 });
  });

  it('still verifies after a backup is restored into another database', async () => {
    const source = await createTestDatabase({ withDemo: true });
    const file = join(mkdtempSync(join(tmpdir(), 'cocrea-audit-')), 'backup.jsonl.gz');
    await backupDatabase(source.db, file);
    const target = await createTestDatabase();
    await restoreDatabase(target.db, file);
    expect(await verifyChangeLog(target.db)).toMatchObject({ ok: true, checked: 330 });
    await target.db.transaction((tx) => appendChange(tx, entry(1)));
    expect(await verifyChangeLog(target.db)).toMatchObject({ ok: true, checked: 331 });
  });
});
