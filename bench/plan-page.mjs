#!/usr/bin/env node
// Bench of the plan pages on a large synthetic plan (500 commitments, 5,000 milestones, 25,000 activities).
//
//   node bench/plan-page.mjs
//
// 1. Seeds a new temporary PGlite data directory with bench/seed-large-plan.mjs (or reuses BENCH_DATA_DIR when it
//    already holds the plan).
// 2. Starts the built portal on it (bench/run.mjs's startPortal) and, for each page of BENCH_PLAN_PAGES that answers
//    200, captures its exact bytes and drives it with autocannon (BENCH_CONNECTIONS, default 64).
// 3. Renders the heavy one-off pages once each (print view, CSV export of 25,000 activities) and reports their time,
//    size and the server's memory before and after, to show the export streams.
// 4. If nginx is installed, serves the same captured bytes and runs the same load, for the ratio.
// Reuses bench/run.mjs's helpers and settings (BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_ENCODING,
// BENCH_NGINX...). Writes bench/results/plan-<timestamp>.json (git-ignored). See bench/README.md.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  armWatchdog,
  capturePage,
  findNginx,
  gitCommit,
  httpGet,
  idleCpuPercent,
  loadPages,
  mainJs,
  nginxComparisonRows,
  makeTempDir,
  memoryOf,
  resultsDir,
  root,
  settings,
  startNginx,
  startPortal,
  stopProcess,
  table,
} from './run.mjs';

const slug = process.env.LARGE_PLAN_SLUG || 'plan-grande';
const plan = `/ejercicios/${slug}/plan`;
const pages = (
  process.env.BENCH_PLAN_PAGES ??
  `${plan},${plan}/compromisos/1,${plan}/calendario,${plan}/atrasos,/buscar?q=senalizacion`
)
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const oneOff = [`${plan}/imprimir`, '/datos/actividades.csv', '/datos/actividades.json', `${plan}/novedades.atom`];

async function timed(url, timeoutMs = 120000, headers = {}) {
  const startedAt = performance.now();
  const response = await httpGet(url, { 'accept-encoding': settings.encoding, ...headers }, timeoutMs);
  return { status: response.status, ms: Math.round(performance.now() - startedAt), wireBytes: response.body.length };
}

async function main() {
  const nginxPath = findNginx();
  armWatchdog(pages.length * (nginxPath ? 2 : 1) + 4);
  if (settings.forceBuild || !existsSync(mainJs)) {
    console.log('Building dist/ (node scripts/build.mjs) ...');
    if (spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0)
      throw new Error('the build failed');
  }
  const machine = {
    node: process.version,
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    idleCpuPercentAtStart: await idleCpuPercent(),
  };
  console.log(
    `Plan bench: ${machine.cpus} CPUs, Node ${machine.node}, ${settings.duration} s per run (+${settings.warmup} s warm-up), ${settings.connections} connections`,
  );
  if (machine.idleCpuPercentAtStart !== undefined && machine.idleCpuPercentAtStart < 80) {
    console.log(
      `  note: the machine is busy (only ${machine.idleCpuPercentAtStart}% of the CPU idle); figures will be lower and noisier`,
    );
  }

  const dataDir = process.env.BENCH_DATA_DIR || makeTempDir('cocrea-bench-plan-');
  const seed = spawnSync(process.execPath, [join(root, 'bench', 'seed-large-plan.mjs')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  process.stdout.write(seed.stdout);
  if (seed.status !== 0) throw new Error(`seeding failed:\n${seed.stderr}`);

  const portal = await startPortal({ dataDir, logs: false });
  console.log(`  portal: pid ${portal.pid}, ${portal.url}, RSS ${memoryOf(portal.pid).rssMiB} MiB idle`);
  const captures = [];
  const skipped = [];
  for (const path of pages) {
    const probe = await httpGet(`${portal.url}${path}`, {}, 60000);
    if (probe.status !== 200) {
      skipped.push({ path, status: probe.status });
      console.log(`  skip ${path}: answered ${probe.status} (not in this branch yet?)`);
      continue;
    }
    captures.push(await capturePage(portal.url, path));
  }

  // Each loaded page alone first: with 64 connections on one process, a page that takes T ms to render answers in
  // about 64 x T ms, so a render time over ~150 ms shows up as timeouts (10 s) rather than as a rate.
  const oneOffRuns = [];
  for (const path of [...captures.map((c) => c.path), ...oneOff]) {
    const before = memoryOf(portal.pid);
    const run = await timed(`${portal.url}${path}`);
    const after = memoryOf(portal.pid);
    oneOffRuns.push({
      path,
      ...run,
      rssBeforeMiB: before.rssMiB,
      rssAfterMiB: after.rssMiB,
      peakRssMiB: after.peakRssMiB,
    });
    console.log(
      `  once ${path}: ${run.status} in ${run.ms} ms, ${run.wireBytes} B on the wire, RSS ${before.rssMiB} -> ${after.rssMiB} MiB (peak ${after.peakRssMiB})`,
    );
  }

  // Uncached renders: the `fresh` cookie (a visitor who just wrote something) makes the portal render from the
  // database, skipping the render cache and the header's memo. Median of 5 after one warm-up render.
  const uncachedTargets = { [`/ejercicios/${slug}/plan`]: 50, [`/ejercicios/${slug}/plan/imprimir`]: 300 };
  const uncachedRuns = [];
  for (const path of [...captures.map((c) => c.path), `/ejercicios/${slug}/plan/imprimir`]) {
    await timed(`${portal.url}${path}`, 120000, { cookie: 'fresh=1' });
    const times = [];
    for (let i = 0; i < 5; i++) times.push((await timed(`${portal.url}${path}`, 120000, { cookie: 'fresh=1' })).ms);
    times.sort((a, b) => a - b);
    const goal = uncachedTargets[path];
    uncachedRuns.push({ path, medianMs: times[2], minMs: times[0], maxMs: times[4], goalMs: goal });
    console.log(
      `  uncached ${path}: median ${times[2]} ms (min ${times[0]}, max ${times[4]})${goal ? ` [${times[2] <= goal ? 'ok' : 'NOT MET'}, goal <= ${goal} ms]` : ''}`,
    );
  }

  // One page at a time, letting the server drain the previous page's backlog (requests autocannon gave up on are
  // still rendered) before measuring the next one.
  const portalRuns = [];
  for (const capture of captures) {
    await timed(`${portal.url}${capture.path}`, 600000);
    portalRuns.push(...(await loadPages(portal, [capture])));
  }
  const memoryAfterLoad = memoryOf(portal.pid);
  await stopProcess(portal);

  let nginx = null;
  // nginx matches locations on the path only, so pages with a query string (search) get no static baseline.
  const staticCaptures = captures.filter((capture) => !capture.path.includes('?'));
  if (nginxPath && staticCaptures.length) {
    const server = await startNginx(nginxPath, staticCaptures);
    console.log(`\nnginx ${server.version} serving the same bytes at ${server.url}`);
    nginx = { version: server.version, runs: await loadPages(server, staticCaptures) };
    await stopProcess(server);
  }

  const rows = nginxComparisonRows(portalRuns, nginx?.runs);

  console.log(`\n=== Plan pages: ${slug} (500 commitments, 5,000 milestones, 25,000 activities) ===`);
  console.log(
    `Load: ${settings.duration} s per row, ${settings.connections} connections, accept-encoding: ${settings.encoding}`,
  );
  console.log(
    table(rows, [
      ['target', 'target'],
      ['page', 'page'],
      ['req/s', 'rps'],
      ['p50 ms', 'p50'],
      ['p99 ms', 'p99'],
      ['body B', 'body'],
      ['errors', 'errors'],
      ['% of nginx', 'ratio'],
    ]),
  );
  if (!nginxPath) console.log('\nnginx is not installed: no baseline and no ratio (apt-get install -y nginx).');
  if (skipped.length) console.log(`\nSkipped (not 200): ${skipped.map((s) => `${s.path} ${s.status}`).join(', ')}`);

  mkdirSync(resultsDir, { recursive: true });
  const startedAt = new Date().toISOString();
  const file = join(resultsDir, `plan-${startedAt.replace(/[:.]/g, '-')}.json`);
  const pagesOut = captures.map(({ body: _b, rawHeaders: _h, ...rest }) => rest);
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt, commit: gitCommit(), machine, settings, slug, pages: pagesOut, skipped, oneOff: oneOffRuns, uncached: uncachedRuns, portal: { runs: portalRuns, memoryAfterLoad }, nginx }, null, 2)}\n`,
  );
  console.log(`\nResults written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
