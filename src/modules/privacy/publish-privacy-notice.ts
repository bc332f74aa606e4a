import { z } from 'zod';
import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assertHoldsRole, changeActorOf, type ActingParty } from '../../kernel/actor.js';
import { appendChange } from '../audit/append-change.js';
import { privacyNoticeKinds, privacyNotices } from './schema.js';

export const publishPrivacyNoticeInput = z.object({
  kind: z.enum(privacyNoticeKinds),
  responsible: z.string().trim().min(3).max(300),
  body: z.string().trim().min(20).max(50000),
});

/** Publishes a new version of a notice; earlier versions stay, since consents point to them. */
export async function publishPrivacyNotice(
  db: Db,
  input: z.input<typeof publishPrivacyNoticeInput>,
  actor: ActingParty,
) {
  assertHoldsRole(actor, 'admin');
  const changeActor = changeActorOf(actor);
  const values = publishPrivacyNoticeInput.parse(input);
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: max(privacyNotices.version) })
      .from(privacyNotices)
      .where(and(eq(privacyNotices.kind, values.kind)));
    const [row] = await tx
      .insert(privacyNotices)
      .values({ ...values, version: (latest?.version ?? 0) + 1 })
      .returning();
    await appendChange(tx, {
      actor: changeActor,
      recordType: 'privacy_notice',
      recordId: row!.id,
      action: 'create',
      after: row,
    });
    return row!;
  });
}
