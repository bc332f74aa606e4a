import { eq, getTableColumns, getTableName, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  phoneDigits,
  type ModulePersonalData,
  type PersonalDataSubject,
  type PersonalDataTable,
} from '../../kernel/personal-data.js';
import { personalDataSubject } from './personal-data-subject.js';

/** The condition that finds one person's rows in a declared table (undefined: the table declares no way to). */
export function rowsOfPerson(declared: PersonalDataTable, subject: PersonalDataSubject): SQL | undefined {
  const phones = subject.phones.map(phoneDigits).filter((digits) => digits.length >= 7);
  const conditions = [
    ...(declared.byUser ?? []).map((column) => eq(column, subject.userId)),
    ...(subject.emails.length > 0
      ? (declared.byEmail ?? []).map((column) => inArray(sql`lower(${column})`, [...subject.emails]))
      : []),
    ...(phones.length > 0
      ? (declared.byPhone ?? []).map((column) =>
          inArray(sql`right(regexp_replace(coalesce(${column}, ''), '\D', '', 'g'), 10)`, phones),
        )
      : []),
    ...(declared.byMatch ? [declared.byMatch.where(subject)] : []),
  ];
  return conditions.length > 0 ? or(...conditions) : undefined;
}

/** A table's columns but those left out of the download. */
function downloadedColumns(declared: PersonalDataTable) {
  const omitted = new Set(declared.omit ?? []);
  return Object.fromEntries(
    Object.entries(getTableColumns(declared.table)).filter(([, column]) => !omitted.has(column)),
  );
}

/**
 * Everything the portal holds about a person (ARCO access right), as one JSON document: for every table a module
 * declares (its manifest's `personalData.tables`), the person's rows, found by their account, their e-mail addresses
 * or inside a value. Only secrets (hashes of the password and of tokens) and file contents are left out, and the
 * document names them.
 */
export async function exportPersonalData(db: Db, userId: string, parts: readonly ModulePersonalData[], now: Date) {
  const subject = await personalDataSubject(db, userId, parts);
  const tables: Record<string, { module: string; rows: Record<string, unknown>[] }> = {};
  const leftOut: string[] = [];
  for (const part of parts) {
    for (const declared of part.tables ?? []) {
      const where = rowsOfPerson(declared, subject);
      if (!where) continue;
      const name = getTableName(declared.table);
      const rows = await db.select(downloadedColumns(declared)).from(declared.table).where(where);
      tables[name] = { module: part.module, rows };
      leftOut.push(...(declared.omit ?? []).map((column) => `${name}.${column.name}`));
    }
  }
  const [account] = tables.users?.rows ?? [];
  return {
    exportedAt: now.toISOString(),
    account: { ...account, hasPassword: subject.hasPassword },
    identifiers: { emails: subject.emails, phones: subject.phones, names: subject.names },
    leftOut,
    tables,
  };
}
