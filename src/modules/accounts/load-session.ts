import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from './actor.js';
import { roleAssignments, sessions, users } from './schema.js';
import { hashToken } from './secrets.js';
import type { SessionPolicy } from './create-session.js';

/**
 * The actor behind a session cookie, or undefined when the session is unknown, expired (idle too long or older
 * than the maximum age) or its account is no longer active. Sliding expiry is refreshed at most once a minute.
 */
export async function loadSession(db: Db, token: string, policy: SessionPolicy, now = new Date()): Promise<{ actor: Actor; csrfToken: string } | undefined> {
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
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.idleHours * 3600_000) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  const roles = await db.select({ role: roleAssignments.role, institutionId: roleAssignments.institutionId }).from(roleAssignments).where(eq(roleAssignments.userId, row.user.id));
  return {
    csrfToken: row.session.csrfToken,
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
