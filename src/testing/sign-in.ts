import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { createSession } from '../modules/accounts/create-session.js';
import { roleAssignments, sessions, users, type StaffRole } from '../modules/accounts/schema.js';
import { hashToken } from '../modules/accounts/secrets.js';
import { hashPassword } from '../modules/accounts/password.js';

let counter = 0;

/** A confirmed account with the given roles, for tests. */
export async function createTestUser(
  database: Database,
  options: {
    roles?: { role: StaffRole; institutionId?: string }[];
    email?: string;
    name?: string;
    password?: string;
  } = {},
) {
  counter += 1;
  const [user] = await database.db
    .insert(users)
    .values({
      email: options.email ?? `persona${counter}-${Date.now()}@example.mx`,
      name: options.name ?? `Persona de prueba ${counter}`,
      passwordHash: options.password ? await hashPassword(options.password) : null,
      emailConfirmedAt: new Date(),
    })
    .returning();
  for (const role of options.roles ?? []) {
    await database.db
      .insert(roleAssignments)
      .values({ userId: user!.id, role: role.role, institutionId: role.institutionId ?? null });
  }
  return user!;
}

/**
 * Signs a person in by writing the session directly (as the Epic Stack's fixtures do): returns the cookies to send
 * and the CSRF token their forms carry.
 */
export async function signInAs(database: Database, options: Parameters<typeof createTestUser>[1] = {}) {
  const user = await createTestUser(database, options);
  const { token } = await createSession(database.db, user.id, { idleHours: 8, maxDays: 30 });
  const [session] = await database.db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)));
  return { user, cookies: { sid: token }, csrf: session!.csrfToken };
}
