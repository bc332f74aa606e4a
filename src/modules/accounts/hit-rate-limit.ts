import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Counts one hit on each key in a fixed window kept in the database (one statement), so every process shares the
 * same counters. Returns, for the most-hit key, the hits so far in its window and the milliseconds left in it.
 */
export async function hitRateLimit(
  db: Db,
  keys: string | string[],
  windowMs: number,
  now = new Date(),
): Promise<{ hits: number; ttlMs: number }> {
  const rows = sql.join(
    (Array.isArray(keys) ? keys : [keys]).map((key) => sql`(${key}, ${now.toISOString()}::timestamptz, 1)`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    insert into rate_limits (key, window_start, hits) values ${rows}
    on conflict (key) do update set
      hits = case when rate_limits.window_start + make_interval(secs => ${windowMs / 1000}) <= excluded.window_start then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start + make_interval(secs => ${windowMs / 1000}) <= excluded.window_start then excluded.window_start else rate_limits.window_start end
    returning hits, window_start`)) as unknown as { rows: { hits: number; window_start: string | Date }[] };
  const row = result.rows.reduce((most, candidate) => (Number(candidate.hits) > Number(most.hits) ? candidate : most));
  const start = new Date(row.window_start).getTime();
  return { hits: Number(row.hits), ttlMs: Math.max(0, start + windowMs - now.getTime()) };
}
