import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { roleAssignments, sessions, users } from '../accounts/read-models.js';
import { emails } from '../notifications/read-models.js';
import { arcoRequests, consents, privacyNotices } from './schema.js';

/** Everything the portal holds about a person (ARCO access right), as one JSON document. */
export async function exportPersonalData(db: Db, userId: string, now: Date) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError('not_found', 'user');
  const { passwordHash, ...account } = user;
  const [roles, consentRows, requests, mail, sessionRows] = await Promise.all([
    db
      .select({
        role: roleAssignments.role,
        institutionId: roleAssignments.institutionId,
        since: roleAssignments.createdAt,
      })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, userId)),
    db
      .select({
        purpose: consents.purpose,
        givenAt: consents.givenAt,
        notice: { kind: privacyNotices.kind, version: privacyNotices.version },
      })
      .from(consents)
      .innerJoin(privacyNotices, eq(privacyNotices.id, consents.noticeId))
      .where(eq(consents.userId, userId)),
    db.select().from(arcoRequests).where(eq(arcoRequests.userId, userId)),
    db
      .select({
        to: emails.toAddress,
        subject: emails.subject,
        template: emails.template,
        status: emails.status,
        createdAt: emails.createdAt,
        sentAt: emails.sentAt,
      })
      .from(emails)
      .where(eq(emails.userId, userId)),
    db
      .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
  ]);
  return {
    exportedAt: now.toISOString(),
    account: { ...account, hasPassword: passwordHash !== null },
    roles,
    consents: consentRows,
    arcoRequests: requests,
    emails: mail,
    sessions: sessionRows,
  };
}
