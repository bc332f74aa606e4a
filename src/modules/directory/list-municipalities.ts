import { asc, desc, eq } from 'drizzle-orm';
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

/** Every municipality in alphabetical order (Spanish collation is the database's; accents sort with their letter). */
export function listMunicipalitiesByName(db: Db) {
  return db.select().from(municipalities).orderBy(asc(municipalities.name));
}

/** One municipality by its INEGI code, or undefined. */
export async function getMunicipality(db: Db, cvegeo: string) {
  const [municipality] = await db.select().from(municipalities).where(eq(municipalities.cvegeo, cvegeo));
  return municipality;
}
