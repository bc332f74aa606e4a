import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { institutions, municipalities } from './schema.js';

/** Every institution with its municipality's name, by name. */
export function listInstitutions(db: Db) {
  return db
    .select({ institution: institutions, municipalityName: municipalities.name })
    .from(institutions)
    .leftJoin(municipalities, eq(municipalities.cvegeo, institutions.municipalityCvegeo))
    .orderBy(asc(institutions.name));
}

export async function getInstitution(db: Db, id: string) {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id)).limit(1);
  if (!row) throw notFound('institution');
  return row;
}
