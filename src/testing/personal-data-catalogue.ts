import { getTableName, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { ModulePersonalData } from '../kernel/personal-data.js';

/*
 * The database's own catalogue, read for the privacy tests: which columns refer to a person, and where a value
 * occurs. The tests compare it with what the modules declare (kernel/personal-data.ts), so that a table added
 * without a declaration is found by the database, not by someone remembering it.
 */

const rowsOf = <T>(result: unknown): T[] => {
  const value = result as { rows?: T[] } | T[];
  return Array.isArray(value) ? value : (value.rows ?? []);
};
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `table.column` of every column with a foreign key to `users(id)`. */
export async function columnsReferencingUsers(db: Db): Promise<string[]> {
  const rows = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select cls.relname as table_name, att.attname as column_name
      from pg_constraint con
      join pg_class cls on cls.oid = con.conrelid
      join pg_attribute att on att.attrelid = con.conrelid and att.attnum = any(con.conkey)
      where con.contype = 'f' and con.confrelid = 'public.users'::regclass`),
  );
  return rows.map((row) => `${row.table_name}.${row.column_name}`).sort();
}

/** Column names that say they hold an e-mail address or a phone number. */
export const contactColumnName = /(^|_)(e_?mail|phone|telefono|to_address)$/;

/** `table.column` of every column of the portal's tables whose name says it holds an e-mail address or a phone. */
export async function contactColumns(db: Db): Promise<string[]> {
  const rows = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' order by table_name, column_name`),
  );
  return rows.filter((row) => contactColumnName.test(row.column_name)).map((r) => `${r.table_name}.${r.column_name}`);
}

/** Every base table of the database (every schema but PostgreSQL's own) with its columns but file contents. */
async function everyTable(db: Db) {
  const columns = rowsOf<{ table_schema: string; table_name: string; column_name: string }>(
    await db.execute(sql`
      select c.table_schema, c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE' and c.data_type <> 'bytea'
        and c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\\_%'
      order by c.table_schema, c.table_name, c.ordinal_position`),
  );
  const tables = new Map<string, { schema: string; name: string; columns: string[] }>();
  for (const column of columns) {
    const key = `${column.table_schema}.${column.table_name}`;
    const table = tables.get(key) ?? { schema: column.table_schema, name: column.table_name, columns: [] };
    table.columns.push(column.column_name);
    tables.set(key, table);
  }
  return [...tables.values()];
}

/**
 * `table.column` (with `schema.` before it outside `public`) of every column, in every table of the database, whose
 * value as text contains one of `needles` (case-insensitive). Tables are found in the catalogue: a new one is read
 * too. File contents (bytea) are not read.
 */
export async function columnsContaining(db: Db, needles: readonly string[]): Promise<string[]> {
  const patterns = needles.map((needle) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const found: string[] = [];
  for (const table of await everyTable(db)) {
    const checks = table.columns.map(
      (column) =>
        sql`bool_or(${sql.join(
          patterns.map((pattern) => sql`${sql.raw(quote(column))}::text ilike ${pattern}`),
          sql` or `,
        )}) as ${sql.raw(quote(column))}`,
    );
    const [row] = rowsOf<Record<string, boolean | null>>(
      await db.execute(
        sql`select ${sql.join(checks, sql`, `)} from ${sql.raw(`${quote(table.schema)}.${quote(table.name)}`)}`,
      ),
    );
    const prefix = table.schema === 'public' ? '' : `${table.schema}.`;
    for (const column of table.columns) if (row?.[column]) found.push(`${prefix}${table.name}.${column}`);
  }
  return found;
}

/** What the modules declare: the columns covered (`table.column`), their tables, and columns declared not personal. */
export function declaredCoverage(parts: readonly ModulePersonalData[]) {
  const columns = new Set<string>();
  const tables = new Set<string>();
  const notPersonal = new Map<string, string>();
  for (const part of parts) {
    for (const declared of part.tables ?? []) {
      const table = getTableName(declared.table);
      tables.add(table);
      for (const column of [
        ...(declared.byUser ?? []),
        ...(declared.byEmail ?? []),
        ...(declared.byPhone ?? []),
        ...(declared.byMatch?.columns ?? []),
      ])
        columns.add(`${table}.${column.name}`);
    }
    for (const [column, reason] of Object.entries(part.notPersonal ?? {})) notPersonal.set(column, reason);
  }
  return { columns, tables, notPersonal };
}
