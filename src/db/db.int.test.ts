import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createEmptyDatabase, createTestDatabase } from '../testing/test-db.js';
import { TEST_NOW } from '../testing/constants.js';
import { migrate } from './migrate.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import { seedDemoIfEmpty } from '../demo/seed-demo.js';
import { calls } from '../modules/calls/schema.js';
import { exercises } from '../modules/exercises/schema.js';
import { municipalities } from '../modules/directory/schema.js';
import { privacyNotices } from '../modules/privacy/schema.js';
import type { Db } from './client.js';

async function snapshot(db: Db) {
  const tables = ['municipalities', 'institutions', 'exercises', 'exercise_phases', 'calls', 'privacy_notices'];
  const result: Record<string, unknown> = {};
  for (const table of tables) {
    const rows = (await db.execute(
      sql.raw(
        `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h, count(*)::int as n from "${table}" t`,
      ),
    )) as unknown as {
      rows: { h: string; n: number }[];
    };
    result[table] = rows.rows[0];
  }
  return result;
}

describe('database', () => {
  it('applies the committed migrations to an empty database, twice without harm, with search extensions', async () => {
    const database = await createEmptyDatabase();
    await migrate(database);
    await migrate(database);
    const { rows } = (await database.db.execute(
      sql`select immutable_unaccent('Gómez Palacio') as plain, similarity('Tepehuanes', 'Tepehuanez') > 0.5 as similar`,
    )) as unknown as {
      rows: { plain: string; similar: boolean }[];
    };
    expect(rows[0]).toEqual({ plain: 'Gomez Palacio', similar: true });
  });

  it('seeds the demo once: 39 municipalities, three exercises, the open demo call and the privacy notices', async () => {
    const database = await createTestDatabase();
    expect(await seedDemoIfEmpty(database.db, TEST_NOW)).toBe(true);
    expect(await seedDemoIfEmpty(database.db, TEST_NOW)).toBe(false);
    const [m] = await database.db.select({ n: count() }).from(municipalities);
    const [e] = await database.db.select({ n: count() }).from(exercises);
    const [c] = await database.db.select({ n: count() }).from(calls);
    const [p] = await database.db.select({ n: count() }).from(privacyNotices);
    expect([m?.n, e?.n, c?.n, p?.n]).toEqual([39, 3, 2, 2]);
  });

  it('backs up every row and restores them all into an emptied database', async () => {
    const database = await createTestDatabase({ withDemo: true });
    const before = await snapshot(database.db);
    const file = join(mkdtempSync(join(tmpdir(), 'cocrea-backup-')), 'backup.jsonl.gz');
    const written = await backupDatabase(database.db, file);
    expect(written.municipalities).toBe(39);

    // Every stage's rows reference exercises, institutions or municipalities: emptying those three with CASCADE empties
    // every table that refers to them, whatever later modules add.
    await database.db.execute(sql`truncate exercises, institutions, municipalities, privacy_notices cascade`);
    expect((await snapshot(database.db)).municipalities).toMatchObject({ n: 0 });

    const restored = await restoreDatabase(database.db, file);
    expect(restored).toEqual(written);
    expect(await snapshot(database.db)).toEqual(before);
  });

  it('carries free-standing sequences (reference numbers) across a backup', async () => {
    const source = await createTestDatabase({ withDemo: true });
    for (let i = 0; i < 3; i++) await source.db.execute(sql`select nextval('registration_number_seq')`);
    const file = join(mkdtempSync(join(tmpdir(), 'cocrea-backup-')), 'backup.jsonl.gz');
    await backupDatabase(source.db, file);
    const target = await createTestDatabase();
    await restoreDatabase(target.db, file);
    const { rows } = (await target.db.execute(sql`select nextval('registration_number_seq') as n`)) as unknown as {
      rows: { n: string }[];
    };
    expect(Number(rows[0]!.n)).toBe(4);
  });

  it('restores into a different database and refuses a file that is not a backup', async () => {
    const source = await createTestDatabase({ withDemo: true });
    const file = join(mkdtempSync(join(tmpdir(), 'cocrea-backup-')), 'backup.jsonl.gz');
    await backupDatabase(source.db, file);
    const target = await createTestDatabase();
    await restoreDatabase(target.db, file);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    const notBackup = join(tmpdir(), 'not-a-backup.gz');
    const { writeFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    writeFileSync(notBackup, gzipSync('{"hello":1}\n'));
    await expect(restoreDatabase(target.db, notBackup)).rejects.toThrow(/not a Cocrea backup/);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  });
});
