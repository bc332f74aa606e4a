import { and, asc, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { ModuleManifest } from '../../kernel/manifest.js';
import { canonicalJson, toJsonValue, type JsonValue } from './change-hash.js';
import { projectFields } from './public-projection.js';
import { changeLog } from './schema.js';

/** A live record whose public field differs from what the change log last recorded for it. */
export interface RecordDrift {
  recordType: string;
  recordId: string;
  field: string;
  /** The entry that last logged the field. */
  seq: number;
}

const BATCH = 1000;

type LoggedState = Map<string, { value: JsonValue; seq: number }>;

/** Each logged record's last state: every field as the latest entry that named it left it (a deletion forgets it). */
async function loggedStates(db: Db, recordTypes: string[]) {
  const states = new Map<string, LoggedState>();
  let lastSeq = 0;
  for (;;) {
    const rows = await db
      .select({
        seq: changeLog.seq,
        recordType: changeLog.recordType,
        recordId: changeLog.recordId,
        action: changeLog.action,
        after: sql<string | null>`${changeLog.after}::text`,
      })
      .from(changeLog)
      .where(and(gt(changeLog.seq, lastSeq), inArray(changeLog.recordType, recordTypes)))
      .orderBy(asc(changeLog.seq))
      .limit(BATCH);
    for (const row of rows) {
      const key = `${row.recordType}:${row.recordId}`;
      if (row.action === 'delete') {
        states.delete(key);
        continue;
      }
      const state = states.get(key) ?? new Map();
      const after = row.after === null ? {} : (JSON.parse(row.after) as { [field: string]: JsonValue });
      for (const [field, value] of Object.entries(after)) state.set(field, { value, seq: row.seq });
      states.set(key, state);
    }
    if (rows.length < BATCH) return states;
    lastSeq = rows[rows.length - 1]!.seq;
  }
}

/**
 * Compares the public projection of every live record of the record types that declare their table (`liveTable`)
 * with its last logged state, so that a record changed behind the log's back (a direct SQL UPDATE) is named. Records
 * never logged (a draft call) and fields the log never held (or that were redacted) are not compared.
 */
export async function checkLiveRecords(db: Db, modules: readonly ModuleManifest[]): Promise<RecordDrift[]> {
  const declared = modules.flatMap((module) =>
    Object.entries(module.records ?? {}).flatMap(([recordType, declaration]) =>
      declaration.liveTable ? [{ recordType, table: declaration.liveTable, fields: declaration.publicFields }] : [],
    ),
  );
  if (declared.length === 0) return [];
  const states = await loggedStates(
    db,
    declared.map((d) => d.recordType),
  );
  const drift: RecordDrift[] = [];
  for (const { recordType, table, fields } of declared) {
    const id = (getTableColumns(table) as Record<string, PgColumn>).id!;
    let lastId: string | undefined;
    for (;;) {
      const rows = (await db
        .select()
        .from(table)
        .where(lastId === undefined ? undefined : gt(id, lastId))
        .orderBy(asc(id))
        .limit(BATCH)) as { id: string }[];
      for (const row of rows) {
        const state = states.get(`${recordType}:${row.id}`);
        if (!state) continue;
        const live = projectFields(toJsonValue(row) as { [field: string]: JsonValue }, fields);
        for (const [field, value] of Object.entries(live)) {
          const logged = state.get(field);
          if (logged && canonicalJson(logged.value) !== canonicalJson(value))
            drift.push({ recordType, recordId: row.id, field, seq: logged.seq });
        }
      }
      if (rows.length < BATCH) break;
      lastId = rows[rows.length - 1]!.id;
    }
  }
  return drift;
}
