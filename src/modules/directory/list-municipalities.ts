import { asc, desc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { municipalities } from './schema.js';

export function listMunicipalities(db: Db) {
  return db.select().from(municipalities).orderBy(asc(municipalities.cvegeo));
}

export function listMostPopulousMunicipalities(db: Db, limit: number) {
  return db
    .select()
    .from(municipalities)
    .orderBy(desc(municipalities.population), asc(municipalities.cvegeo))
    .limit(limit);
}
