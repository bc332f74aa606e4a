import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { privacyNotices, type PrivacyNoticeKind } from './schema.js';

/** The latest version of each kind of notice (integral, simplified). */
export async function getCurrentPrivacyNotices(db: Db) {
  const rows = await db
    .selectDistinctOn([privacyNotices.kind])
    .from(privacyNotices)
    .orderBy(privacyNotices.kind, desc(privacyNotices.version));
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return {
    integral: byKind.get('integral' satisfies PrivacyNoticeKind),
    simplified: byKind.get('simplified' satisfies PrivacyNoticeKind),
  };
}
