#!/usr/bin/env node
// Inserts a large synthetic Local Action Plan (500 commitments, 5,000 milestones, 25,000 activities) for the bench.
//
//   DATA_DIR=/tmp/cocrea-large node bench/seed-large-plan.mjs            # embedded PGlite data directory
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/cocrea_bench node bench/seed-large-plan.mjs
//
// Migrates the database, loads the demo if it is empty (the directory of municipalities and institutions), then
// inserts the exercise `plan-grande` with its plan through src/demo/synthetic-plan.ts: one multi-row
// INSERT ... SELECT per table, progress and open due dates computed in SQL with the public formula. Sizes can be
// changed with LARGE_PLAN_COMMITMENTS, LARGE_PLAN_MILESTONES (per commitment), LARGE_PLAN_ACTIVITIES (per milestone)
// and the slug with LARGE_PLAN_SLUG. If that exercise already exists, nothing is inserted.
// The TypeScript is bundled on the fly with esbuild (a devDependency) into node_modules/.cache/cocrea-bench/.
// It is also a `--seed` module for bench/run.mjs (its default export takes { dataDir, databaseUrl, log }).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { root } from './run.mjs';

const count = (name, fallback) => {
  const value = process.env[name] ? Number(process.env[name]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
};

/** Seeds the large plan into the given database (PGlite data directory or PostgreSQL URL). */
export default async function seedLargePlan({ dataDir, databaseUrl, log = console.log } = {}) {
  const slug = process.env.LARGE_PLAN_SLUG || 'plan-grande';
  const size = {
    commitments: count('LARGE_PLAN_COMMITMENTS', 500),
    milestonesPerCommitment: count('LARGE_PLAN_MILESTONES', 10),
    activitiesPerMilestone: count('LARGE_PLAN_ACTIVITIES', 5),
  };
  if (!databaseUrl && !dataDir) throw new Error('set DATA_DIR (embedded PGlite) or DATABASE_URL (PostgreSQL server)');

  const cacheDir = join(root, 'node_modules', '.cache', 'cocrea-bench');
  mkdirSync(cacheDir, { recursive: true });
  const bundle = join(cacheDir, 'seed-large-plan.mjs');
  await build({
    stdin: {
      contents: [
        "export { openDatabase } from './src/db/client.ts';",
        "export { migrate } from './src/db/migrate.ts';",
        "export { seedDemoIfEmpty } from './src/demo/seed-demo.ts';",
        "export { seedSyntheticPlan } from './src/demo/synthetic-plan.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    outfile: bundle,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  const { openDatabase, migrate, seedDemoIfEmpty, seedSyntheticPlan } = await import(pathToFileURL(bundle).href);

  const startedAt = performance.now();
  const database = await openDatabase({
    databaseUrl: databaseUrl || undefined,
    dataDir: dataDir ?? join(root, 'data'),
    poolSize: 2,
  });
  try {
    await migrate(database);
    await seedDemoIfEmpty(database.db);
    const existing = await database.db.execute(`select 1 from exercises where slug = '${slug.replace(/'/g, "''")}'`);
    if (existing.rows.length > 0) {
      log(`seed-large-plan: the exercise ${slug} already exists; nothing inserted`);
      return;
    }
    await seedSyntheticPlan(database.db, { slug, title: 'Plan de Acción Local grande (sintético)', size });
    const counts = await database.db.execute(`
      select (select count(*)::int from commitments c join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id where e.slug = '${slug}') as commitments,
             (select count(*)::int from milestones m join commitments c on c.id = m.commitment_id join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id where e.slug = '${slug}') as milestones,
             (select count(*)::int from activities a join milestones m on m.id = a.milestone_id join commitments c on c.id = m.commitment_id join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id where e.slug = '${slug}') as activities,
             (select progress from action_plans p join exercises e on e.id = p.exercise_id where e.slug = '${slug}') as progress`);
    const row = counts.rows[0];
    log(
      `seed-large-plan: ${slug}: ${row.commitments} commitments, ${row.milestones} milestones, ${row.activities} activities, ` +
        `plan progress ${row.progress} %, in ${Math.round(performance.now() - startedAt)} ms (${database.description})`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  seedLargePlan({ dataDir: process.env.DATA_DIR, databaseUrl: process.env.DATABASE_URL }).then(
    () => process.exit(0),
    (error) => {
      console.error(`seed-large-plan: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
