import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { appendChange, type ChangeActor } from './append-change.js';
import type { JsonValue } from './change-hash.js';
import { changeLog } from './schema.js';

/** The record type of a redaction entry: its record id is the seq of the entry whose fields it removed. */
export const REDACTION_RECORD_TYPE = 'change_log_entry';

type Side = { [field: string]: JsonValue } | null;
type Salts = { before: { [field: string]: string } | null; after: { [field: string]: string } | null };

const fieldPattern = /^(before|after)\.[A-Za-z0-9_]+$/;

/**
 * Removes the values of some fields of a change-log entry (and their salts) from the public log, for a stated reason:
 * personal data that reached the log, a hidden problem's text. A redaction entry (who, when, which fields, why) is
 * appended in the same transaction; the removed fields' digests stay, so the chain still verifies and verify-log
 * shows them as redacted. Fields are named `before.<field>` or `after.<field>`. Returns the redaction entry's seq.
 */
export async function redactChange(
  db: Db,
  input: { seq: number; fields: string[]; reason: string; actor: ChangeActor },
): Promise<number> {
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('validation', 'a redaction states its reason', { reason: 'reasonMissing' });
  const fields = [...new Set(input.fields)].sort();
  if (fields.length === 0 || !fields.every((field) => fieldPattern.test(field)))
    throw new AppError('validation', 'name fields as before.<field> or after.<field>', { reason: 'badField' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        seq: changeLog.seq,
        before: sql<string | null>`${changeLog.before}::text`,
        after: sql<string | null>`${changeLog.after}::text`,
        salts: sql<string>`${changeLog.salts}::text`,
      })
      .from(changeLog)
      .where(eq(changeLog.seq, input.seq))
      .for('update');
    if (!row) throw new AppError('not_found', `no change-log entry #${input.seq}`);
    const sides = {
      before: row.before === null ? null : (JSON.parse(row.before) as Side),
      after: row.after === null ? null : (JSON.parse(row.after) as Side),
    };
    const salts = JSON.parse(row.salts) as Salts;
    for (const path of fields) {
      const [side, field] = path.split('.') as ['before' | 'after', string];
      const values = sides[side];
      if (!values || !Object.hasOwn(values, field))
        throw new AppError('validation', `entry #${input.seq} publishes no ${path}`, { reason: 'noSuchField' });
      delete values[field];
      delete salts[side]?.[field];
    }
    const redaction = await appendChange(tx, {
      actor: input.actor,
      recordType: REDACTION_RECORD_TYPE,
      recordId: String(input.seq),
      action: 'update',
      after: { redacted: fields, reason },
    });
    // The append-only trigger lets a redaction remove values, and nothing else, while this flag is set.
    await tx.execute(sql`select set_config('cocrea.redacting', 'on', true)`);
    await tx.execute(sql`update change_log set
      before = ${sides.before === null ? null : JSON.stringify(sides.before)}::jsonb,
      after = ${sides.after === null ? null : JSON.stringify(sides.after)}::jsonb,
      salts = ${JSON.stringify(salts)}::jsonb
      where seq = ${input.seq}`);
    await tx.execute(sql`select set_config('cocrea.redacting', 'off', true)`);
    return redaction.seq;
  });
}

/**
 * Redacts some fields of a record from every entry of the log that publishes them (e.g. a hidden problem's text), in
 * the caller's transaction when given one. Returns the seqs of the redaction entries.
 */
export async function redactRecordFields(
  db: Db,
  input: { recordType: string; recordId: string; fields: string[]; reason: string; actor: ChangeActor },
): Promise<number[]> {
  const rows = await db
    .select({
      seq: changeLog.seq,
      before: sql<string | null>`${changeLog.before}::text`,
      after: sql<string | null>`${changeLog.after}::text`,
    })
    .from(changeLog)
    .where(and(eq(changeLog.recordType, input.recordType), eq(changeLog.recordId, input.recordId)))
    .orderBy(asc(changeLog.seq));
  const redactions: number[] = [];
  for (const row of rows) {
    const published = (['before', 'after'] as const).flatMap((side) => {
      const values = row[side] === null ? {} : (JSON.parse(row[side]) as object);
      return input.fields.filter((field) => Object.hasOwn(values, field)).map((field) => `${side}.${field}`);
    });
    if (published.length > 0)
      redactions.push(
        await redactChange(db, { seq: row.seq, fields: published, reason: input.reason, actor: input.actor }),
      );
  }
  return redactions;
}
