import { describe, expect, it } from 'vitest';
import { registry } from '../../registry.js';
import { hasMessage, translator } from '../../web/i18n/i18n.js';
import { declaredValues } from './present-history.js';

/** Fields every logged record has, which the history never lists. */
const bookkeeping = new Set(['id', 'createdAt', 'updatedAt']);
const es = translator('es-MX');
const en = translator('en');

describe('the public history has words for everything the change log keeps', () => {
  it('names every public field of every record type, in Spanish and in English', () => {
    const missing: string[] = [];
    for (const module of registry.modules) {
      for (const [recordType, declaration] of Object.entries(module.records ?? {})) {
        for (const path of declaration.publicFields) {
          const field = path.split('.')[0]!;
          if (bookkeeping.has(field)) continue;
          if (registry.records.fieldDisplay(recordType, field)?.kind === 'technical') continue;
          const key = `audit.field.${field}`;
          if (!hasMessage(key) || es(key) === '' || en(key) === '') missing.push(`${recordType}.${field}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every value of every enumeration and every key of every keyed object the manifests declare', () => {
    const missing: string[] = [];
    for (const module of registry.modules) {
      const displays = [
        ...Object.entries(module.fieldLabels ?? {}).map(([path, display]) => ({ where: path, display })),
        ...Object.entries(module.records ?? {}).flatMap(([recordType, declaration]) =>
          Object.entries(declaration.fields ?? {}).map(([path, display]) => ({
            where: `${recordType}.${path}`,
            display,
          })),
        ),
      ];
      for (const { where, display } of displays) {
        if (display.kind !== 'enum' && display.kind !== 'keyed') continue;
        const values = display.kind === 'enum' ? display.values : display.keys;
        for (const value of values) {
          const key = display.label(value);
          if (!key || es(key) === '' || en(key) === '') missing.push(`${where}=${value}`);
        }
      }
      // Every record type has a name for pages that gather several kinds of records.
      for (const recordType of Object.keys(module.records ?? {}))
        if (!hasMessage(`audit.recordType.${recordType}`)) missing.push(`record type ${recordType}`);
    }
    expect(missing).toEqual([]);
    expect(declaredValues(registry.modules)).toEqual(
      expect.arrayContaining(['ordinary', 'vote', 'tied', 'more_than_half', 'transformative', 'access_to_information']),
    );
  });

  it('declares how a reference shows for every field that holds an id', () => {
    const idFields: string[] = [];
    for (const module of registry.modules)
      for (const [recordType, declaration] of Object.entries(module.records ?? {}))
        for (const path of declaration.publicFields) {
          if (!/Id$|^recordId$/.test(path.split('.').pop()!) || path === 'id') continue;
          if (!registry.records.fieldDisplay(recordType, path)) idFields.push(`${recordType}.${path}`);
        }
    expect(idFields).toEqual([]);
  });
});
