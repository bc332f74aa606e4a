import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isSystemActor, type ActingParty } from '../../kernel/actor.js';
import { AppError } from '../../shared/errors.js';
import { forgetEmailsOf } from '../notifications/forget-emails.js';
import { roleAssignments, sessions, userTokens, users } from './schema.js';

/**
 * Cancels an account (ARCO cancellation): personal data are removed or anonymised, public records stay intact
 * (they never hold a person's name or e-mail: the change log shows roles and institutions). The user row stays as
 * an anonymous placeholder so references from public records keep pointing somewhere. Only the person themselves
 * (or the portal acting itself) may cancel an account.
 */
export async function cancelAccount(db: Db, userId: string, actor: ActingParty): Promise<void> {
  if (!isSystemActor(actor) && actor.userId !== userId)
    throw new AppError('forbidden', 'only the person themselves may cancel their account');
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        name: 'Cuenta cancelada',
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
    await forgetEmailsOf(tx, userId);
  });
}
