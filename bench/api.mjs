#!/usr/bin/env node
// Bench of the public API on the large synthetic plan (500 commitments, 5,000 milestones, 25,000 activities), with
// wrk, next to nginx serving the same bytes in the same run (issue 15, item 8).
//
//   node bench/api.mjs
//
// 1. Seeds a new temporary PGlite data directory with bench/seed-large-plan.mjs (or reuses BENCH_DATA_DIR).
// 2. Starts the built portal on it and captures, for each path of BENCH_API_PATHS, the exact bytes a client gets
//    (bench/run.mjs's capturePage, with BENCH_ENCODING).
// 3. Times each path once with a cold render cache, then drives it with wrk (BENCH_CONNECTIONS, BENCH_DURATION,
//    BENCH_WARMUP, two threads) and reports req/s and p50/p99 latency.
// 4. Serves the same captured bytes with nginx (paths without a query string) and runs the same load, for the ratio.
// Writes bench/results/api-<timestamp>.json (git-ignored). Needs wrk and nginx (apt-get install -y wrk nginx).

import { spawn, spawnSync } from 'node:child_process';
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

function findWrk() {
  const which = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

/** wrk's "1.23ms" / "456.00us" / "2.01s" in milliseconds. */
function milliseconds(text) {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  return Math.round({ us: value / 1000, ms: value, s: value * 1000, m: value * 60000 }[match[2]] * 100) / 100;
}

/** Runs wrk (two threads, --latency) for `seconds` and parses its report. */
function wrk(wrkPath, url, seconds) {
  return new Promise((resolve, reject) => {
    const args = [
      '-t2',
      `-c${settings.connections}`,
      `-d${seconds}s`,
      '--timeout',
      '10s',
      '--latency',
      '-H',
      `accept-encoding: ${settings.encoding}`,
      url,
    ];
    const child = spawn(wrkPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
      const p50 = /\n\s+50%\s+(\S+)/.exec(out);
      const p99 = /\n\s+99%\s+(\S+)/.exec(out);
      const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      resolve({
        requestsPerSecond: rps ? Math.round(Number(rps[1])) : 0,
        latencyP50Ms: p50 ? milliseconds(p50[1]) : undefined,
        latencyP99Ms: p99 ? milliseconds(p99[1]) : undefined,
        non2xx: non2xx ? Number(non2xx[1]) : 0,
        errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
      });
    });
  });
}

async function loadAll(wrkPath, baseUrl, captures) {
  const runs = [];
  for (const capture of captures) {
    process.stdout.write(`  wrk ${capture.path} ... `);
    if (settings.warmup > 0) await wrk(wrkPath, `${baseUrl}${capture.path}`, settings.warmup);
    const run = await wrk(wrkPath, `${baseUrl}${capture.path}`, settings.duration);
    console.log(`${run.requestsPerSecond} req/s, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms`);
    runs.push({ page: capture.path, bodyBytes: capture.loadBodyBytes, renderCache: capture.renderCache, ...run });
  }
  return runs;
}

async function main() {
  const wrkPath = findWrk();
  if (!wrkPath) throw new Error('wrk is not installed (apt-get install -y wrk)');
  const nginxPath = findNginx();
  armWatchdog(24);
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
    `API bench: ${machine.cpus} CPUs, Node ${machine.node}, ${settings.duration} s per run (+${settings.warmup} s warm-up), ${settings.connections} connections, accept-encoding ${settings.encoding}`,
  );
  if (machine.idleCpuPercentAtStart !== undefined && machine.idleCpuPercentAtStart < 80) {
    console.log(
      `  note: the machine is busy (only ${machine.idleCpuPercentAtStart}% of the CPU idle); figures will be lower and noisier`,
    );
  }

  const dataDir = process.env.BENCH_DATA_DIR || makeTempDir('cocrea-bench-api-');
  const seed = spawnSync(process.execPath, [join(root, 'bench', 'seed-large-plan.mjs')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  process.stdout.write(seed.stdout);
  if (seed.status !== 0) throw new Error(`seeding failed:\n${seed.stderr}`);

  const portal = await startPortal({ dataDir, logs: false });
  console.log(`  portal: pid ${portal.pid}, ${portal.url}, RSS ${memoryOf(portal.pid).rssMiB} MiB idle`);
  const first = JSON.parse(
    (await httpGet(`${portal.url}/api/v1/commitments?limit=1`, {}, 60000)).body.toString('utf8'),
  );
  const paths = (
    process.env.BENCH_API_PATHS ??
    `/api/v1/commitments,/api/v1/commitments?limit=500,/api/v1/commitments/${first.data[0].id},/api/v1/activities`
  )
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

  // Once each, the render cache still empty: what the first reader after a public write waits.
  const cold = [];
  for (const path of paths) {
    const startedAt = performance.now();
    const response = await httpGet(`${portal.url}${path}`, { 'accept-encoding': settings.encoding }, 120000);
    cold.push({
      path,
      status: response.status,
      ms: Math.round(performance.now() - startedAt),
      wireBytes: response.body.length,
      renderCache: response.headers['x-render-cache'],
    });
    console.log(
      `  once ${path}: ${response.status} in ${cold.at(-1).ms} ms (${response.headers['x-render-cache'] ?? 'no cache'}), ${response.body.length} B on the wire`,
    );
  }

  const captures = [];
  for (const path of paths) captures.push(await capturePage(portal.url, path));
  const portalRuns = await loadAll(wrkPath, portal.url, captures);
  const memoryAfterLoad = memoryOf(portal.pid);
  await stopProcess(portal);

  let nginx = null;
  // nginx matches locations on the path only: paths with a query string get no static baseline.
  const staticCaptures = captures.filter((capture) => !capture.path.includes('?'));
  if (nginxPath && staticCaptures.length) {
    const server = await startNginx(nginxPath, staticCaptures);
    console.log(`\nnginx ${server.version} serving the same bytes at ${server.url}`);
    nginx = { version: server.version, runs: await loadAll(wrkPath, server.url, staticCaptures) };
    await stopProcess(server);
  }

  const rows = nginxComparisonRows(portalRuns, nginx?.runs);

  console.log(
    `\n=== Public API on the large synthetic plan (500 commitments, 5,000 milestones, 25,000 activities) ===`,
  );
  console.log(
    `wrk: ${settings.duration} s per row, ${settings.connections} connections, 2 threads, accept-encoding: ${settings.encoding}`,
  );
  console.log(
    table(rows, [
      ['target', 'target'],
      ['path', 'page'],
      ['req/s', 'rps'],
      ['p50 ms', 'p50'],
      ['p99 ms', 'p99'],
      ['body B', 'body'],
      ['errors', 'errors'],
      ['% of nginx', 'ratio'],
    ]),
  );
  if (!nginxPath) console.log('\nnginx is not installed: no baseline and no ratio (apt-get install -y nginx).');

  mkdirSync(resultsDir, { recursive: true });
  const startedAt = new Date().toISOString();
  const file = join(resultsDir, `api-${startedAt.replace(/[:.]/g, '-')}.json`);
  const pagesOut = captures.map(({ body: _b, rawHeaders: _h, ...rest }) => rest);
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt, commit: gitCommit(), machine, settings, pages: pagesOut, cold, portal: { runs: portalRuns, memoryAfterLoad }, nginx }, null, 2)}\n`,
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
