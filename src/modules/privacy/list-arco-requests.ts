import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../accounts/read-models.js';
import { arcoRequests } from './schema.js';

/** A person's own requests, newest first. */
export function listOwnArcoRequests(db: Db, userId: string) {
  return db.select().from(arcoRequests).where(eq(arcoRequests.userId, userId)).orderBy(desc(arcoRequests.receivedAt));
}

/** Every request for admins, the nearest deadline first, with who filed it. */
export function listAllArcoRequests(db: Db) {
  return db
    .select({ request: arcoRequests, requesterName: users.name, requesterEmail: users.email })
    .from(arcoRequests)
    .leftJoin(users, eq(users.id, arcoRequests.userId))
    .orderBy(asc(arcoRequests.dueOn));
}
export type ArcoRequestRow = Awaited<ReturnType<typeof listOwnArcoRequests>>[number];

/** The date by which an answer is due: the extended one if the deadline was extended. */
export const arcoDeadline = (request: Pick<ArcoRequestRow, 'dueOn' | 'extendedDueOn'>) =>
  request.extendedDueOn ?? request.dueOn;
