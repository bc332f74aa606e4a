import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../kernel/actor.js';
import { roleAssignments, sessions, users, type NotificationFrequency } from './schema.js';
import { hashToken } from './secrets.js';
import type { SessionPolicy } from './create-session.js';

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  /**
   * The person's own settings that their pages show, loaded with the session so that such a page needs no query of
   * its own. Only ever handed to a request carrying this very session.
   */
  settings: { notificationFrequency: NotificationFrequency };
  /** Epoch ms until which this result may be reused without asking the database again, unless the session changes. */
  reuseUntil: number;
}

/**
 * The actor behind a session cookie, or undefined when the session is unknown, expired (idle too long or older
 * than the maximum age) or its account is no longer active. Sliding expiry is refreshed at most once a minute.
 */
export async function loadSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<LoadedSession | undefined> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return undefined;
  const tooOld = now.getTime() - row.session.createdAt.getTime() > policy.maxDays * 86_400_000;
  if (tooOld || row.user.status !== 'active') {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return undefined;
  }
  let { lastSeenAt, expiresAt } = row.session;
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    lastSeenAt = now;
    expiresAt = new Date(now.getTime() + policy.idleHours * 3600_000);
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.idleHours * 3600_000) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  const roles = await db
    .select({ role: roleAssignments.role, institutionId: roleAssignments.institutionId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, row.user.id));
  return {
    csrfToken: row.session.csrfToken,
    settings: { notificationFrequency: row.user.notificationFrequency },
    // Until then nothing would change in the checks above (expiry, maximum age, the once-a-minute touch).
    reuseUntil: Math.min(
      lastSeenAt.getTime() + 60_000,
      expiresAt.getTime(),
      row.session.createdAt.getTime() + policy.maxDays * 86_400_000,
    ),
    actor: {
      userId: row.user.id,
      name: row.user.name,
      email: row.user.email,
      locale: row.user.locale,
      isEmailConfirmed: row.user.emailConfirmedAt !== null,
      roles,
    },
  };
}
