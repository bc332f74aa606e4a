import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from './schema.js';

/** Marks a person's e-mail address confirmed (they followed a link sent to it), in the caller's transaction. */
export async function confirmEmailAddress(tx: Db, userId: string, now: Date): Promise<void> {
  await tx.update(users).set({ emailConfirmedAt: now }).where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)));
}
