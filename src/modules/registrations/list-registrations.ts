import { z } from 'zod';
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { municipalities } from '../directory/schema.js';
import { registrationStatuses, registrations, sectors } from './schema.js';

export const registrationFilters = z.object({
  status: z.enum(registrationStatuses).optional().catch(undefined),
  sector: z.enum(sectors).optional().catch(undefined),
  municipality: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type RegistrationFilters = z.infer<typeof registrationFilters>;

export const PAGE_SIZE = 50;

/** Dates are whole days in the configured zone: `from` inclusive, `to` inclusive. */
function where(callId: string, filters: RegistrationFilters, timeZoneOffset: string): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(registrations.callId, callId)];
  if (filters.status) conditions.push(eq(registrations.status, filters.status));
  if (filters.sector) conditions.push(eq(registrations.sector, filters.sector));
  if (filters.municipality) conditions.push(eq(registrations.municipalityCvegeo, filters.municipality));
  if (filters.from)
    conditions.push(gte(registrations.createdAt, new Date(`${filters.from}T00:00:00${timeZoneOffset}`)));
  if (filters.to)
    conditions.push(
      lt(registrations.createdAt, new Date(new Date(`${filters.to}T00:00:00${timeZoneOffset}`).getTime() + 86_400_000)),
    );
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(immutable_unaccent(${registrations.fullName}) ilike immutable_unaccent(${pattern}) or ${registrations.email} ilike ${pattern} or immutable_unaccent(coalesce(${registrations.organization}, '')) ilike immutable_unaccent(${pattern}) or ${registrations.reference} ilike ${pattern})`,
    );
  }
  return and(...conditions);
}

/** One page of a call's registrations for admins (two queries whatever the page size). */
export async function listRegistrations(
  db: Db,
  callId: string,
  filters: RegistrationFilters,
  timeZoneOffset = '-06:00',
) {
  const condition = where(callId, filters, timeZoneOffset);
  const [rows, [total]] = await Promise.all([
    db
      .select({ registration: registrations, municipalityName: municipalities.name })
      .from(registrations)
      .innerJoin(municipalities, eq(municipalities.cvegeo, registrations.municipalityCvegeo))
      .where(condition)
      .orderBy(desc(registrations.createdAt))
      .limit(PAGE_SIZE)
      .offset((filters.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(registrations).where(condition),
  ]);
  return { rows, total: total?.n ?? 0, pages: Math.max(1, Math.ceil((total?.n ?? 0) / PAGE_SIZE)) };
}

/** Every registration matching the filters, for the CSV export. */
export function listAllRegistrations(db: Db, callId: string, filters: RegistrationFilters, timeZoneOffset = '-06:00') {
  return db
    .select({ registration: registrations, municipalityName: municipalities.name })
    .from(registrations)
    .innerJoin(municipalities, eq(municipalities.cvegeo, registrations.municipalityCvegeo))
    .where(where(callId, filters, timeZoneOffset))
    .orderBy(desc(registrations.createdAt));
}
