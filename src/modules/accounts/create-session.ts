import type { Db } from '../../db/client.js';
import { hashToken, randomToken } from './secrets.js';
import { sessions, users } from './schema.js';
import { eq } from 'drizzle-orm';

export interface SessionPolicy {
  idleHours: number;
  maxDays: number;
}

/** Opens a new session (a fresh token at every sign-in) and records the sign-in. Returns the cookie token. */
export async function createSession(
  db: Db,
  userId: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + policy.idleHours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken: randomToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
  return { token, expiresAt };
}
