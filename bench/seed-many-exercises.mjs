// An example --seed module for bench/run.mjs: adds BENCH_SEED_EXERCISES (default 200) closed exercises, so the home
// page lists many of them. A seed for another page (e.g. a large plan) follows the same contract:
//
//   export default async function seed({ dataDir, databaseUrl, root, log }) { ... }
//
// With PGlite the portal is stopped and `dataDir` is its data directory (open `${dataDir}/pglite`); with PostgreSQL
// `databaseUrl` is set, the portal is running, and the bench clears the portals' render cache afterwards.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

async function openSql({ dataDir, databaseUrl }) {
  if (databaseUrl) {
    const pg = require('pg');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return { query: (text, params) => client.query(text, params), close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const db = await PGlite.create({ dataDir: `${dataDir}/pglite`, extensions: { pg_trgm, unaccent } });
  return { query: (text, params) => db.query(text, params), close: () => db.close() };
}

export default async function seed(target) {
  const count = Number(process.env.BENCH_SEED_EXERCISES ?? 200);
  const sql = await openSql(target);
  try {
    const result = await sql.query(
      `insert into exercises (slug, edition, title, summary, state_code, period_start, period_end, phase, convener_institution_id)
       select 'bench-' || n || '-' || extract(epoch from now())::bigint, 1000 + n, 'Ejercicio de carga ' || n,
              'Un ejercicio cerrado creado por el bench.', e.state_code, '2000-01-01', '2001-12-31', 'closed', e.convener_institution_id
       from generate_series(1, $1::int) as n, (select state_code, convener_institution_id from exercises limit 1) as e`,
      [count],
    );
    target.log(`${result.rowCount ?? result.affectedRows ?? count} exercises added`);
  } finally {
    await sql.close();
  }
}
