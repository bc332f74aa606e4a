import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { secretariatAgendaItems } from './schema.js';

/** The agenda titles of several sessions at once, by session id, in order. */
export async function getSessionAgendaTitles(db: Db, sessionIds: string[]): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  if (sessionIds.length === 0) return byId;
  const rows = await db
    .select()
    .from(secretariatAgendaItems)
    .where(inArray(secretariatAgendaItems.sessionId, sessionIds))
    .orderBy(asc(secretariatAgendaItems.position));
  for (const row of rows) byId.set(row.sessionId, [...(byId.get(row.sessionId) ?? []), row.title]);
  return byId;
}
