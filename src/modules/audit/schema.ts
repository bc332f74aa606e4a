import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const changeActions = ['create', 'update', 'delete'] as const;
export type ChangeAction = (typeof changeActions)[number];

/**
 * The public change log: append-only, each entry chained to the previous one by SHA-256 over a canonical JSON of
 * its fields, so altering or removing any entry breaks every hash after it (`cocrea verify-log`).
 */
export const changeLog = pgTable(
  'change_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    /** Public label of who acted (a role and institution, or "Sistema"); never an e-mail. */
    actorLabel: text('actor_label').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    action: text('action', { enum: changeActions }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('change_log_record_idx').on(t.recordType, t.recordId, t.seq)],
);
