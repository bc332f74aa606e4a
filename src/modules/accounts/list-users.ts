import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../directory/schema.js';
import { roleAssignments, users } from './schema.js';

/** People with an account and their roles, in two queries whatever their number. */
export async function listUsers(db: Db) {
  const people = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      status: users.status,
      emailConfirmedAt: users.emailConfirmedAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .orderBy(asc(users.name));
  const ids = people.map((person) => person.id);
  const roles = ids.length
    ? await db
        .select({
          id: roleAssignments.id,
          userId: roleAssignments.userId,
          role: roleAssignments.role,
          institutionName: institutions.name,
        })
        .from(roleAssignments)
        .leftJoin(institutions, eq(institutions.id, roleAssignments.institutionId))
        .where(inArray(roleAssignments.userId, ids))
    : [];
  return people.map((person) => ({ ...person, roles: roles.filter((role) => role.userId === person.id) }));
}
export type UserListEntry = Awaited<ReturnType<typeof listUsers>>[number];
