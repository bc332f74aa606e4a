import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Logical backups that work the same on PGlite and on a PostgreSQL server (so a backup of the embedded database
 * restores into a server: the upgrade path). Format: gzipped JSON Lines; a header line, then one line per chunk of
 * rows of a table, then a footer with the row count of every table. Rows are written by row_to_json and read back by
 * json_populate_recordset, so every PostgreSQL type round-trips through the server's own casts.
 */
export const BACKUP_FORMAT = 'cocrea-backup/1';
const CHUNK = 500;

interface Header {
  format: string;
  createdAt: string;
  migration: string | null;
  tables: string[];
  /** Sequences not owned by a column (e.g. reference numbers), with their last value. */
  sequences?: Record<string, number>;
}

/** Free-standing sequences of the public schema (those owned by a column are reset from the data). */
async function standaloneSequences(db: Db): Promise<Record<string, number>> {
  const rows = rowsOf(
    await db.execute(sql`
      select s.sequencename as name, coalesce(s.last_value, 0) as value
      from pg_sequences s
      where s.schemaname = 'public' and not exists (
        select 1 from pg_depend d join pg_class c on c.oid = d.objid
        where c.relname = s.sequencename and d.deptype in ('a', 'i') and d.classid = 'pg_class'::regclass and d.refobjsubid > 0)`),
  );
  return Object.fromEntries(rows.map((row) => [String(row.name), Number(row.value)]));
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown) => (result as { rows: Row[] }).rows;
const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** Tables of the public schema in an order where every table comes after the tables it references. */
async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = rowsOf(
    await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`),
  ).map((r) => String(r.tablename));
  const edges = rowsOf(
    await db.execute(sql`
      select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
      join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
      where k.contype = 'f' and cn.nspname = 'public' and pn.nspname = 'public' and c.relname <> p.relname`),
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.child === table) visit(String(edge.parent));
    visiting.delete(table);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

async function latestMigration(db: Db): Promise<string | null> {
  try {
    const [row] = rowsOf(
      await db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at desc limit 1`),
    );
    return row ? String(row.hash) : null;
  } catch {
    return null;
  }
}

/** A backup the restore refuses before it changes anything: not a backup, another migration level, cut short. */
export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/**
 * Writes the backup to `FILE.partial` and renames it to FILE once complete, so a failed backup (a full disk, the
 * database gone) leaves no file that looks like a backup.
 */
export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial);
  await once(stream, 'open');
  try {
    const counts = await writeBackup(db, stream);
    await rename(partial, file);
    return counts;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeBackup(db: Db, stream: NodeJS.WritableStream): Promise<Record<string, number>> {
  const gzip = createGzip();
  const out = gzip.pipe(stream);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  await db.transaction(
    async (tx) => {
      const tables = await tablesInDependencyOrder(tx);
      const header: Header = {
        format: BACKUP_FORMAT,
        createdAt: new Date().toISOString(),
        migration: await latestMigration(tx),
        tables,
        sequences: await standaloneSequences(tx),
      };
      await write(header);
      for (const table of tables) {
        counts[table] = 0;
        for (let offset = 0; ; offset += CHUNK) {
          const rows = rowsOf(
            await tx.execute(
              sql`select row_to_json(t) as r from (select * from ${ident(table)} order by 1 limit ${CHUNK} offset ${offset}) t`,
            ),
          ).map((r) => r.r);
          if (rows.length === 0) break;
          counts[table] += rows.length;
          await write({ table, rows });
          if (rows.length < CHUNK) break;
        }
      }
      await write({ counts });
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  gzip.end();
  await finished(out);
  return counts;
}

/** Resets every serial/identity sequence of a table to its column's maximum. */
async function resetSequences(db: Db, table: string) {
  const columns = rowsOf(
    await db.execute(sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table}
      and (column_default like 'nextval(%' or is_identity = 'YES')`),
  );
  for (const { column_name: column } of columns) {
    await db.execute(
      sql`select setval(pg_get_serial_sequence(${`public."${table}"`}, ${String(column)}), coalesce((select max(${ident(String(column))}) from ${ident(table)}), 0) + 1, false)`,
    );
  }
}

/**
 * Replaces every row of every table with the backup's, in one transaction: on any error nothing changes. The
 * database must be migrated to the same level as the one backed up.
 */
export async function restoreDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const input = createReadStream(file);
  await once(input, 'open');
  const gunzip = createGunzip();
  // pipe() does not pass a read error on: the reader of the lines must see it.
  input.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? undefined : (JSON.parse(first.value) as Header);
  if (header?.format !== BACKUP_FORMAT)
    throw new BackupRefusedError(`${file} is not a Cocrea backup (${BACKUP_FORMAT})`);
  const restored: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const current = await latestMigration(tx);
    if (current !== header.migration) {
      throw new BackupRefusedError(
        'The backup was made at another migration level: run `cocrea migrate` with the matching version of Cocrea first.',
      );
    }
    const tables = await tablesInDependencyOrder(tx);
    const unknown = header.tables.filter((table) => !tables.includes(table));
    if (unknown.length)
      throw new BackupRefusedError(`The backup has tables this database does not: ${unknown.join(', ')}`);
    await tx.execute(sql`truncate ${sql.join(tables.map(ident), sql`, `)} cascade`);
    for (const table of header.tables) restored[table] = 0;
    let expected: Record<string, number> | undefined;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const entry = JSON.parse(next.value) as { table?: string; rows?: Row[]; counts?: Record<string, number> };
      if (entry.counts) {
        expected = entry.counts;
        continue;
      }
      const table = String(entry.table);
      if (!tables.includes(table)) throw new BackupRefusedError(`Unknown table in backup: ${table}`);
      await tx.execute(
        sql`insert into ${ident(table)} overriding system value select * from json_populate_recordset(null::${ident(table)}, ${JSON.stringify(entry.rows)}::json)`,
      );
      restored[table] = (restored[table] ?? 0) + (entry.rows?.length ?? 0);
    }
    if (!expected)
      throw new BackupRefusedError('The backup is incomplete (no footer): it was cut short while being written.');
    for (const [table, n] of Object.entries(expected)) {
      if ((restored[table] ?? 0) !== n)
        throw new BackupRefusedError(
          `Table ${table}: the backup announces ${n} rows but holds ${restored[table] ?? 0}`,
        );
    }
    for (const table of tables) await resetSequences(tx, table);
    for (const [name, value] of Object.entries(header.sequences ?? {})) {
      if (value > 0) await tx.execute(sql`select setval(${`public."${name}"`}, ${value}, true)`);
    }
  });
  return restored;
}
