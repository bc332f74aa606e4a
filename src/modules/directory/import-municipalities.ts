import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { municipalities } from './schema.js';

const rowSchema = z.object({
  cvegeo: z.string().regex(/^\d{5}$/),
  nombre: z.string().min(1),
  poblacion_2020: z.coerce.number().int().nonnegative(),
});

/** Parses INEGI's municipal table (cvegeo,nombre,poblacion_2020; UTF-8, header row, no quoted commas). */
export function parseMunicipalitiesCsv(text: string) {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = (header ?? '').split(',');
  return lines.map((line, index) => {
    const values = line.split(',');
    const parsed = rowSchema.safeParse(Object.fromEntries(columns.map((column, i) => [column, values[i]])));
    if (!parsed.success) throw new Error(`Invalid municipality on line ${index + 2}: ${line}`);
    return {
      cvegeo: parsed.data.cvegeo,
      stateCode: parsed.data.cvegeo.slice(0, 2),
      name: parsed.data.nombre,
      population: parsed.data.poblacion_2020,
    };
  });
}

/** Inserts or updates municipalities by INEGI code; returns how many rows it wrote. */
export async function importMunicipalities(db: Db, csvText: string): Promise<number> {
  const rows = parseMunicipalitiesCsv(csvText);
  if (rows.length === 0) return 0;
  await db
    .insert(municipalities)
    .values(rows)
    .onConflictDoUpdate({
      target: municipalities.cvegeo,
      set: { name: sql`excluded.name`, population: sql`excluded.population`, stateCode: sql`excluded.state_code` },
    });
  return rows.length;
}
