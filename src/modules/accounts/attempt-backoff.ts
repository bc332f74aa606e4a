import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rateLimits } from './schema.js';

/**
 * Back-off for attempts that name one account (an e-mail address typed in a form): the first `free` attempts go
 * through; after them, each attempt must wait twice as long after the one before as the previous one did, from
 * `firstDelaySeconds` up to `maxDelaySeconds`, never more. So guessing at one account from many addresses slows
 * to one try per `maxDelaySeconds`, while nobody can lock a chosen person out: the owner waits at most that long.
 * The count is forgotten after `forgetAfterMinutes` without attempts (kept in `rate_limits`: the key, the count,
 * and the time of the last attempt).
 */
export interface BackoffRule {
  free: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  forgetAfterMinutes: number;
}

/** The wait required after `count` attempts, in milliseconds. */
export const backoffDelayMs = (rule: BackoffRule, count: number) =>
  count < rule.free ? 0 : Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** (count - rule.free)) * 1000;

/** How many milliseconds an attempt on `key` must still wait (0: it may go ahead now). Counts nothing. */
export async function waitBeforeAttempt(db: Db, key: string, rule: BackoffRule, now: Date): Promise<number> {
  const [row] = await db
    .select({ hits: rateLimits.hits, last: rateLimits.windowStart })
    .from(rateLimits)
    .where(eq(rateLimits.key, key))
    .limit(1);
  if (!row) return 0;
  const last = row.last.getTime();
  if (now.getTime() - last >= rule.forgetAfterMinutes * 60_000) return 0;
  return Math.max(0, last + backoffDelayMs(rule, row.hits) - now.getTime());
}

/** Counts one attempt on `key` (a count forgotten after `forgetAfterMinutes` quiet starts again at one). */
export async function recordAttempt(db: Db, key: string, rule: BackoffRule, now: Date): Promise<void> {
  await db.execute(sql`
    insert into rate_limits (key, window_start, hits) values (${key}, ${now.toISOString()}::timestamptz, 1)
    on conflict (key) do update set
      hits = case when rate_limits.window_start + make_interval(mins => ${rule.forgetAfterMinutes}) <= excluded.window_start then 1 else rate_limits.hits + 1 end,
      window_start = excluded.window_start`);
}

/** Forgets the attempts on `key` (after a successful sign-in). */
export async function forgetAttempts(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
