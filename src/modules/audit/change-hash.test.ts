import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, changeHash, fieldDigest, GENESIS_HASH, sealSide, toJsonValue } from './change-hash.js';
import { changedFields } from './list-record-history.js';

describe('canonical JSON', () => {
  it('sorts keys at every level and writes no whitespace, whatever order the keys came in', () => {
    const a = canonicalJson(toJsonValue({ b: 1, a: { z: [3, { y: true, x: null }], m: 'é' } }));
    const b = canonicalJson(toJsonValue({ a: { m: 'é', z: [3, { x: null, y: true }] }, b: 1 }));
    expect(a).toBe('{"a":{"m":"é","z":[3,{"x":null,"y":true}]},"b":1}');
    expect(b).toBe(a);
  });

  it('stores dates as ISO 8601 UTC with milliseconds, drops undefined properties and refuses what JSON cannot hold', () => {
    expect(toJsonValue({ at: new Date('2020-09-29T05:00:00Z'), gone: undefined, list: [undefined, 1] })).toEqual({
      at: '2020-09-29T05:00:00.000Z',
      list: [null, 1],
    });
    expect(() => toJsonValue({ n: Number.NaN })).toThrow(/NaN/);
    expect(() => toJsonValue({ n: 1n })).toThrow(/bigint/);
    expect(() => toJsonValue(new Date('nope'))).toThrow(/invalid date/);
  });
});

describe('the hash of an entry', () => {
  const fields = {
    prev_hash: GENESIS_HASH,
    occurred_at: '2026-11-23T18:00:00.000Z',
    actor_label: 'Sistema',
    record_type: 'exercise',
    record_id: '6d1f4c5e-2a8b-4c3d-9e0f-1a2b3c4d5e6f',
    action: 'update',
    digests: { before: { phase: 'a'.repeat(64) }, after: { phase: 'b'.repeat(64) } },
  };
  it('is the SHA-256 of the canonical JSON of the header and the digests, so anyone can recompute it', () => {
    const text =
      '{"action":"update","actor_label":"Sistema",' +
      `"digests":{"after":{"phase":"${'b'.repeat(64)}"},"before":{"phase":"${'a'.repeat(64)}"}},` +
      `"occurred_at":"2026-11-23T18:00:00.000Z","prev_hash":"${GENESIS_HASH}","record_id":"6d1f4c5e-2a8b-4c3d-9e0f-1a2b3c4d5e6f","record_type":"exercise"}`;
    expect(changeHash(fields)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
  it('changes when any field changes, the previous hash and a digest included', () => {
    const base = changeHash(fields);
    expect(changeHash({ ...fields, prev_hash: 'f'.repeat(64) })).not.toBe(base);
    expect(changeHash({ ...fields, digests: { ...fields.digests, after: { phase: 'c'.repeat(64) } } })).not.toBe(base);
    expect(changeHash({ ...fields, occurred_at: '2026-11-23T18:00:00.001Z' })).not.toBe(base);
    expect(changeHash({ ...fields, actor_label: 'Otra persona' })).not.toBe(base);
  });
  it('seals each field with its own salt: the digest is SHA-256 of the salt and the canonical JSON of the value', () => {
    const { digests, salts } = sealSide({ phone: '6181234567', title: 'Hola' });
    expect(Object.keys(digests!)).toEqual(['phone', 'title']);
    expect(salts!.phone).toMatch(/^[0-9a-f]{32}$/);
    expect(salts!.phone).not.toBe(salts!.title);
    expect(digests!.phone).toBe(createHash('sha256').update(`${salts!.phone}"6181234567"`, 'utf8').digest('hex'));
    expect(fieldDigest(salts!.title!, 'Hola')).toBe(digests!.title);
    expect(sealSide(null)).toEqual({ digests: null, salts: null });
  });
});

describe('the changed fields of an entry', () => {
  it('lists only the fields that differ, without bookkeeping columns', () => {
    expect(
      changedFields(
        { id: 'x', title: 'A', tags: ['a'], updatedAt: '2020-01-01T00:00:00.000Z' },
        { id: 'x', title: 'B', tags: ['a'], updatedAt: '2021-01-01T00:00:00.000Z' },
      ),
    ).toEqual([{ field: 'title', before: 'A', after: 'B' }]);
  });

  it('lists every field of a creation and of a deletion', () => {
    expect(changedFields(null, { id: 'x', title: 'A', acronym: null })).toEqual([
      { field: 'title', before: null, after: 'A' },
    ]);
    expect(changedFields({ title: 'A', summary: 'S' }, null)).toEqual([
      { field: 'summary', before: 'S', after: null },
      { field: 'title', before: 'A', after: null },
    ]);
  });
});
