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
    for (const entry of dump.data) {
      expect(entry.prev_hash).toBe(previous);
      const { seq: _seq, hash, ...covered } = entry;
      expect(createHash('sha256').update(canonical(covered)).digest('hex')).toBe(hash);
      previous = hash as string;
    }
    const csv = await app.inject({ url: '/datos/historial.csv' });
    expect(csv.body).toContain('prev_hash,hash');
  });
});
