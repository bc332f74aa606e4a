import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { createTestApp } from '../../testing/test-app.js';

type Row = Record<string, unknown>;

/**
 * How to add a row to each collection between two pages: a copy of one of its public rows (so the copy is public
 * too) with a new key; `early` copies sort before every row already read (an OFFSET would then repeat a row).
 */
const copies: Record<
  string,
  { table: string; key: string; prepare?: (n: number) => SQL; changes: (n: number, early: boolean) => SQL }
> = {
  '/api/v1/exercises': {
    table: 'exercises',
    key: 'id',
    changes: (n, early) =>
      sql`jsonb_build_object('id', gen_random_uuid(), 'slug', ${`copia-${n}`}::text, 'created_at', ${at(early)}::text)`,
  },
  '/api/v1/calls': { table: 'calls', key: 'id', changes: (_n, early) => fresh(early) },
  '/api/v1/secretariat/sessions': {
    table: 'secretariat_sessions',
    key: 'id',
    changes: (n, early) => sql`${fresh(early)} || jsonb_build_object('number', ${1000 + n}::int)`,
  },
  '/api/v1/secretariat/agreements': {
    table: 'agreements',
    key: 'id',
    changes: (n, early) =>
      sql`${fresh(early)} || jsonb_build_object('number', ${1000 + n}::int, 'code', ${`COPIA-${n}`}::text)`,
  },
  '/api/v1/plans': {
    table: 'action_plans',
    key: 'id',
    // One plan per exercise: each copy gets a copy of the first exercise.
    prepare: (n) => sql`insert into exercises select (jsonb_populate_record(null::exercises, to_jsonb(x) ||
      jsonb_build_object('id', gen_random_uuid(), 'slug', ${`copia-plan-${n}`}::text))).* from exercises x limit 1`,
    changes: (n, early) =>
      sql`${fresh(early)} || jsonb_build_object('exercise_id', (select id from exercises where slug = ${`copia-plan-${n}`}::text))`,
  },
  '/api/v1/commitments': {
    table: 'commitments',
    key: 'id',
    changes: (n, early) => sql`${fresh(early)} || jsonb_build_object('number', ${9000 + n}::int)`,
  },
  '/api/v1/activities': { table: 'activities', key: 'id', changes: (_n, early) => fresh(early) },
  '/api/v1/institutions': { table: 'institutions', key: 'id', changes: (_n, early) => fresh(early) },
  '/api/v1/municipalities': {
    table: 'municipalities',
    key: 'cvegeo',
    changes: (n, early) => sql`jsonb_build_object('cvegeo', ${early ? `0000${n % 10}` : `99${String(900 + n)}`}::text)`,
  },
  '/api/v1/changes': {
    table: 'change_log',
    key: 'seq',
    changes: () =>
      sql`jsonb_build_object('seq', nextval(pg_get_serial_sequence('change_log', 'seq')), 'hash', md5(random()::text))`,
  },
};

const at = (early: boolean) => (early ? '2000-01-01T00:00:00Z' : new Date().toISOString());
const fresh = (early: boolean) => sql`jsonb_build_object('id', gen_random_uuid(), 'created_at', ${at(early)}::text)`;

async function copyRow(db: Db, path: string, keyValue: unknown, n: number) {
  const { table, key, prepare, changes } = copies[path]!;
  const t = sql.raw(table);
  if (prepare) await db.execute(prepare(n));
  await db.execute(sql`insert into ${t} select (jsonb_populate_record(null::${t}, to_jsonb(original) || ${changes(n, n % 2 === 0)})).*
    from ${t} original where ${sql.raw(key)}::text = ${String(keyValue)}`);
}

async function walk(app: FastifyInstance, first: string, between: () => Promise<void>): Promise<Row[]> {
  const rows: Row[] = [];
  let url: string | null = first;
  while (url) {
    const response = await app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    const body: { data: Row[]; links: { next: string | null } } = response.json();
    rows.push(...body.data);
    url = body.links.next && new URL(body.links.next).pathname + new URL(body.links.next).search;
    if (url) await between();
  }
  return rows;
}

const keyOf = (path: string, row: Row) =>
  String(row[copies[path]!.key === 'cvegeo' ? 'cvegeo' : copies[path]!.key === 'seq' ? 'seq' : 'id']);

describe('every collection of the API, walked by cursor while rows are added', () => {
  it('returns each row exactly once, in every collection the OpenAPI document lists', async () => {
    const { app, database } = await createTestApp({ env: { RENDER_CACHE_SECONDS: '0' } });
    const document = (await app.inject({ url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, { get: { parameters?: { in: string }[] } }>;
    }>();
    const collections = Object.keys(document.paths).filter(
      (path) => path !== '/api/v1/openapi.json' && !document.paths[path]!.get.parameters?.some((p) => p.in === 'path'),
    );
    expect(collections.sort()).toEqual(Object.keys(copies).sort());
    for (const path of collections) {
      const before = await walk(app, `${path}?limit=500`, async () => {});
      expect(before.length, path).toBeGreaterThan(1);
      const limit = Math.max(1, Math.ceil(before.length / 4));
      let added = 0;
      const walked = await walk(app, `${path}?limit=${limit}`, async () => {
        added += 1;
        await copyRow(database.db, path, keyOf(path, before[0]!), added);
      });
      expect(added, path).toBeGreaterThan(1);
      const keys = walked.map((row) => keyOf(path, row));
      expect(new Set(keys).size, `${path}: no row twice`).toBe(keys.length);
      for (const row of before)
        expect(
          keys.filter((k) => k === keyOf(path, row)),
          `${path} ${keyOf(path, row)}`,
        ).toHaveLength(1);
      const after = await walk(app, `${path}?limit=500`, async () => {});
      expect(after.length, `${path}: every added row is there afterwards`).toBe(before.length + added);
    }
    await app.close();
  });
});
