import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from './schema.js';
import { consumeToken } from './consume-token.js';
import { confirmEmailAddress } from './confirm-email-address.js';

/**
 * Follows a one-time sign-in link. Following it also proves the address, so it confirms the e-mail (clearing what an
 * unconfirmed account held: see confirmEmailAddress).
 */
export async function signInWithLink(db: Db, token: string, now = new Date()): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const row = await consumeToken(tx, token, 'sign_in', now);
    if (!row) return undefined;
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).limit(1);
    if (!user || user.status !== 'active') return undefined;
    await confirmEmailAddress(tx, user.id, now);
    return user.id;
  });
}
