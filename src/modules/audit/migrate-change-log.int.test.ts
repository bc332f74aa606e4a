import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { asc, sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { fromPglite, pgliteExtensions } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { migrationsDir } from '../../paths.js';
import { canonicalJson, type JsonValue } from './change-hash.js';
import { changeLog } from './schema.js';
import { verifyChangeLog } from './verify-change-log.js';

/** The migrations as an installation had them before the change log took its redactable form (up to 0013). */
function migrationsBefore0014() {
  const folder = join(mkdtempSync(join(tmpdir(), 'cocrea-migrations-')), 'migrations');
  cpSync(migrationsDir, folder, { recursive: true });
  rmSync(join(folder, '0014_change_log_redactable.sql'));
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < '0014');
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** The former hash (decision 7): SHA-256 of the canonical JSON of the nine fields, values included. */
const legacyHash = (fields: { [key: string]: JsonValue }) =>
  createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');

const opened: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of opened) await close();
});

describe('migration 0014 of the change log', () => {
  it('keeps only public fields of the entries written by the old code, re-chains them and records the old head', async () => {
    const database = fromPglite(await PGlite.create({ extensions: pgliteExtensions }), 'old installation');
    opened.push(() => database.close());
    const { db } = database;
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: migrationsBefore0014() });

    const tricky = {
      title: 'Señalética "vial" \\ con\nsalto\u0001 y 😀',
      progress: 33.333333333333336,
      small: 1e-7,
      huge: 1e21,
      tenth: 0.1,
      negative: -5,
      nested: { b: [1, null, true, { Z: 'z', a: 'a' }], B: 'mayúscula', a: {} },
    };
    const entries: { recordType: string; recordId: string; action: string; before: unknown; after: unknown }[] = [
      {
        recordType: 'commitment',
        recordId: '11111111-1111-4111-8111-111111111111',
        action: 'create',
        before: null,
        after: {
          title: 'Señalización vial',
          contacts: [{ name: 'Ana Pérez', email: 'ana.perez@example.org', phone: '618 123 4567' }],
          progress: 50,
          statusNote: null,
        },
      },
      {
        recordType: 'activity',
        recordId: '22222222-2222-4222-8222-222222222222',
        action: 'update',
        before: { status: 'done', responsiblePerson: 'Juan Ramírez' },
        after: {
          status: 'verified',
          responsiblePerson: 'Juan Ramírez',
          verifiedBy: '33333333-3333-4333-8333-333333333333',
        },
      },
      {
        recordType: 'registrations_export',
        recordId: '44444444-4444-4444-8444-444444444444',
        action: 'create',
        before: null,
        after: { rows: 3, filters: { q: 'maria lopez', sector: 'academia' } },
      },
      // A type no module declares keeps what it had, and odd values survive the SQL canonical form.
      { recordType: 'legacy_kind', recordId: 'x', action: 'update', before: { a: 1 }, after: tricky },
    ];
    let previous = '0'.repeat(64);
    for (const [i, entry] of entries.entries()) {
      const occurredAt = new Date(Date.UTC(2021, 0, 1 + i, 12, 0, 0, 123)).toISOString();
      const hash = legacyHash({
        prev_hash: previous,
        occurred_at: occurredAt,
        actor_id: null,
        actor_label: 'Sistema',
        record_type: entry.recordType,
        record_id: entry.recordId,
        action: entry.action,
        before: entry.before as JsonValue,
        after: entry.after as JsonValue,
      });
      await db.execute(sql`insert into change_log
        (occurred_at, actor_id, actor_label, record_type, record_id, action, before, after, prev_hash, hash) values
        (${occurredAt}, ${i === 1 ? '55555555-5555-4555-8555-555555555555' : null}, 'Sistema', ${entry.recordType},
         ${entry.recordId}, ${entry.action}, ${JSON.stringify(entry.before)}::jsonb, ${JSON.stringify(entry.after)}::jsonb,
         ${previous}, ${hash})`);
      previous = hash;
    }

    await migrate(database);

    const rows = await db.select().from(changeLog).orderBy(asc(changeLog.seq));
    expect(rows).toHaveLength(5);
    const text = JSON.stringify(rows.map(({ actorId: _private, ...row }) => row));
    for (const personal of ['ana.perez', '618 123', 'Ana Pérez', 'Juan Ramírez', 'maria lopez', '33333333-3333'])
      expect(text).not.toContain(personal);
    expect(rows[0]!.after).toEqual({ title: 'Señalización vial', statusNote: null });
    expect(rows[1]!.after).toEqual({ status: 'verified' });
    expect(rows[2]!.after).toEqual({ rows: 3, filters: { sector: 'academia' } });
    expect(rows[3]!.after).toEqual(tricky);
    expect(rows[4]).toMatchObject({
      recordType: 'change_log',
      action: 'update',
      after: { legacyHead: previous, legacyEntries: 4 },
    });
    // The TypeScript verifier recomputes every digest the SQL migration wrote, and the chain.
    const verified = await verifyChangeLog(db);
    expect(verified).toMatchObject({ ok: true, checked: 5, redacted: [] });
    expect(rows[4]!.hash).toBe(verified.ok ? verified.head : '');
    // Still append-only.
    await expect(db.execute(sql`update change_log set record_id = 'y' where seq = 1`)).rejects.toThrow();
  });
});
