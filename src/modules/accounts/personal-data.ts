import { eq, like, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { PersonalDataDeclaration, PersonalDataSubject } from '../../kernel/personal-data.js';
import { hashToken } from './secrets.js';
import { rateLimits, roleAssignments, sessions, userTokens, users } from './schema.js';

/** The name a cancelled account keeps in the database; pages show "cuenta cancelada" / "cancelled account" instead. */
export const CANCELLED_ACCOUNT_NAME = 'Cuenta cancelada';

/**
 * The account itself, last step of a cancellation: the row stays as an anonymous placeholder (so the records that
 * point to it, a comment or a support, keep pointing somewhere), without name, e-mail, password or sign-in dates;
 * its sessions, e-mailed links and staff roles go, and so do the rate-limit counters kept under its address's hash.
 */
async function anonymiseAccount(tx: Db, subject: PersonalDataSubject) {
  const { userId } = subject;
  await tx
    .update(users)
    .set({
      name: CANCELLED_ACCOUNT_NAME,
      email: `cancelada-${userId}@invalid`,
      passwordHash: null,
      status: 'deleted',
      emailConfirmedAt: null,
      lastSignInAt: null,
      notificationFrequency: 'none',
    })
    .where(eq(users.id, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx.delete(userTokens).where(eq(userTokens.userId, userId));
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  const counters = subject.emails.map((email) => like(rateLimits.key, `%:account:${hashToken(email)}`));
  if (counters.length > 0) await tx.delete(rateLimits).where(or(...counters));
}

/** Accounts: the person's account, sessions, e-mailed links and staff roles (and the roles they granted). */
export const accountsPersonalData: PersonalDataDeclaration = {
  tables: [
    { table: users, byUser: [users.id], byEmail: [users.email], omit: [users.passwordHash] },
    { table: sessions, byUser: [sessions.userId], omit: [sessions.tokenHash, sessions.csrfToken] },
    { table: userTokens, byUser: [userTokens.userId], omit: [userTokens.tokenHash] },
    { table: roleAssignments, byUser: [roleAssignments.userId, roleAssignments.grantedBy] },
  ],
  anonymise: anonymiseAccount,
};
