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
  /** The name of a stored status in words, for the public history (undefined: shown as stored). */
  statusLabel?: (status: string) => MessageKey | undefined;
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
}

export function createRecordCatalog(
  records: Record<string, RecordTypeDeclaration>,
  fieldLabels: Record<string, FieldValueLabel>,
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
      if (field === 'status' && recordType) return declared(recordType)?.statusLabel?.(value);
      return Object.hasOwn(fieldLabels, field) ? fieldLabels[field]!(value) : undefined;
    },
  };
}

/** Status labels kept under one message prefix (e.g. `plan.commitmentStatus.`); an unknown status has none. */
export const labelsWithPrefix =
  (prefix: string) =>
  (value: string): MessageKey | undefined => {
    const key = `${prefix}${value}`;
    return hasMessage(key) ? key : undefined;
  };
