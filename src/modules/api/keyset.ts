import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';

/*
 * Keyset pagination of the API's collections. Every collection is ordered by a stable unique key: (created_at, id)
 * for records (new rows sort after the existing ones), `seq` for the change log, `cvegeo` for municipalities. A page
 * asks for the rows after the last key of the previous page, never an OFFSET, so walking every page returns each row
 * exactly once even while rows are added. The cursor is that key, base64url-encoded JSON: opaque to callers.
 */

export class BadCursorError extends Error {
  constructor() {
    super('malformed cursor');
  }
}

/** An instant with microseconds, as PostgreSQL keeps it (a JavaScript Date would lose them). */
const instantKey = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine((value) => {
    // A real calendar instant (no 30 February), which PostgreSQL would otherwise refuse with an error.
    const parsed = new Date(`${value.slice(0, 19)}Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === value.slice(0, 19);
  });
const timeIdKey = z.tuple([instantKey, z.uuid()]);

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decode<T>(cursor: string, schema: z.ZodType<T>): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursorError();
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new BadCursorError();
  return result.data;
}

/** The key column of a (created_at, id) ordered table, as text with microseconds in UTC. */
export const createdAtKey = (createdAt: AnyColumn) =>
  sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows after the cursor in (created_at, id) order; undefined for the first page. */
export function afterTimeId(createdAt: AnyColumn, id: AnyColumn, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [at, after] = decode(cursor, timeIdKey);
  return sql`(${createdAt}, ${id}) > (${at}::timestamptz, ${after}::uuid)`;
}

/** Rows after the cursor of a table ordered by one integer key. */
export function afterInteger(column: AnyColumn, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [after] = decode(cursor, z.tuple([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)]));
  return sql`${column} > ${after}`;
}

/** Rows after the cursor of a table ordered by one text key of digits. */
export function afterDigits(column: AnyColumn, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [after] = decode(cursor, z.tuple([z.string().regex(/^\d{1,10}$/)]));
  return sql`${column} > ${after}`;
}

/** A page read with one row more than asked for: whether there is a next page, and the rows to return. */
export function splitPage<Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | number)[],
): { rows: Row[]; next: string | null } {
  if (rows.length <= limit) return { rows, next: null };
  const page = rows.slice(0, limit);
  return { rows: page, next: encodeCursor(keyOf(page[page.length - 1]!)) };
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  data: T[];
  next: string | null;
}
