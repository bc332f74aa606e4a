import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hasRole, type Actor } from '../../kernel/actor.js';
import { secretariatMemberships, secretariatSeats } from './schema.js';

/** Who runs sessions and records agreements: admins and the facilitator. */
export const canRunSessions = (actor: Actor | undefined) => hasRole(actor, 'admin') || hasRole(actor, 'facilitator');

/**
 * Draft minutes: those who run sessions, and any signed-in person holding a membership of this Secretariat (linked
 * to their account, or under their confirmed e-mail address).
 */
export async function canSeeDraftMinutes(db: Db, actor: Actor | undefined, secretariatId: string): Promise<boolean> {
  if (!actor) return false;
  if (canRunSessions(actor)) return true;
  const [row] = await db
    .select({ id: secretariatMemberships.id })
    .from(secretariatMemberships)
    .innerJoin(secretariatSeats, eq(secretariatSeats.id, secretariatMemberships.seatId))
    .where(
      and(
        eq(secretariatSeats.secretariatId, secretariatId),
        actor.isEmailConfirmed
          ? or(
              eq(secretariatMemberships.userId, actor.userId),
              sql`lower(${secretariatMemberships.email}) = ${actor.email.toLowerCase()}`,
            )
          : eq(secretariatMemberships.userId, actor.userId),
      ),
    )
    .limit(1);
  return Boolean(row);
}
