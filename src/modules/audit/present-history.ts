import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hasMessage, type MessageKey } from '../../web/i18n/i18n.js';
import { isUuid, type FieldDisplay, type LabelRef, type RecordCatalog } from '../../kernel/records.js';
import { SYSTEM_ACTOR_LABEL } from './append-change.js';
import type { JsonValue } from './change-hash.js';
import { listRecordHistory, type FieldChange, type HistoryEntry } from './list-record-history.js';
import type { ChangeAction } from './schema.js';

/**
 * A logged value as a person reads it, in words the view translates: never an identifier, a digest, an enumeration's
 * stored value or a JSON key. The view (views/record-history.tsx) formats dates and numbers in the visitor's language.
 */
export type Shown =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'label'; label: LabelRef }
  | { kind: 'date'; value: string }
  | { kind: 'instant'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'bytes'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'period'; phase: Shown; start: string; end: string | null }
  | { kind: 'fieldSide'; field: LabelRef; side: 'before' | 'after' }
  | { kind: 'list'; items: Shown[] }
  | { kind: 'fields'; items: { label: LabelRef; value: Shown }[] };

export interface ShownChange {
  field: string;
  label: LabelRef;
  before: Shown;
  after: Shown;
  /** Too long to show in a list of changes: the history says "text changed" and links to the entry's comparison. */
  isLong: boolean;
  /** Whether its values are texts (a text or a list of texts) rather than other data (a calendar, a table). */
  isText: boolean;
}

/** A change-log entry as the public history shows it. */
export interface ShownEntry {
  seq: number;
  occurredAt: Date;
  /** Who acted, as logged (a role and institution); undefined: the portal itself. */
  actor: string | undefined;
  action: ChangeAction;
  /** The kind of record, on pages that gather the entries of several records (a commitment's milestones...). */
  record?: { kind: LabelRef; title: string | LabelRef | undefined } | undefined;
  changes: ShownChange[];
  /** Fields a redaction removed from the public log, by name. */
  redacted: LabelRef[];
}

/** A text or a list of texts longer than this is not repeated in a list of changes (it is on the comparison page). */
export const LONG_TEXT = 160;
const FIELD_PREFIX = 'audit.field.';
const calendarDate = /^\d{4}-\d{2}-\d{2}$/;
const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The name of a logged field (`audit.field.<field>`); a field nobody named is called "another field". */
export const fieldLabel = (field: string): LabelRef => {
  const key = `${FIELD_PREFIX}${field}`;
  return hasMessage(key) ? { key } : { key: 'audit.history.unnamedField' };
};

/** The name of a record type (`audit.recordType.<type>`), or "a record". */
export const recordTypeLabel = (recordType: string): LabelRef => {
  const key = `audit.recordType.${recordType}`;
  return hasMessage(key) ? { key } : { key: 'audit.history.someRecord' };
};

const referenceKey = (recordType: string, id: string) => `${recordType}:${id}`;
const lookupKey = (lookup: string, code: string) => `lookup:${lookup}:${code}`;

/** Names of the records and codes an entry refers to, by `recordType:id` or `lookup:<lookup>:<code>`. */
export type HistoryNames = ReadonlyMap<string, string | LabelRef>;

interface Wanted {
  references: Map<string, { recordType: string; recordId: string }>;
  lookups: Map<string, Set<string>>;
}

type Row = { readonly [key: string]: JsonValue };
const asRow = (value: JsonValue | undefined): Row =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};

/** Turns logged values into Shown values; `wanted` collects the names to look up, `names` gives them. */
class Presenter {
  constructor(
    private readonly catalog: RecordCatalog,
    private readonly names: HistoryNames,
    private readonly wanted?: Wanted,
  ) {}

  private reference(recordType: string, value: JsonValue): Shown {
    if (typeof value !== 'string') return this.plain(value);
    const key = referenceKey(recordType, value);
    const name = this.names.get(key);
    if (name !== undefined)
      return typeof name === 'string' ? { kind: 'text', text: name } : { kind: 'label', label: name };
    if (isUuid(value)) this.wanted?.references.set(key, { recordType, recordId: value });
    return { kind: 'label', label: { key: 'audit.history.unnamedRecord' } };
  }

  private lookup(lookup: string, value: JsonValue): Shown {
    if (typeof value !== 'string') return this.plain(value);
    const name = this.names.get(lookupKey(lookup, value));
    if (name !== undefined)
      return typeof name === 'string' ? { kind: 'text', text: name } : { kind: 'label', label: name };
    if (this.wanted) {
      const codes = this.wanted.lookups.get(lookup) ?? new Set<string>();
      codes.add(value);
      this.wanted.lookups.set(lookup, codes);
    }
    return { kind: 'label', label: { key: 'audit.history.unnamedCode' } };
  }

  /** A value with no declared display: by its stored type. */
  private plain(value: JsonValue): Shown {
    if (value === null) return { kind: 'none' };
    if (typeof value === 'boolean') return { kind: 'boolean', value };
    if (typeof value === 'number') return { kind: 'number', value };
    if (typeof value === 'string') {
      if (value === '') return { kind: 'none' };
      if (calendarDate.test(value)) return { kind: 'date', value };
      if (instant.test(value)) return { kind: 'instant', value };
      if (isUuid(value)) return { kind: 'label', label: { key: 'audit.history.unnamedRecord' } };
      return { kind: 'text', text: value };
    }
    return { kind: 'none' };
  }

  /** Whether a key of an object (or a field) is shown at all: identifiers and digests are for the technical view. */
  isTechnical(recordType: string, path: string) {
    return this.catalog.fieldDisplay(recordType, path)?.kind === 'technical';
  }

  /** A value of `path` (a field, or `field.key` inside the objects it holds) of a record of `recordType`. */
  show(recordType: string, path: string, value: JsonValue, row: Row): Shown {
    if (value === null || value === undefined) return { kind: 'none' };
    const display: FieldDisplay | undefined = this.catalog.fieldDisplay(recordType, path);
    if (Array.isArray(value)) {
      if (value.length === 0) return { kind: 'none' };
      return { kind: 'list', items: value.map((item) => this.show(recordType, path, item, asRow(item))) };
    }
    switch (display?.kind) {
      case 'enum': {
        const key = typeof value === 'string' ? display.label(value) : undefined;
        return key ? { kind: 'label', label: { key } } : this.plain(value);
      }
      case 'keyed':
        if (typeof value !== 'object') return this.plain(value);
        return {
          kind: 'fields',
          items: Object.entries(value).map(([key, inner]) => {
            const label = display.label(key);
            return {
              label: label ? { key: label } : { key: 'audit.history.unnamedField' },
              value: this.show(recordType, `${path}.*`, inner, asRow(inner)),
            };
          }),
        };
      case 'reference':
        return this.reference(display.recordType, value);
      case 'referenceBy': {
        const type = row[display.typeField];
        return typeof type === 'string' ? this.reference(type, value) : this.plain(value);
      }
      case 'lookup':
        return this.lookup(display.lookup, value);
      case 'numbered':
        return typeof value === 'number'
          ? { kind: 'label', label: { key: display.label, params: { n: value } } }
          : this.plain(value);
      case 'percent':
        return typeof value === 'number' ? { kind: 'percent', value } : this.plain(value);
      case 'bytes':
        return typeof value === 'number' ? { kind: 'bytes', value } : this.plain(value);
      case 'recordType':
        return typeof value === 'string' ? { kind: 'label', label: recordTypeLabel(value) } : this.plain(value);
      case 'fieldNames':
        return typeof value === 'string' ? this.fieldPath(value) : this.plain(value);
      case 'technical':
        return { kind: 'none' };
      default:
        break;
    }
    if (typeof value !== 'object') return this.plain(value);
    // A planned phase of an exercise's timeline: "Convocatoria: del 29 de septiembre al 15 de noviembre de 2020".
    if (typeof value.phase === 'string' && typeof value.startsOn === 'string') {
      return {
        kind: 'period',
        phase: this.show(recordType, `${path}.phase`, value.phase, value),
        start: value.startsOn,
        end: typeof value.endsOn === 'string' ? value.endsOn : null,
      };
    }
    const nested = path === '' ? '' : `${path}.`;
    return {
      kind: 'fields',
      items: Object.entries(value)
        .filter(([key]) => !this.isTechnical(recordType, `${nested}${key}`))
        .map(([key, inner]) => ({
          label: fieldLabel(key),
          value: this.show(recordType, `${nested}${key}`, inner, value),
        })),
    };
  }

  /** A redacted field's path (`after.title`): its name and which side it was on. */
  private fieldPath(path: string): Shown {
    const [side, field] = path.split('.');
    if ((side === 'before' || side === 'after') && field) return { kind: 'fieldSide', field: fieldLabel(field), side };
    return { kind: 'label', label: fieldLabel(path) };
  }

  change(entry: HistoryEntry, change: FieldChange, before: Row, after: Row): ShownChange {
    const recordType = entry.recordType ?? '';
    const shownBefore = this.show(recordType, change.field, change.before, before);
    const shownAfter = this.show(recordType, change.field, change.after, after);
    return {
      field: change.field,
      label: fieldLabel(change.field),
      before: shownBefore,
      after: shownAfter,
      isLong: textLength(shownBefore) > LONG_TEXT || textLength(shownAfter) > LONG_TEXT,
      isText: isText(shownBefore) && isText(shownAfter),
    };
  }
}

const isText = (value: Shown): boolean =>
  value.kind === 'none' || value.kind === 'text' || (value.kind === 'list' && value.items.every(isText));

/** About how many characters a Shown value takes once written out. */
export function textLength(value: Shown): number {
  switch (value.kind) {
    case 'text':
      return value.text.length;
    case 'list':
      return value.items.reduce((sum, item) => sum + textLength(item) + 2, 0);
    case 'fields':
      return value.items.reduce((sum, item) => sum + 20 + textLength(item.value), 0);
    case 'period':
      return 60;
    case 'none':
      return 0;
    default:
      return 20;
  }
}

/** Whether a field of a record is left out of the readable history (identifiers; the record's parent, unless changed). */
function isHidden(catalog: RecordCatalog, recordType: string, field: string, action: ChangeAction) {
  const display = catalog.fieldDisplay(recordType, field);
  if (display?.kind === 'technical') return true;
  return display?.kind === 'reference' && display.parent === true && action !== 'update';
}

function presentEntry(
  presenter: Presenter,
  catalog: RecordCatalog,
  entry: HistoryEntry,
  names: HistoryNames,
  nameRecords: boolean,
): ShownEntry {
  const recordType = entry.recordType ?? '';
  const ownName = entry.recordType ? names.get(referenceKey(entry.recordType, entry.recordId ?? '')) : undefined;
  const before = asRow(entry.before);
  const after = asRow(entry.after);
  return {
    seq: entry.seq,
    occurredAt: entry.occurredAt,
    actor: entry.actorId === null && entry.actorLabel === SYSTEM_ACTOR_LABEL ? undefined : entry.actorLabel,
    action: entry.action,
    record:
      (entry.recordTitle !== undefined || nameRecords) && entry.recordType
        ? { kind: recordTypeLabel(entry.recordType), title: entry.recordTitle || ownName }
        : undefined,
    changes: entry.changes
      .filter((change) => !isHidden(catalog, recordType, change.field, entry.action))
      .map((change) => presenter.change(entry, change, before, after))
      // A creation or deletion lists the fields that had a value.
      .filter(
        (change) =>
          entry.action === 'update' || (entry.action === 'create' ? change.after : change.before).kind !== 'none',
      ),
    redacted: (entry.redacted ?? []).map(fieldLabel),
  };
}

/**
 * The names every reference and code of these entries needs: the name of each logged record referred to, from its last
 * logged state (one query on the log, whatever the number of records), and the codes other modules name (one query
 * each at most). Names already `known` to the page (its institutions, milestones...) are not looked up again.
 */
export async function loadHistoryNames(
  db: Db,
  catalog: RecordCatalog,
  entries: readonly HistoryEntry[],
  known: HistoryNames = new Map(),
  /** Other records to name (e.g. the one an entry belongs to). */
  also: readonly { recordType: string; recordId: string }[] = [],
): Promise<HistoryNames> {
  const wanted: Wanted = { references: new Map(), lookups: new Map() };
  const presenter = new Presenter(catalog, known, wanted);
  for (const entry of entries) presentEntry(presenter, catalog, entry, known, false);
  for (const ref of also) {
    const key = referenceKey(ref.recordType, ref.recordId);
    if (!known.has(key)) wanted.references.set(key, ref);
  }
  const names = new Map(known);
  // A record named after another (a seat by its institution) takes that one's name: one more query, when needed.
  let references = [...wanted.references.values()];
  const namedAfter = new Map<string, string[]>();
  for (let round = 0; round < 2 && references.length > 0; round++) {
    const next = new Map<string, { recordType: string; recordId: string }>();
    for (const { recordType, recordId, row } of await lastLoggedStates(db, references)) {
      const key = referenceKey(recordType, recordId);
      const title = catalog.titleOf(recordType, row);
      if (title === undefined) continue;
      if (typeof title === 'string' || 'key' in title) {
        names.set(key, title);
        for (const waiting of namedAfter.get(key) ?? []) names.set(waiting, title);
        continue;
      }
      const target = referenceKey(title.recordType, title.recordId);
      const found = names.get(target);
      if (found !== undefined) names.set(key, found);
      else {
        namedAfter.set(target, [...(namedAfter.get(target) ?? []), key]);
        next.set(target, title);
      }
    }
    references = [...next.values()];
  }
  for (const [lookup, codes] of wanted.lookups) {
    const found = await catalog.lookupNames(db, lookup, [...codes]);
    for (const [code, name] of found) names.set(lookupKey(lookup, code), name);
  }
  return names;
}

/** The entries in words, with the names loaded by loadHistoryNames. */
export function presentHistory(
  catalog: RecordCatalog,
  entries: readonly HistoryEntry[],
  names: HistoryNames,
  options: { nameRecords?: boolean } = {},
): ShownEntry[] {
  const presenter = new Presenter(catalog, names);
  return entries.map((entry) => presentEntry(presenter, catalog, entry, names, options.nameRecords ?? false));
}

/** The last logged state of each record that names it (one query, whatever the number of records). */
async function lastLoggedStates(db: Db, references: readonly { recordType: string; recordId: string }[]) {
  const pairs = sql.join(
    references.map((ref) => sql`(${ref.recordType}, ${ref.recordId})`),
    sql`, `,
  );
  // The newest entry that holds a naming field (a later entry may hold only the fields it changed).
  const result = await db.execute(sql`
    select distinct on (record_type, record_id) record_type, record_id, coalesce(after, before) as row
    from change_log
    where (record_type, record_id) in (${pairs}) and coalesce(after, before) is not null
    order by record_type, record_id,
      (coalesce(after, before) ?| array['title', 'name', 'displayName', 'label', 'code', 'number', 'period', 'kind']) desc,
      seq desc`);
  return (result as unknown as { rows: { record_type: string; record_id: string; row: unknown }[] }).rows.map(
    (row) => ({
      recordType: row.record_type,
      recordId: row.record_id,
      row: typeof row.row === 'string' ? (JSON.parse(row.row) as Row) : asRow(row.row as JsonValue),
    }),
  );
}

/** Entries in words, with the names of what they refer to (known ones are not looked up). */
export async function describeHistory(
  db: Db,
  catalog: RecordCatalog,
  entries: readonly HistoryEntry[],
  known?: HistoryNames,
  /** Name the record each entry belongs to (pages that gather several records' entries). */
  options: { nameRecords?: boolean } = {},
): Promise<ShownEntry[]> {
  const own = options.nameRecords
    ? entries.flatMap((entry) =>
        entry.recordTitle === undefined && entry.recordType && entry.recordId
          ? [{ recordType: entry.recordType, recordId: entry.recordId }]
          : [],
      )
    : [];
  const names = await loadHistoryNames(db, catalog, entries, known, own);
  return presentHistory(catalog, entries, names, options);
}

/** A record's history as a page shows it: its latest changes in words (`hasMore`: its full history has more). */
export interface RecordHistoryData {
  entries: ShownEntry[];
  hasMore: boolean;
}

/** One record's latest changes (or a page of its full history, before `olderThan`) in words. */
export async function loadRecordHistory(
  db: Db,
  catalog: RecordCatalog,
  record: { recordType: string; recordId: string },
  options: { limit?: number; olderThan?: number | undefined } = {},
): Promise<RecordHistoryData> {
  const { entries, hasMore } = await listRecordHistory(db, record, options);
  return { entries: await describeHistory(db, catalog, entries), hasMore };
}

/** Every value of every enumeration the manifests declare, and every key of their keyed objects (for tests). */
export function declaredValues(
  modules: readonly {
    records?: Readonly<Record<string, { fields?: Readonly<Record<string, FieldDisplay>> }>>;
    fieldLabels?: Readonly<Record<string, FieldDisplay>>;
  }[],
): string[] {
  const values = new Set<string>();
  const add = (display: FieldDisplay) => {
    if (display.kind === 'enum') display.values.forEach((v) => values.add(v));
    if (display.kind === 'keyed') display.keys.forEach((v) => values.add(v));
  };
  for (const module of modules) {
    Object.values(module.fieldLabels ?? {}).forEach(add);
    for (const record of Object.values(module.records ?? {})) Object.values(record.fields ?? {}).forEach(add);
  }
  return [...values].sort();
}

export type { MessageKey };
