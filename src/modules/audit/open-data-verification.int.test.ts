import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';

/** An outsider's canonical JSON, written from the published description only (sorted keys, no whitespace). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

describe('the change log in open data', () => {
  it('lets anyone recompute the chain from the published dump', async () => {
    const { app } = await createTestApp();
    const dump = (await app.inject({ url: '/datos/historial.json' })).json() as {
      count: number;
      data: Record<string, unknown>[];
    };
    expect(dump.count).toBeGreaterThan(10);
    let previous = '0'.repeat(64);
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    type Sides = { before: Record<string, string> | null; after: Record<string, string> | null };
    for (const entry of dump.data) {
      expect(entry.prev_hash).toBe(previous);
      expect(entry.actor_id).toBeNull();
      // Each published value matches its digest with its salt; the hash covers the header and the digests.
      const digests = entry.digests as Sides;
      const salts = entry.salts as Sides;
      for (const side of ['before', 'after'] as const) {
        const values = entry[side] as Record<string, unknown> | null;
        for (const [field, value] of Object.entries(values ?? {}))
          expect(sha256(`${salts[side]![field]}${canonical(value)}`)).toBe(digests[side]![field]);
      }
      const { action, actor_label, occurred_at, prev_hash, record_id, record_type } = entry;
      const header = { action, actor_label, digests, occurred_at, prev_hash, record_id, record_type };
      expect(sha256(canonical(header))).toBe(entry.hash);
      previous = entry.hash as string;
    }
    const csv = await app.inject({ url: '/datos/historial.csv' });
    expect(csv.body).toContain('prev_hash,hash');
  });
});
