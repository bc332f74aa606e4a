import { publicFieldsOf } from '../../kernel/records.js';
import type { JsonValue, Payload } from './change-hash.js';

const isObject = (value: JsonValue | undefined): value is Payload =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);

/**
 * Keeps only the named fields of a logged record (`file.size` keeps `size` of the object `file`; a null `file` stays
 * null). Fields the record does not have are left out.
 */
export function projectFields(value: Payload, fields: readonly string[]): Payload {
  const result: Payload = {};
  for (const path of fields) {
    const [head, rest] = path.split(/\.(.*)/s) as [string, string | undefined];
    if (!Object.hasOwn(value, head)) continue;
    const field = value[head]!;
    if (rest === undefined) result[head] = field;
    else if (isObject(field)) {
      const inner = isObject(result[head]) ? (result[head] as Payload) : {};
      result[head] = { ...inner, ...projectFields(field, [rest]) };
    } else if (!Object.hasOwn(result, head)) result[head] = field;
  }
  return result;
}

/**
 * The public projection of a side of a change, as its module declares it (RecordTypeDeclaration.publicFields). A
 * record type nobody declared cannot be logged: the log is public, and what it holds cannot be taken back lightly.
 */
export function publicProjection(recordType: string, side: JsonValue): Payload | null {
  const fields = publicFieldsOf(recordType);
  if (!fields)
    throw new Error(`Declare the public fields of record type "${recordType}" in its module's manifest (records)`);
  if (side === null) return null;
  if (!isObject(side)) throw new TypeError(`A change of "${recordType}" logs an object, not ${JSON.stringify(side)}`);
  return projectFields(side, fields);
}
