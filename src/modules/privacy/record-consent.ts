import type { Db } from '../../db/client.js';
import { consents } from './schema.js';

/**
 * Records that a person consented to a privacy notice for a purpose (`account`, `registration:<call id>`), in the
 * caller's transaction.
 */
export async function recordConsent(
  tx: Db,
  input: { userId: string; noticeId: string; purpose: string },
): Promise<void> {
  await tx.insert(consents).values(input);
}
