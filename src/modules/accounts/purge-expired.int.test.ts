import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { createTestUser } from '../../testing/sign-in.js';
import { createSession } from './create-session.js';
import { hitRateLimit } from './hit-rate-limit.js';
import { purgeExpired } from './purge-expired.js';
import { rateLimits, sessions, userTokens } from './schema.js';
import { hashToken } from './secrets.js';
import { issueToken, isTokenUsable } from './consume-token.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-12-01T09:17:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('the daily purge of what can never be used again', () => {
  it('deletes expired and too-old sessions, links expired over a week ago and ended rate-limit windows, and keeps the rest', async () => {
    const { app, database } = await createTestApp();
    const db = database.db;
    const person = await createTestUser(database);
    const policy = { idleHours: 8, maxDays: 30 };
    // Sessions: one idle too long, one older than the maximum age (still within its idle window), one alive.
    const idle = await createSession(db, person.id, policy, ago(9 * HOUR));
    const old = await createSession(db, person.id, { idleHours: 24 * 40, maxDays: 30 }, ago(31 * DAY));
    const alive = await createSession(db, person.id, policy, ago(HOUR));
    // Links: one expired eight days ago, one expired yesterday (still answers "expired"), one valid.
    const stale = await issueToken(db, { userId: person.id, purpose: 'sign_in', ttlMinutes: 15 }, ago(8 * DAY));
    const recent = await issueToken(db, { userId: person.id, purpose: 'sign_in', ttlMinutes: 15 }, ago(DAY));
    const valid = await issueToken(db, { userId: person.id, purpose: 'sign_in', ttlMinutes: 15 }, ago(60_000));
    // Rate-limit counters: one from two days ago, one from ten minutes ago.
    await hitRateLimit(db, 'signin:ip:old', 15 * 60_000, ago(2 * DAY));
    await hitRateLimit(db, 'signin:ip:now', 15 * 60_000, ago(10 * 60_000));

    const deleted = await purgeExpired(db, { now, sessionMaxDays: 30 });
    expect(deleted).toEqual({ sessions: 2, tokens: 1, rateLimits: 1 });
    const left = await db.select({ tokenHash: sessions.tokenHash }).from(sessions);
    expect(left.map((s) => s.tokenHash)).toEqual([hashToken(alive.token)]);
    expect([idle.token, old.token].map(hashToken).some((hash) => left.some((s) => s.tokenHash === hash))).toBe(false);
    expect((await db.select().from(userTokens)).length).toBe(2);
    expect(await isTokenUsable(db, valid, ['sign_in'], now)).toBe(true);
    // The link that expired yesterday is still there (it answers "expired"); the older one is gone.
    const hashes = (await db.select({ tokenHash: userTokens.tokenHash }).from(userTokens)).map((t) => t.tokenHash);
    expect(hashes).toContain(hashToken(recent));
    expect(hashes).not.toContain(hashToken(stale));
    expect((await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key)).toEqual(['signin:ip:now']);
    // A second run finds nothing more.
    expect(await purgeExpired(db, { now, sessionMaxDays: 30 })).toEqual({ sessions: 0, tokens: 0, rateLimits: 0 });
    await app.close();
  });
});
