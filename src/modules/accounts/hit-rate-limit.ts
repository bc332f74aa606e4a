import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * Counts one hit on `key` in a fixed window kept in the database, so every process shares the same counters.
 * Returns the hits so far in the current window and the milliseconds left in it.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number, now = new Date()): Promise<{ hits: number; ttlMs: number }> {
  const result = (await db.execute(sql`
    insert into rate_limits (key, window_start, hits) values (${key}, ${now.toISOString()}::timestamptz, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start + make_interval(secs => ${windowMs / 1000}) <= excluded.window_start then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start + make_interval(secs => ${windowMs / 1000}) <= excluded.window_start then excluded.window_start else rate_limits.window_start end
    returning hits, window_start`)) as unknown as { rows: { hits: number; window_start: string | Date }[] };
  const row = result.rows[0]!;
  const start = new Date(row.window_start).getTime();
  return { hits: Number(row.hits), ttlMs: Math.max(0, start + windowMs - now.getTime()) };
}
