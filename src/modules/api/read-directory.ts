import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions, municipalities } from '../directory/schema.js';
import { afterDigits, afterTimeId, createdAtKey, splitPage, type Page, type PageRequest } from './keyset.js';
import type { Institution, Municipality } from './schemas.js';

/*
 * Institutions and municipalities (reference data). An institution's contact e-mail stays off: no public page shows
 * it (only the admin's).
 */

const institutionColumns = {
  id: institutions.id,
  name: institutions.name,
  acronym: institutions.acronym,
  kind: institutions.kind,
  isGovernment: institutions.isGovernment,
  municipalityCvegeo: institutions.municipalityCvegeo,
  website: institutions.website,
  key: createdAtKey(institutions.createdAt),
};

const toInstitution = ({ key: _key, ...row }: { key: string } & Institution): Institution => row;

export async function listInstitutions(db: Db, page: PageRequest): Promise<Page<Institution>> {
  const rows = await db
    .select(institutionColumns)
    .from(institutions)
    .where(afterTimeId(institutions.createdAt, institutions.id, page.cursor))
    .orderBy(asc(institutions.createdAt), asc(institutions.id))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.key, row.id]);
  return { data: pageRows.map(toInstitution), next };
}

export async function getInstitution(db: Db, id: string): Promise<Institution | undefined> {
  const [row] = await db.select(institutionColumns).from(institutions).where(eq(institutions.id, id));
  return row && toInstitution(row);
}

const municipalityColumns = {
  cvegeo: municipalities.cvegeo,
  stateCode: municipalities.stateCode,
  name: municipalities.name,
  population: municipalities.population,
};

export async function listMunicipalities(db: Db, page: PageRequest): Promise<Page<Municipality>> {
  const rows = await db
    .select(municipalityColumns)
    .from(municipalities)
    .where(afterDigits(municipalities.cvegeo, page.cursor))
    .orderBy(asc(municipalities.cvegeo))
    .limit(page.limit + 1);
  const { rows: data, next } = splitPage(rows, page.limit, (row) => [row.cvegeo]);
  return { data, next };
}

export async function getMunicipality(db: Db, cvegeo: string): Promise<Municipality | undefined> {
  const [row] = await db.select(municipalityColumns).from(municipalities).where(eq(municipalities.cvegeo, cvegeo));
  return row;
}
