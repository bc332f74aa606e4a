import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { municipalities } from '../directory/schema.js';
import { registrations, sectors, type RegistrationStatus, type Sector } from './schema.js';

/**
 * The statuses that count as a registration in the public figures: confirmed by e-mail, and accepted. A registration
 * waiting for its e-mail confirmation is not one yet; rejected and withdrawn ones no longer are.
 */
export const countedStatuses = ['confirmed', 'accepted'] as const satisfies readonly RegistrationStatus[];

export interface RegistrationFigures {
  total: number;
  /** Every sector, 0 included, by count (largest first), then in the order of `sectors`. */
  bySector: { sector: Sector; count: number }[];
  /** Every municipality of the directory (the state's), 0 included, by count (largest first), then by name. */
  byMunicipality: { cvegeo: string; name: string; count: number }[];
}

const byName = new Intl.Collator('es-MX', { sensitivity: 'base' });

/**
 * The aggregate figures of a call's registrations, in two queries whatever their number. Never returns anything
 * about a person: only counts.
 */
export async function countRegistrations(
  db: Db,
  callId: string,
  options: { stateCode?: string } = {},
): Promise<RegistrationFigures> {
  const counted = and(eq(registrations.callId, callId), inArray(registrations.status, [...countedStatuses]));
  const [sectorRows, municipalityRows] = await Promise.all([
    db
      .select({ sector: registrations.sector, count: count() })
      .from(registrations)
      .where(counted)
      .groupBy(registrations.sector),
    db
      .select({ cvegeo: municipalities.cvegeo, name: municipalities.name, count: count(registrations.id) })
      .from(municipalities)
      .leftJoin(registrations, and(eq(registrations.municipalityCvegeo, municipalities.cvegeo), counted))
      .where(options.stateCode ? eq(municipalities.stateCode, options.stateCode) : undefined)
      .groupBy(municipalities.cvegeo, municipalities.name),
  ]);
  const bySectorCount = new Map(sectorRows.map((row) => [row.sector, Number(row.count)]));
  const bySector = sectors
    .map((sector, order) => ({ sector, count: bySectorCount.get(sector) ?? 0, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map(({ sector, count }) => ({ sector, count }));
  const byMunicipality = municipalityRows
    .map((row) => ({ cvegeo: row.cvegeo, name: row.name, count: Number(row.count) }))
    .sort((a, b) => b.count - a.count || byName.compare(a.name, b.name) || a.cvegeo.localeCompare(b.cvegeo));
  return { total: bySector.reduce((sum, row) => sum + row.count, 0), bySector, byMunicipality };
}
