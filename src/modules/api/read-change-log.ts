import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changeLog } from '../audit/read-models.js';
import { afterInteger, splitPage, type Page, type PageRequest } from './keyset.js';
import type { Change } from './schemas.js';

/** The hash-chained change log, whole (as /datos/historial), so anyone can verify it page by page. */

// Who acted is public as a role (actorLabel), never as an account: actorId stays in the schema, always null.
const toChange = ({ digests: _d, salts: _s, ...row }: typeof changeLog.$inferSelect): Change => ({
  ...row,
  actorId: null,
  occurredAt: row.occurredAt.toISOString(),
});

export async function listApiChanges(db: Db, page: PageRequest): Promise<Page<Change>> {
  const rows = await db
    .select()
    .from(changeLog)
    .where(afterInteger(changeLog.seq, page.cursor))
    .orderBy(asc(changeLog.seq))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.seq]);
  return { data: pageRows.map(toChange), next };
}

export async function getApiChange(db: Db, seq: number): Promise<Change | undefined> {
  const [row] = await db.select().from(changeLog).where(eq(changeLog.seq, seq));
  return row && toChange(row);
}
