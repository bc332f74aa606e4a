import { lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rateLimits, sessions, userTokens } from './schema.js';

/**
 * E-mailed links are kept this long after they expire, so that following an old one still says "expired", not
 * "unknown".
 */
export const EXPIRED_LINK_GRACE_DAYS = 7;
/** Rate-limit windows last minutes; a counter untouched for a day belongs to no window any more. */
export const RATE_LIMIT_RETENTION_HOURS = 24;

const DAY = 86_400_000;

/**
 * Deletes what can never be used again: sessions past their idle expiry or their maximum age, e-mailed links expired
 * more than a week ago, and rate-limit counters of windows long ended. Run daily by a scheduled job; each table is
 * one statement, and nothing public or personal beyond these rows is touched.
 */
export async function purgeExpired(db: Db, options: { now: Date; sessionMaxDays: number }) {
  const { now } = options;
  const deletedSessions = await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.createdAt, new Date(now.getTime() - options.sessionMaxDays * DAY))),
    )
    .returning({ tokenHash: sessions.tokenHash });
  const deletedTokens = await db
    .delete(userTokens)
    .where(lt(userTokens.expiresAt, new Date(now.getTime() - EXPIRED_LINK_GRACE_DAYS * DAY)))
    .returning({ id: userTokens.id });
  const deletedCounters = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_RETENTION_HOURS * 3_600_000)))
    .returning({ key: rateLimits.key });
  return { sessions: deletedSessions.length, tokens: deletedTokens.length, rateLimits: deletedCounters.length };
}
