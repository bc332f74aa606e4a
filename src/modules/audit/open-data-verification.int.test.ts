import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.js';
import { appendChanges } from './append-change.js';
import { CHANGE_LOG_PAGE, changeLogPages } from './list-change-log.js';

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

describe('the change log dump', () => {
  it('streams in pages and starts after an entry with ?desde=', async () => {
    const { app, database } = await createTestApp();
    const { db } = database;
    const extra = 2 * CHANGE_LOG_PAGE + 300;
    await db.transaction((tx) =>
      appendChanges(
        tx,
        Array.from({ length: extra }, (_, i) => ({
          actor: { id: null, label: 'Sistema' },
          recordType: 'institution',
          recordId: `bulk-${i}`,
          action: 'create' as const,
          after: { name: `Institución ${i}` },
        })),
      ),
    );
    const pages: number[] = [];
    for await (const page of changeLogPages(db)) pages.push(page.length);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...pages)).toBe(CHANGE_LOG_PAGE);

    const whole = await app.inject({ url: '/datos/historial.json' });
    expect(whole.headers['transfer-encoding']).toBe('chunked');
    const all = whole.json() as { count: number; data: { seq: number; hash: string; prev_hash: string }[] };
    expect(all.count).toBe(pages.reduce((a, b) => a + b, 0));

    const from = all.data[all.data.length - 3]!;
    const recent = (await app.inject({ url: `/datos/historial.json?desde=${from.seq}` })).json() as typeof all;
    expect(recent.data.map((entry) => entry.seq)).toEqual(all.data.slice(-2).map((entry) => entry.seq));
    expect(recent.data[0]!.prev_hash).toBe(from.hash);
    const csv = await app.inject({ url: `/datos/historial.csv?desde=${from.seq}` });
    expect(csv.body.trim().split('\r\n')).toHaveLength(3);
    expect((await app.inject({ url: '/datos/historial.json?desde=dos' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/datos/municipios.json?desde=1' })).statusCode).toBe(400);
  });
});
