import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from './schema.js';
import { verifyPassword } from './password.js';
import { normalizeEmail } from './secrets.js';

/**
 * Checks an e-mail and password. Returns the user id, or undefined for any failure (unknown address, wrong
 * password, unconfirmed or disabled account) so the answer never tells which.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string },
): Promise<string | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, normalizeEmail(input.email)), eq(users.status, 'active')))
    .limit(1);
  const isValid = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !isValid || !user.emailConfirmedAt) return undefined;
  return user.id;
}
