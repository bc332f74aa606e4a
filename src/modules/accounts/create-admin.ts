import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleAssignments, users } from './schema.js';
import { issueToken } from './consume-token.js';
import { tokenTtlMinutes } from './links.js';
import { normalizeEmail } from './secrets.js';

/**
 * Creates the first admin (or makes an existing account admin) and returns a one-time link path to choose the
 * password, valid for the invitation period. Used by `cocrea create-admin EMAIL` on the server's console.
 */
export async function createAdmin(
  db: Db,
  input: { email: string; name?: string },
): Promise<{ userId: string; setPasswordPath: string }> {
  const email = normalizeEmail(input.email);
  return db.transaction(async (tx) => {
    let [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    user ??= (
      await tx
        .insert(users)
        .values({ email, name: input.name ?? email.split('@')[0]! })
        .returning()
    )[0]!;
    await tx.insert(roleAssignments).values({ userId: user.id, role: 'admin' }).onConflictDoNothing();
    const token = await issueToken(tx, {
      userId: user.id,
      purpose: 'invitation',
      ttlMinutes: tokenTtlMinutes.invitation,
    });
    return { userId: user.id, setPasswordPath: `/recuperar/${token}` };
  });
}
