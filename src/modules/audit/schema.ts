import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const changeActions = ['create', 'update', 'delete'] as const;
export type ChangeAction = (typeof changeActions)[number];

type FieldMap = { [field: string]: string } | null;

/**
 * The public change log: append-only, each entry chained to the previous one by SHA-256 over a canonical JSON of its
 * header and of the salted digest of each field of `before` and `after`, so altering or removing any entry breaks every
 * hash after it (`cocrea verify-log`), while a field's value (with its salt) can be redacted by a redaction entry
 * without breaking the chain (decision 30).
 */
export const changeLog = pgTable(
  'change_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The account that acted, kept privately for follows (never hashed, never published; cleared when forgotten). */
    actorId: uuid('actor_id'),
    /** Public label of who acted (a role and institution, or "Sistema"); never an e-mail. */
    actorLabel: text('actor_label').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    action: text('action', { enum: changeActions }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /** The digest of each field of before and after (covered by the hash). */
    digests: jsonb('digests').$type<{ before: FieldMap; after: FieldMap }>().notNull(),
    /** The salt of each published field; a redacted field's salt is removed with its value. */
    salts: jsonb('salts').$type<{ before: FieldMap; after: FieldMap }>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('change_log_record_idx').on(t.recordType, t.recordId, t.seq)],
);
