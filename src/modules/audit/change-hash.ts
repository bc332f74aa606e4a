import { createHash, randomBytes } from 'node:crypto';

/** JSON values as stored in the change log's `before` and `after` (jsonb) and covered by the hash. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The `prev_hash` of the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Turns a value into plain JSON the way it is stored: dates become ISO 8601 UTC strings with milliseconds
 * (`2026-11-23T18:00:00.000Z`), object properties that are `undefined` are dropped and array items that are
 * `undefined` become `null` (as `JSON.stringify` does). Refuses what JSON cannot carry faithfully (NaN, Infinity,
 * bigint, functions, symbols, invalid dates), so that what is hashed is exactly what is stored.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`The change log cannot store the number ${value}`);
    return value;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('The change log cannot store an invalid date');
    return value.toISOString();
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toJsonValue(item)));
  if (typeof value === 'object') {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') return toJsonValue(withToJson.toJSON());
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = toJsonValue(item);
    return result;
  }
  throw new TypeError(`The change log cannot store a value of type ${typeof value}`);
}

/**
 * Canonical JSON (the RFC 8785 JSON Canonicalization Scheme for the values the log holds): no whitespace, object
 * keys sorted by UTF-16 code units (JavaScript's default sort), strings and numbers written as `JSON.stringify`
 * writes them. PostgreSQL's jsonb reorders keys and rewrites spacing, so the hash is always computed over this form.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
}

/** A side of a logged change (`before` or `after`): field name -> value. */
export type Payload = { [field: string]: JsonValue };

/** The salt of each field still published (a redacted field's salt goes with its value). */
export type Salts = { before: { [field: string]: string } | null; after: { [field: string]: string } | null };

/**
 * The digest of one field: lower-case hex SHA-256 of the UTF-8 bytes of its salt (32 hex characters) followed by the
 * canonical JSON of its value. The random salt keeps a redacted short value (a phone number) from being guessed.
 */
export function fieldDigest(salt: string, value: JsonValue): string {
  return createHash('sha256')
    .update(salt + canonicalJson(value), 'utf8')
    .digest('hex');
}

/** Seals one side of a change: a fresh salt and the digest of every field. */
export function sealSide(side: Payload | null): { digests: { [field: string]: string } | null; salts: Salts['after'] } {
  if (side === null) return { digests: null, salts: null };
  const digests: { [field: string]: string } = {};
  const salts: { [field: string]: string } = {};
  for (const [field, value] of Object.entries(side)) {
    const salt = randomBytes(16).toString('hex');
    salts[field] = salt;
    digests[field] = fieldDigest(salt, value);
  }
  return { digests, salts };
}

/** The fields of an entry its hash covers; names and forms as in the table and the open-data dump. */
export interface HashedFields {
  prev_hash: string;
  /** ISO 8601 UTC with milliseconds, as `Date.prototype.toISOString()` writes it. */
  occurred_at: string;
  actor_label: string;
  record_type: string;
  record_id: string;
  action: string;
  /** The digests of the fields of `before` and `after`, never their values: a value can be redacted. */
  digests: { before: { [field: string]: string } | null; after: { [field: string]: string } | null };
}

/**
 * The hash of an entry: lower-case hex SHA-256 of the UTF-8 bytes of the canonical JSON of an object with exactly
 * these keys: action, actor_label, digests, occurred_at, prev_hash, record_id, record_type. Anyone can recompute it
 * from the open data, and each published value from its salt and digest.
 */
export function changeHash(fields: HashedFields): string {
  const payload: { [key: string]: JsonValue } = {
    prev_hash: fields.prev_hash,
    occurred_at: fields.occurred_at,
    actor_label: fields.actor_label,
    record_type: fields.record_type,
    record_id: fields.record_id,
    action: fields.action,
    digests: fields.digests,
  };
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}
