import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { registrations } from './read-models.js';
import { mailingRecipientStatuses } from './send-call-mailing.js';

/** How many people a next-step message of this call would reach now. */
export async function countMailingRecipients(db: Db, callId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.callId, callId),
        inArray(registrations.status, [...mailingRecipientStatuses]),
        isNull(registrations.anonymisedAt),
      ),
    );
  return Number(row?.n ?? 0);
}
