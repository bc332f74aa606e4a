import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { hasMessage, type MessageKey } from '../web/i18n/i18n.js';

/** A record people can comment on or follow: its type in the change log (`commitment`, `problem`…) and its id. */
export interface TargetRef {
  recordType: string;
  recordId: string;
}

/** What the participation module needs to know about one public target. */
export interface ResolvedTarget extends TargetRef {
  /** Its public title, in the language the record is written in. */
  title: string;
  /** The path of its public page; comments and follow buttons live there (under #comentarios). */
  path: string;
  /** Institutions whose liaisons may post an official response on it (e.g. a commitment's lead institution). */
  answeringInstitutionIds: string[];
}

/** The change-log fields the catalogue sees when it decides which followable target an entry belongs to. */
export interface ChangeLogEntryView {
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

export interface TargetDefinition {
  /** The target when it exists and is public, else undefined (then nobody can comment on it or follow it). */
  resolve(db: Db, recordId: string): Promise<ResolvedTarget | undefined>;
  /** Whether people may follow it (and get e-mail when it changes), besides commenting on it. */
  isFollowable: boolean;
}

/** Which other record a change-log entry of this type belongs to, for its followers (undefined: none). */
export type ChangeOwner = (db: Db, entry: ChangeLogEntryView) => Promise<TargetRef | undefined>;

/** What a module declares about one of its record types (its name in the change log). */
export interface RecordTypeDeclaration {
  /**
   * The fields of a logged record that are public: the change log keeps only these (`file.size` keeps one field of an
   * object). Never contact e-mails or phones, private persons' names, search terms or account ids, and no derived
   * field the portal recomputes without an entry (progress), so that verify-log can compare live records with the log.
   */
  publicFields: readonly string[];
  /**
   * The table of its live records (with an `id` column), when each row's public fields are logged as they are: then
   * verify-log compares every live record with its last logged state and names a field changed behind the log's back.
   */
  liveTable?: PgTable;
  /**
   * How the public history shows its fields' values, by field path (`status`, or `attendance.status` for a key of the
   * objects a field holds): enumerations in words, references to other records by their name, numbers as percentages,
   * identifiers and hashes only on the technical view. A field not listed here uses the manifests' `fieldLabels`, then
   * its stored type (dates, numbers, texts). Each field is named by the message `audit.field.<field>`.
   */
  fields?: Readonly<Record<string, FieldDisplay>>;
  /** How a reference to one of its records is named in the public history, from its last logged state. */
  title?: RecordTitle;
  /** People may comment on (and maybe follow) public records of this type. */
  target?: TargetDefinition;
  /** For follows: the followable record whose followers hear about a change of this type. */
  owner?: ChangeOwner;
}

const publicFieldsByType = new Map<string, readonly string[]>();

/** Makes the modules' public fields known to the change log (the registry calls it; a later registry adds to it). */
export function installPublicFields(records: Readonly<Record<string, RecordTypeDeclaration>>): void {
  for (const [recordType, declaration] of Object.entries(records))
    publicFieldsByType.set(recordType, declaration.publicFields);
}

/** The public fields of a record type, or undefined when no module declared it. */
export const publicFieldsOf = (recordType: string): readonly string[] | undefined => publicFieldsByType.get(recordType);

/** A value stored in any record's field (e.g. an exercise's `phase`) in words. */
export type FieldValueLabel = (value: string) => MessageKey | undefined;

/** A text of the catalogs with its parameters. */
export interface LabelRef {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * How a record is named from its logged fields: a text as written (a title), a message (e.g. "Sesión ordinaria 3"),
 * or the name of another logged record (a seat without a label of its own is named by its institution).
 */
export type RecordTitle = (row: Readonly<Record<string, unknown>>) => RecordName | undefined;
export type RecordName = string | LabelRef | { recordType: string; recordId: string };

/**
 * How the public history shows the values of a field:
 * - `enum`: one of `values`, each named by `label` (every value must have a label in both languages);
 * - `keyed`: an object whose keys are such values (e.g. the open-government values a commitment serves);
 * - `reference`: the id of a logged record of `recordType`, shown by its name (`parent`: the record the history is
 *   about already says it, so only a change of it is shown); `referenceBy`: the same, of the type its sibling field
 *   `typeField` names (a document's `recordId` with its `recordType`);
 * - `lookup`: a code another module names (`nameLookups` of a manifest, e.g. a municipality's INEGI code);
 * - `numbered`: a number shown through a message with `{n}` ("ODS {n}");
 * - `percent`, `bytes`: a number shown as such;
 * - `recordType`: the name of a record type (`audit.recordType.<type>`); `fieldNames`: paths of logged fields
 *   (`after.title`), shown by their names;
 * - `technical`: an identifier, a digest or a code only the technical view of an entry shows.
 */
export type FieldDisplay =
  | { kind: 'enum'; values: readonly string[]; label: FieldValueLabel }
  | { kind: 'keyed'; keys: readonly string[]; label: FieldValueLabel }
  | { kind: 'reference'; recordType: string; parent?: boolean }
  | { kind: 'referenceBy'; typeField: string }
  | { kind: 'lookup'; lookup: string }
  | { kind: 'numbered'; label: MessageKey }
  | { kind: 'percent' }
  | { kind: 'bytes' }
  | { kind: 'recordType' }
  | { kind: 'fieldNames' }
  | { kind: 'technical' };

/** Names of codes kept by a module (e.g. municipalities by INEGI code), for the public history: one query a call. */
export type NameLookup = (db: Db, codes: readonly string[]) => Promise<Map<string, string>>;

/** An enumeration whose values are named by messages under one prefix (`enumField(seatKinds, 'secretariat.seatKind.')`). */
export const enumField = (values: readonly string[], prefix: string): FieldDisplay => ({
  kind: 'enum',
  values,
  label: labelsWithPrefix(prefix),
});

/** An object keyed by an enumeration's values, named by messages under one prefix. */
export const keyedField = (keys: readonly string[], prefix: string): FieldDisplay => ({
  kind: 'keyed',
  keys,
  label: labelsWithPrefix(prefix),
});

/** The id of a logged record, shown by its name. */
export const referenceTo = (recordType: string, options: { parent?: boolean } = {}): FieldDisplay => ({
  kind: 'reference',
  recordType,
  ...options,
});

export const technicalField: FieldDisplay = { kind: 'technical' };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a string is a UUID, the id of every record (so a lookup by a hostile string never reaches the database). */
export const isUuid = (value: string) => uuidPattern.test(value);

/** The declarations of every module, read through one object: comment and follow targets, owners of changes, labels. */
export interface RecordCatalog {
  /**
   * The public target of a record type and id, or undefined when that type is not a target or the record is not public.
   */
  resolveTarget(db: Db, recordType: string, recordId: string): Promise<ResolvedTarget | undefined>;
  isFollowableType(recordType: string): boolean;
  /** The followable target a change-log entry concerns, if any (itself, or its owner). */
  followableTargetOf(db: Db, entry: ChangeLogEntryView): Promise<TargetRef | undefined>;
  /** A stored value in words: a record's status, or a field every record names the same way (a phase). */
  valueLabel(recordType: string | undefined, field: string, value: string): MessageKey | undefined;
  /** How the public history shows a field (by path: `attendance.status`) of a record type, if declared. */
  fieldDisplay(recordType: string | undefined, path: string): FieldDisplay | undefined;
  /** How a record of this type is named when another record refers to it. */
  titleOf(recordType: string, row: Readonly<Record<string, unknown>>): RecordName | undefined;
  /** Names of codes a module keeps (`lookup`), or an empty map when no module declared that lookup. */
  lookupNames(db: Db, lookup: string, codes: readonly string[]): Promise<Map<string, string>>;
  /** Every record type a module declared. */
  recordTypes(): string[];
}

/** Fields that name a record when its type declares no `title`, in this order. */
const TITLE_FIELDS = ['title', 'name', 'displayName', 'label', 'code'] as const;

export function createRecordCatalog(
  records: Record<string, RecordTypeDeclaration>,
  fieldLabels: Record<string, FieldDisplay>,
  nameLookups: Record<string, NameLookup> = {},
): RecordCatalog {
  const declared = (recordType: string) => (Object.hasOwn(records, recordType) ? records[recordType] : undefined);
  const isFollowableType = (recordType: string) => declared(recordType)?.target?.isFollowable ?? false;
  return {
    async resolveTarget(db, recordType, recordId) {
      return declared(recordType)?.target?.resolve(db, recordId);
    },
    isFollowableType,
    async followableTargetOf(db, entry) {
      const owner = declared(entry.recordType)?.owner;
      const target = owner ? await owner(db, entry) : { recordType: entry.recordType, recordId: entry.recordId };
      if (!target) return undefined;
      if (isFollowableType(target.recordType)) return target;
      // A change of a non-followable target (a comment on a milestone) may still belong to a followable one.
      const parentOwner = target.recordType !== entry.recordType ? declared(target.recordType)?.owner : undefined;
      const parent = parentOwner
        ? await parentOwner(db, { recordType: target.recordType, recordId: target.recordId, before: null, after: null })
        : undefined;
      return parent && isFollowableType(parent.recordType) ? parent : undefined;
    },
    valueLabel(recordType, field, value) {
      const display = fieldDisplay(recordType, field);
      return display?.kind === 'enum' || display?.kind === 'keyed' ? display.label(value) : undefined;
    },
    fieldDisplay,
    titleOf(recordType, row) {
      const title = declared(recordType)?.title;
      if (title) return title(row);
      for (const field of TITLE_FIELDS) {
        const value = row[field];
        if (typeof value === 'string' && value.trim() !== '') return value;
      }
      return undefined;
    },
    async lookupNames(db, lookup, codes) {
      if (codes.length === 0 || !Object.hasOwn(nameLookups, lookup)) return new Map();
      return nameLookups[lookup]!(db, codes);
    },
    recordTypes: () => Object.keys(records),
  };

  // The record type's own declaration of the path, then the manifests' shared one, then the shared one of the path's
  // last key (`partners.institutionId` as any `institutionId`).
  function fieldDisplay(recordType: string | undefined, path: string): FieldDisplay | undefined {
    const own = recordType ? declared(recordType)?.fields : undefined;
    if (own && Object.hasOwn(own, path)) return own[path];
    if (Object.hasOwn(fieldLabels, path)) return fieldLabels[path];
    const key = path.slice(path.lastIndexOf('.') + 1);
    return key !== path && Object.hasOwn(fieldLabels, key) ? fieldLabels[key] : undefined;
  }
}

/** Status labels kept under one message prefix (e.g. `plan.commitmentStatus.`); an unknown status has none. */
export const labelsWithPrefix =
  (prefix: string) =>
  (value: string): MessageKey | undefined => {
    const key = `${prefix}${value}`;
    return hasMessage(key) ? key : undefined;
  };
