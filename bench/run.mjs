#!/usr/bin/env node
// Cocrea bench harness.
//
//   node bench/run.mjs
//
// 1. Builds dist/ if dist/main.js is missing (or BENCH_BUILD=1).
// 2. Cold start: spawns `node dist/main.js` on an empty embedded (PGlite) data directory and
//    times spawn -> first 200 response of `/` (migrations + demo seed + first render included).
//    Warm start: SIGTERM, then the same measurement again on the same data directory.
// 3. Load: restarts the portal on that data directory with request logging off, captures the
//    exact bytes of each page once, then drives each page with wrk (autocannon if wrk is missing) for a fixed time and
//    records requests/s, p50/p99 latency, bytes per response and the process memory.
// 4. If nginx is installed, serves the very same captured bytes (same compressed body, same
//    response headers) statically and runs the same load against it, so our throughput can be
//    printed as a percentage of nginx's from the same run on the same machine.
// 5. Optionally (BENCH_DATABASE_URL) repeats the load with the portal on a PostgreSQL server.
//
// Prints a summary table and writes bench/results/<timestamp>.json (git-ignored).
// Every process it starts listens on 127.0.0.1 only and is killed on exit, error or Ctrl-C.
// See bench/README.md for the knobs and what each figure means.

import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL, URL, URLSearchParams } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const mainJs = join(root, 'dist', 'main.js');
export const resultsDir = join(root, 'bench', 'results');
const LOOPBACK = '127.0.0.1';

// ---------------------------------------------------------------------------------------------
// Settings (environment variables; documented in bench/README.md)
// ---------------------------------------------------------------------------------------------

// Command-line options (they win over the environment): --path P (repeatable) loads these pages instead of
// BENCH_PAGES, --seed FILE runs FILE's default export on the database before the load (see bench/README.md).
const cli = parseArgs({
  options: { path: { type: 'string', multiple: true }, seed: { type: 'string' }, 'signed-in-path': { type: 'string' } },
  allowPositionals: false,
  // Other scripts import this file's helpers with options of their own.
  strict: process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1]),
}).values;

export const settings = {
  duration: positiveNumber('BENCH_DURATION', 10), // seconds of measured load per page and target
  warmup: nonNegativeNumber('BENCH_WARMUP', 2), // seconds of unmeasured load before each measurement
  connections: positiveNumber('BENCH_CONNECTIONS', 64),
  // What the load generator sends as accept-encoding. gzip is what every browser accepts; the
  // portal then compresses each response on the fly and nginx serves the same gzip bytes.
  encoding: process.env.BENCH_ENCODING ?? 'gzip',
  pages: (cli.path?.length ? cli.path : (process.env.BENCH_PAGES ?? '/,/componentes').split(','))
    .map((page) => page.trim())
    .filter(Boolean),
  seed: cli.seed ?? process.env.BENCH_SEED ?? undefined,
  // Signed-in pages: loaded with an administrator's session cookie (no render cache for them).
  signedInPaths: (cli['signed-in-path'] ?? process.env.BENCH_SIGNED_IN_PAGES ?? '/admin,/cuenta')
    .split(',')
    .map((page) => page.trim())
    .filter(Boolean),
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  // With BENCH_DATABASE_URL: the load again with WEB_CONCURRENCY worker processes (1 skips that pass).
  workers: positiveNumber('BENCH_WORKERS', 2),
  nginx: process.env.BENCH_NGINX || undefined, // path to an nginx binary, or `off`; found on PATH otherwise
  nginxWorkers: process.env.BENCH_NGINX_WORKERS || 'auto',
  forceBuild: process.env.BENCH_BUILD === '1',
  keepTemp: process.env.BENCH_KEEP === '1',
  startTimeoutMs: positiveNumber('BENCH_START_TIMEOUT', 60) * 1000,
};

/** Goals from the issue: empty data directory to first page, and restart to first page. */
const GOALS = {
  coldStartMs: 8000,
  warmStartMs: 2000,
  // Anonymous pages (render cache hits) at 64 connections, and one signed-in page.
  anonymousPercentOfNginx: 30,
  // The same with two worker processes on PostgreSQL.
  workersPercentOfNginx: 50,
  anonymousP99Ms: 25,
  signedInRequestsPerSecond: 2000,
  // The first visit of the first page: HTML, CSS and JavaScript as a browser gets them (compressed).
  firstVisitBytes: 50 * 1024,
  firstVisitJsBytes: 20 * 1024,
};

function positiveNumber(name, fallback) {
  const value = process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name]);
  if (!Number.isFinite(value) || value <= 0)
    fail(`${name} must be a positive number, got ${JSON.stringify(process.env[name])}`);
  return value;
}

function nonNegativeNumber(name, fallback) {
  const value = process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name]);
  if (!Number.isFinite(value) || value < 0)
    fail(`${name} must be zero or a positive number, got ${JSON.stringify(process.env[name])}`);
  return value;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

if (settings.signedInPaths.some((page) => !page.startsWith('/'))) fail('signed-in paths must start with /');
if (settings.pages.some((page) => !page.startsWith('/')))
  fail('BENCH_PAGES must be a comma-separated list of paths starting with /');
if (settings.databaseUrl && !/^postgres(ql)?:\/\//.test(settings.databaseUrl))
  fail('BENCH_DATABASE_URL must be a postgres:// URL');

// ---------------------------------------------------------------------------------------------
// Process bookkeeping: whatever we start is killed when we leave, whichever way we leave.
// ---------------------------------------------------------------------------------------------

/** Child processes still running, each started in its own process group (detached). */
const children = new Set();
const tempDirs = [];

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // the whole group: nginx workers and any helper
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function cleanupSync() {
  for (const child of children) killGroup(child, 'SIGKILL');
  children.clear();
  if (!settings.keepTemp) for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

process.on('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal} received, stopping everything that was started`);
    process.exit(130);
  });
}

/** Hard upper bound for the whole run, so a hung server can never keep the bench going. */
export function armWatchdog(loadRuns) {
  const budgetS = 120 + loadRuns * (settings.duration + settings.warmup + 10) + (settings.startTimeoutMs / 1000) * 4;
  const timer = setTimeout(() => {
    console.error(`bench: gave up after ${Math.round(budgetS)} s (watchdog); stopping everything`);
    process.exit(1);
  }, budgetS * 1000);
  timer.unref();
}

export function makeTempDir(prefix) {
  const dir = mkdtempSync(join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the kernel for a free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers (node:http, so compressed bodies come back exactly as sent)
// ---------------------------------------------------------------------------------------------

export function httpGet(url, headers = {}, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false, timeout: timeoutMs }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          headers: response.headers,
          rawHeaders: response.rawHeaders,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

function decode(body, encoding) {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

/** Polls url until it answers 200; resolves with the time it happened (performance.now()). */
async function waitFor200(url, deadline, isAlive) {
  for (;;) {
    if (!isAlive()) throw new Error('the server exited before answering');
    try {
      const response = await httpGet(url, { 'accept-encoding': settings.encoding }, 2000);
      if (response.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`no 200 from ${url} within ${settings.startTimeoutMs} ms`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------------------------------------
// The portal process
// ---------------------------------------------------------------------------------------------

/**
 * Starts `node dist/main.js` and measures spawn -> first 200 of `/`.
 *  - logs: true  -> LOG_LEVEL=info, PORT=0, the URL and startupMs are parsed from the log line
 *                   (used for the cold and warm start measurements, as a user would start it);
 *  - logs: false -> LOG_LEVEL=warn on a port picked beforehand, so the per-request info logs do
 *                   not cost throughput during the load runs.
 */
export async function startPortal({ dataDir, databaseUrl, logs, workers }) {
  const port = logs ? 0 : await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: LOOPBACK,
    PORT: String(port),
    PUBLIC_URL: `http://${LOOPBACK}:${port}`,
    LOG_LEVEL: logs ? 'info' : 'warn',
    DEMO_DATA: 'true',
  };
  delete env.DATABASE_URL; // never inherit one by accident: PGlite unless asked
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (dataDir) env.DATA_DIR = dataDir;
  env.WEB_CONCURRENCY = String(workers ?? 1);

  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [mainJs], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let exited = false;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = true;
      children.delete(child);
      resolve({ code, signal });
    });
  });

  // Keep the tail of the output for error messages; look for the "listening" line.
  let output = '';
  let listening;
  let onListening;
  const listeningPromise = new Promise((resolve) => (onListening = resolve));
  let pending = '';
  const onData = (chunk) => {
    const text = chunk.toString();
    output = (output + text).slice(-8000);
    pending += text;
    let newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const match = line.match(/Cocrea is listening on (http:\/\/[^"\s]+)/);
      if (match && !listening) {
        let startupMs;
        try {
          startupMs = JSON.parse(line).startupMs;
        } catch {
          // not JSON: keep the URL only
        }
        listening = { url: match[1], at: performance.now(), startupMs };
        onListening(listening);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const deadline = spawnedAt + settings.startTimeoutMs;
  const describeFailure = (error) => new Error(`${error.message}\n--- server output ---\n${output.trim()}`);
  try {
    let baseUrl;
    if (logs) {
      const timeout = sleep(settings.startTimeoutMs).then(() => {
        throw new Error('no "Cocrea is listening" log line in time');
      });
      const died = exitPromise.then(({ code, signal }) => {
        throw new Error(`the server exited (code ${code}, signal ${signal}) before listening`);
      });
      baseUrl = (await Promise.race([listeningPromise, timeout, died])).url;
    } else {
      baseUrl = `http://${LOOPBACK}:${port}`;
    }
    if (!new URL(baseUrl).hostname.startsWith('127.')) throw new Error(`the server is not on loopback: ${baseUrl}`);
    const firstPageAt = await waitFor200(`${baseUrl}/`, deadline, () => !exited);
    return {
      child,
      pid: child.pid,
      url: baseUrl,
      firstPageMs: Math.round(firstPageAt - spawnedAt),
      listeningMs: listening ? Math.round(listening.at - spawnedAt) : undefined,
      startupMs: listening?.startupMs,
      exitPromise,
      output: () => output,
    };
  } catch (error) {
    killGroup(child, 'SIGKILL');
    throw describeFailure(error);
  }
}

/** SIGTERM (graceful shutdown), SIGKILL if it takes more than 15 s. Returns the time it took. */
export async function stopProcess(proc, signal = 'SIGTERM') {
  if (!children.has(proc.child)) return 0;
  const startedAt = performance.now();
  killGroup(proc.child, signal);
  const result = await Promise.race([proc.exitPromise, sleep(15000).then(() => null)]);
  if (!result) {
    console.error(`bench: pid ${proc.pid} did not stop within 15 s, killing it`);
    killGroup(proc.child, 'SIGKILL');
    await proc.exitPromise;
  }
  return Math.round(performance.now() - startedAt);
}

/** The memory of a WEB_CONCURRENCY primary and of each of its workers. */
export function clusterMemoryOf(pid) {
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);
  return { primary: memoryOf(pid), workers: children.map((child) => ({ pid: child, ...memoryOf(child) })) };
}

/** Resident memory of a process in MiB: current (VmRSS) and peak (VmHWM), from /proc. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1]);
    return { rssMiB: round1(kib('VmRSS') / 1024), peakRssMiB: round1(kib('VmHWM') / 1024) };
  } catch {
    // No /proc (macOS): fall back to ps, which only knows the current RSS.
    const ps = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
    const kib = Number(ps.stdout.trim());
    return { rssMiB: Number.isFinite(kib) && kib > 0 ? round1(kib / 1024) : undefined, peakRssMiB: undefined };
  }
}

const round1 = (n) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Capturing pages and driving load
// ---------------------------------------------------------------------------------------------

/** Fetches a page three ways and keeps the exact response the load generator will get. */
export async function capturePage(baseUrl, path, headers = {}) {
  const url = `${baseUrl}${path}`;
  const plain = await httpGet(url, headers);
  const gzip = await httpGet(url, { ...headers, 'accept-encoding': 'gzip' });
  const br = await httpGet(url, { ...headers, 'accept-encoding': 'br' });
  const asLoaded = await httpGet(url, { ...headers, 'accept-encoding': settings.encoding });
  const again = await httpGet(url, { ...headers, 'accept-encoding': settings.encoding });
  for (const response of [plain, gzip, br, asLoaded]) {
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}, expected 200`);
  }
  const encoding = asLoaded.headers['content-encoding'] ?? 'identity';
  // The decoded body must be the page itself, or "same bytes" would be meaningless.
  if (!decode(asLoaded.body, encoding).equals(plain.body))
    throw new Error(`${path}: the ${encoding} body does not decode to the plain page`);
  return {
    path,
    uncompressedBytes: plain.body.length,
    gzipBytes: gzip.headers['content-encoding'] === 'gzip' ? gzip.body.length : undefined,
    brBytes: br.headers['content-encoding'] === 'br' ? br.body.length : undefined,
    loadEncoding: encoding,
    loadBodyBytes: asLoaded.body.length,
    // Are two consecutive responses byte-identical? (A per-request token would make them differ.)
    stableBody: asLoaded.body.equals(again.body),
    // `hit` when the render cache answered (anonymous public pages); absent when the page was rendered.
    renderCache: again.headers['x-render-cache'] ?? 'none',
    body: asLoaded.body,
    rawHeaders: asLoaded.rawHeaders,
    contentType: asLoaded.headers['content-type'] ?? 'text/html; charset=utf-8',
  };
}

/** wrk's duration units, to milliseconds. */
const toMs = (value, unit) => Number(value) * { us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit];
/** wrk's size units, to bytes. */
const toBytes = (value, unit) => Number(value) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[unit];

/**
 * Parses wrk's report (`wrk --latency`): requests/s, the latency percentiles, bytes read, and the errors it counts.
 * Exported for bench/wrk-report.test.mjs.
 */
export function parseWrk(text) {
  const latency = (percent) => {
    const match = new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(text);
    return match ? round1(toMs(match[1], match[2])) : undefined;
  };
  const total = /(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+)(B|KB|MB|GB) read/.exec(text);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const max = /^\s+Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s|m)/m.exec(text);
  const avg = /^\s+Latency\s+([\d.]+)(us|ms|s|m)/m.exec(text);
  const requests = total ? Number(total[1]) : 0;
  return {
    requestsPerSecond: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? 0)),
    latencyP50Ms: latency(50),
    latencyP99Ms: latency(99),
    latencyAvgMs: avg ? round1(toMs(avg[1], avg[2])) : undefined,
    latencyMaxMs: max ? round1(toMs(max[1], max[2])) : undefined,
    bytesPerResponse: requests && total ? Math.round(toBytes(total[4], total[5]) / requests) : 0,
    totalRequests: requests,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0),
    errors: socket ? socket.slice(1, 4).reduce((sum, n) => sum + Number(n), 0) : 0,
    timeouts: socket ? Number(socket[4]) : 0,
  };
}

/** wrk (a load generator written in C), when installed: autocannon saturates before nginx does on this machine. */
const wrkPath = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((path) => existsSync(path));
export const loadGenerator = wrkPath ? `wrk (${wrkPath})` : 'autocannon (install wrk for honest figures)';

function runWrk(url, headers, seconds) {
  const args = ['-t2', `-c${settings.connections}`, `-d${seconds}s`, '--latency', '--timeout', '10s'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const result = spawnSync(wrkPath, [...args, url], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Loads one URL: an unmeasured warm-up, then the measured run (wrk if installed, otherwise autocannon). */
async function load(url, headers = {}) {
  const allHeaders = { 'accept-encoding': settings.encoding, ...headers };
  if (wrkPath) {
    if (settings.warmup > 0) runWrk(url, allHeaders, settings.warmup);
    // wrk reports no per-second samples: the slowest second is not known.
    return { ...parseWrk(runWrk(url, allHeaders, settings.duration)), requestsPerSecondMin: null };
  }
  const options = { url, connections: settings.connections, pipelining: 1, timeout: 10, headers: allHeaders };
  if (settings.warmup > 0) await autocannon({ ...options, duration: settings.warmup });
  const result = await autocannon({ ...options, duration: settings.duration });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    // The slowest one-second sample: near 0 means the server stalled for a while during the run.
    requestsPerSecondMin: result.requests.min,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyAvgMs: round1(result.latency.average),
    latencyMaxMs: result.latency.max,
    // Wire bytes per response: status line + headers + (compressed) body, as autocannon counted them.
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    totalRequests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors, // socket errors, timeouts included
    timeouts: result.timeouts, // requests without a response after 10 s
  };
}

/** Loads each page in turn; reports it loudly (with the server's last output) if the server died under load. */
export async function loadPages(target, captures, headers = {}) {
  const runs = [];
  for (const capture of captures) {
    process.stdout.write(`  load ${capture.path}${headers.cookie ? ' (signed in)' : ''} ... `);
    const run = await load(`${target.url}${capture.path}`, headers);
    if (!children.has(target.child)) {
      // Keep what was measured so far, say so loudly, and skip the remaining pages of this target.
      console.log(
        `the server (pid ${target.pid}) EXITED during this run; its last output:\n${target.output().trim() || '(none)'}`,
      );
      runs.push({
        page: capture.path,
        bodyBytes: capture.loadBodyBytes,
        renderCache: capture.renderCache,
        ...run,
        serverExited: true,
        serverOutput: target.output().trim(),
      });
      break;
    }
    console.log(
      `${run.requestsPerSecond} req/s${run.requestsPerSecondMin === null ? '' : ` (slowest second ${run.requestsPerSecondMin})`}, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms, max ${run.latencyMaxMs} ms`,
    );
    runs.push({ page: capture.path, bodyBytes: capture.loadBodyBytes, renderCache: capture.renderCache, ...run });
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// nginx, serving the same bytes
// ---------------------------------------------------------------------------------------------

export function findNginx() {
  if (settings.nginx === 'off') return undefined;
  if (settings.nginx) return settings.nginx;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  if (which.status === 0 && found) return found;
  for (const candidate of [
    '/usr/sbin/nginx',
    '/usr/local/sbin/nginx',
    '/usr/local/bin/nginx',
    '/opt/homebrew/bin/nginx',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A string in an nginx config, double-quoted. */
const nginxString = (value) => `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Response headers nginx produces itself, or that describe the connection rather than the page. */
const HEADERS_NGINX_SETS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'content-type',
  'server',
]);

function nginxConfig({ dir, port, captures }) {
  const locations = captures.map((capture, index) => {
    const file = `page-${index}.body`;
    writeFileSync(join(dir, 'www', file), capture.body, { mode: 0o644 });
    const headers = [];
    for (let i = 0; i < capture.rawHeaders.length; i += 2) {
      const [name, value] = [capture.rawHeaders[i], capture.rawHeaders[i + 1]];
      // `$` would be read as an nginx variable; none of our headers uses one, but stay safe.
      if (HEADERS_NGINX_SETS.has(name.toLowerCase()) || value.includes('$')) continue;
      headers.push(`      add_header ${nginxString(name)} ${nginxString(value)} always;`);
    }
    return [
      `    location = ${capture.path} {`,
      `      default_type ${nginxString(capture.contentType)};`,
      ...headers,
      `      rewrite ^ /${file} break;`,
      '    }',
    ].join('\n');
  });
  return `# Generated by bench/run.mjs: serves the portal's captured responses as static files.
worker_processes ${settings.nginxWorkers};
daemon off;
master_process on;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;

events {
  worker_connections 4096;
}

http {
  access_log off;
  server_tokens off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  etag off;
  # Node keeps a connection open for any number of requests; let nginx do the same.
  keepalive_requests 1000000;
  keepalive_timeout 5s;
  types {}
  client_body_temp_path ${dir}/tmp/client_body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;

  server {
    listen ${LOOPBACK}:${port};
    root ${dir}/www;
${locations.join('\n')}
    location / {
      return 404;
    }
  }
}
`;
}

export async function startNginx(nginxPath, captures) {
  const dir = makeTempDir('cocrea-bench-nginx-');
  // Started as root, nginx workers run as an unprivileged user: they must be able to read the files.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'www'), { mode: 0o755 });
  mkdirSync(join(dir, 'tmp'), { mode: 0o755 });
  const port = await freePort();
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, nginxConfig({ dir, port, captures }));

  const check = spawnSync(nginxPath, ['-t', '-q', '-p', dir, '-e', join(dir, 'error.log'), '-c', confPath], {
    encoding: 'utf8',
  });
  if (check.error) throw new Error(`cannot run ${nginxPath}: ${check.error.message}`);
  if (check.status !== 0) throw new Error(`nginx rejected the generated config:\n${check.stderr}`);

  const child = spawn(nginxPath, ['-p', dir, '-e', join(dir, 'error.log'), '-c', confPath], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let exited = false;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = true;
      children.delete(child);
      resolve({ code, signal });
    });
  });
  const url = `http://${LOOPBACK}:${port}`;
  try {
    await waitFor200(`${url}${captures[0].path}`, performance.now() + 10000, () => !exited);
  } catch (error) {
    killGroup(child, 'SIGKILL');
    throw new Error(`nginx did not start: ${error.message}\n${stderr}`);
  }
  // Verify nginx really sends the same body bytes the portal sent.
  for (const capture of captures) {
    const response = await httpGet(`${url}${capture.path}`, { 'accept-encoding': settings.encoding });
    if (!response.body.equals(capture.body)) throw new Error(`nginx does not serve the same bytes for ${capture.path}`);
  }
  const version = spawnSync(nginxPath, ['-v'], { encoding: 'utf8' })
    .stderr.trim()
    .replace(/^nginx version: /, '');
  return { child, pid: child.pid, url, exitPromise, version, output: () => stderr };
}

// ---------------------------------------------------------------------------------------------
// Seeding hook, a signed-in session, and the weight of a first visit
// ---------------------------------------------------------------------------------------------

/**
 * Runs the --seed module's default export on the benchmark's database before the load: with PGlite the portal is
 * stopped (the data directory is locked while it runs), with PostgreSQL it is running and the bench clears its render
 * cache afterwards. The module gets { dataDir, databaseUrl, root, log }.
 */
async function runSeed(target) {
  if (!settings.seed) return;
  const file = resolve(process.cwd(), settings.seed);
  const seed = (await import(pathToFileURL(file).href)).default;
  if (typeof seed !== 'function') throw new Error(`${settings.seed} has no default export function`);
  const startedAt = performance.now();
  await seed({ ...target, root, log: (message) => console.log(`  seed: ${message}`) });
  console.log(`  seed ${settings.seed} done in ${Math.round(performance.now() - startedAt)} ms`);
}

/** Tells every portal on a PostgreSQL database to drop its render cache (as a committed write does). */
async function notifyPortals(databaseUrl) {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_notify('cocrea_cache', '')");
  } finally {
    await client.end();
  }
}

/**
 * Creates the PostgreSQL database of BENCH_DATABASE_URL when it does not exist yet (through the server's `postgres`
 * database), so a run does not stop after the PGlite part on a fresh server.
 */
async function ensureDatabase(databaseUrl) {
  const pg = require('pg');
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name)
    throw new Error('BENCH_DATABASE_URL must name a database, e.g. postgres://postgres@127.0.0.1:5432/cocrea_bench');
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replaceAll('"', '""')}"`);
      console.log(`  created the PostgreSQL database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** `cocrea create-admin` on the database; returns the path of the one-time link it prints. */
function createAdminLink({ dataDir, databaseUrl }) {
  const env = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (dataDir) env.DATA_DIR = dataDir;
  const email = `bench-${Date.now()}@example.mx`;
  const run = spawnSync(process.execPath, [join(root, 'bin', 'cocrea.js'), 'create-admin', email], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60000,
  });
  const match = `${run.stdout}\n${run.stderr}`.match(/https?:\/\/[^\s]+(\/recuperar\/[A-Za-z0-9_-]+)/);
  if (run.status !== 0 || !match) throw new Error(`create-admin failed:\n${run.stdout}\n${run.stderr}`);
  return match[1];
}

function httpPostForm(url, form, headers) {
  return new Promise((resolvePost, reject) => {
    const body = new URLSearchParams(form).toString();
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        timeout: 10000,
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolvePost({ status: response.statusCode, headers: response.headers }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });
}

const cookiePairs = (setCookie = []) =>
  Object.fromEntries(
    setCookie.map((line) => line.split(';')[0].split('=')).map(([name, ...value]) => [name, value.join('=')]),
  );

/** Follows the link as a browser would (choose a password), and returns the session cookie header. */
async function signInWithLink(baseUrl, linkPath) {
  const form = await httpGet(`${baseUrl}${linkPath}`);
  const csrf = form.body.toString().match(/name="_csrf" value="([^"]+)"/)?.[1];
  const cookies = cookiePairs(form.headers['set-cookie']);
  if (form.status !== 200 || !csrf || !cookies.csrf)
    throw new Error(`${linkPath} did not offer the password form (status ${form.status})`);
  const posted = await httpPostForm(
    `${baseUrl}${linkPath}`,
    { _csrf: csrf, password: `Bench-${Date.now()}-contraseña-larga` },
    { cookie: `csrf=${cookies.csrf}` },
  );
  const sid = cookiePairs(posted.headers['set-cookie']).sid;
  if (posted.status !== 303 || !sid) throw new Error(`choosing the password did not sign in (status ${posted.status})`);
  return `sid=${sid}`;
}

/** What a first visit of `path` downloads: the page, its style sheets and scripts, compressed as a browser asks. */
async function firstVisitWeight(baseUrl, path) {
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  const page = await httpGet(`${baseUrl}${path}`, headers);
  const html = decode(page.body, page.headers['content-encoding'] ?? 'identity').toString();
  const assets = [
    ...[...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => ({ kind: 'css', href: m[1] })),
    ...[...html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="stylesheet"/g)].map((m) => ({ kind: 'css', href: m[1] })),
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => ({ kind: 'js', href: m[1] })),
  ];
  const seen = new Set();
  const files = [
    { kind: 'html', href: path, bytes: page.body.length, encoding: page.headers['content-encoding'] ?? 'identity' },
  ];
  for (const asset of assets) {
    if (seen.has(asset.href) || /^(https?:)?\/\//.test(asset.href)) continue;
    seen.add(asset.href);
    const response = await httpGet(new URL(asset.href, `${baseUrl}${path}`).toString(), headers);
    files.push({
      ...asset,
      bytes: response.body.length,
      encoding: response.headers['content-encoding'] ?? 'identity',
      status: response.status,
    });
  }
  const sum = (kind) => files.filter((f) => !kind || f.kind === kind).reduce((total, f) => total + f.bytes, 0);
  return { path, totalBytes: sum(), htmlBytes: sum('html'), cssBytes: sum('css'), jsBytes: sum('js'), files };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

export function table(rows, columns) {
  const widths = columns.map(([title, key]) =>
    Math.max(title.length, ...rows.map((row) => String(row[key] ?? '-').length)),
  );
  const line = (cells) =>
    cells.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
  return [
    line(columns.map(([title]) => title)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line(columns.map(([, key]) => row[key] ?? '-'))),
  ].join('\n');
}

/**
 * Rows for `table`: each portal run beside nginx serving the same bytes. Sets each portal run's `percentOfNginx`
 * (its requests per second as a share of nginx's on the same page; undefined without a baseline).
 */
export function nginxComparisonRows(portalRuns, nginxRuns = [], target = 'portal (PGlite)') {
  const row = (run, target, ratio) => ({
    target,
    page: run.page,
    rps: run.requestsPerSecond,
    p50: run.latencyP50Ms,
    p99: run.latencyP99Ms,
    body: run.bodyBytes,
    errors: run.errors + run.non2xx,
    ratio,
  });
  const rows = portalRuns.map((run) => {
    const reference = nginxRuns.find((r) => r.page === run.page);
    run.percentOfNginx = reference
      ? Math.round((run.requestsPerSecond / reference.requestsPerSecond) * 1000) / 10
      : undefined;
    return row(run, target, run.percentOfNginx === undefined ? '-' : `${run.percentOfNginx}%`);
  });
  return [...rows, ...nginxRuns.map((run) => row(run, 'nginx', '100%'))];
}

const goal = (ms, limit) => (ms <= limit ? `ok, goal <= ${limit} ms` : `OVER the goal of ${limit} ms`);

/** Share of the CPU left idle by everything else, sampled over one second (Linux only). */
export async function idleCpuPercent() {
  const sample = () => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: fields[3] + fields[4], total: fields.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const before = sample();
  if (!before) return undefined;
  await sleep(1000);
  const after = sample();
  return Math.round((100 * (after.idle - before.idle)) / (after.total - before.total));
}

export function gitCommit() {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const nginxPath = findNginx();
  const loadRuns =
    (settings.pages.length + settings.signedInPaths.length) *
    (1 + (nginxPath ? 1 : 0) + (settings.databaseUrl ? 1 : 0));
  armWatchdog(loadRuns);
  if (settings.databaseUrl) await ensureDatabase(settings.databaseUrl);

  if (settings.forceBuild || !existsSync(mainJs)) {
    console.log('Building dist/ (node scripts/build.mjs) ...');
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
  }

  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    totalMemoryMiB: Math.round(os.totalmem() / 1048576),
    loadAverageAtStart: os.loadavg().map((n) => round1(n)),
    idleCpuPercentAtStart: await idleCpuPercent(),
  };
  const results = {
    startedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine,
    settings: {
      ...settings,
      databaseUrl: settings.databaseUrl ? settings.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') : undefined,
    },
    loadGenerator,
    autocannon: wrkPath ? undefined : require('autocannon/package.json').version,
  };
  console.log(
    `Cocrea bench: ${machine.cpus} CPUs, Node ${machine.node}, ${settings.duration} s per run (+${settings.warmup} s warm-up), ` +
      `${settings.connections} connections, accept-encoding: ${settings.encoding}, load from ${loadGenerator}`,
  );
  if (machine.idleCpuPercentAtStart !== undefined && machine.idleCpuPercentAtStart < 80) {
    console.log(
      `  note: the machine is busy (only ${machine.idleCpuPercentAtStart}% of the CPU idle); figures will be lower and noisier`,
    );
  }

  // 1. Cold and warm start on an embedded database.
  const dataDir = makeTempDir('cocrea-bench-data-');
  console.log(`\nEmbedded database (PGlite) in ${dataDir}`);
  const cold = await startPortal({ dataDir, logs: true });
  console.log(`  cold start: ${cold.firstPageMs} ms to the first page (${goal(cold.firstPageMs, GOALS.coldStartMs)})`);
  const coldMemory = memoryOf(cold.pid);
  const coldStopMs = await stopProcess(cold);
  const warm = await startPortal({ dataDir, logs: true });
  console.log(`  warm start: ${warm.firstPageMs} ms to the first page (${goal(warm.firstPageMs, GOALS.warmStartMs)})`);
  const warmMemory = memoryOf(warm.pid);
  await stopProcess(warm);
  results.startup = {
    cold: {
      firstPageMs: cold.firstPageMs,
      listeningMs: cold.listeningMs,
      serverStartupMs: cold.startupMs,
      goalMs: GOALS.coldStartMs,
      memoryAfterFirstPage: coldMemory,
      shutdownMs: coldStopMs,
    },
    warm: {
      firstPageMs: warm.firstPageMs,
      listeningMs: warm.listeningMs,
      serverStartupMs: warm.startupMs,
      goalMs: GOALS.warmStartMs,
      memoryAfterFirstPage: warmMemory,
    },
  };

  // 2. Load against the warm embedded database, request logging off (seeded first if asked, while it is stopped).
  await runSeed({ dataDir });
  const linkPath = createAdminLink({ dataDir });
  const portal = await startPortal({ dataDir, logs: false });
  const captures = [];
  for (const path of settings.pages) captures.push(await capturePage(portal.url, path));
  results.firstVisit = await firstVisitWeight(portal.url, settings.pages[0]);
  const sessionCookie = await signInWithLink(portal.url, linkPath);
  const signedInCaptures = [];
  for (const path of settings.signedInPaths)
    signedInCaptures.push(await capturePage(portal.url, path, { cookie: sessionCookie }));
  const idleMemory = memoryOf(portal.pid);
  console.log(
    `  load server: pid ${portal.pid}, ${portal.url}, ready in ${portal.firstPageMs} ms, RSS ${idleMemory.rssMiB} MiB idle`,
  );
  const pgliteRuns = await loadPages(portal, captures);
  const pgliteSignedIn = await loadPages(portal, signedInCaptures, { cookie: sessionCookie });
  const loadedMemory = memoryOf(portal.pid);
  await stopProcess(portal);
  results.pages = captures.map(({ body: _body, rawHeaders: _rawHeaders, ...rest }) => rest);
  results.pglite = {
    readyMs: portal.firstPageMs,
    memoryIdle: idleMemory,
    memoryAfterLoad: loadedMemory,
    runs: pgliteRuns,
    signedIn: pgliteSignedIn,
  };

  // 3. Optionally the same load with the portal on PostgreSQL.
  if (settings.databaseUrl) {
    console.log('\nPostgreSQL server (BENCH_DATABASE_URL)');
    const pg = await startPortal({ databaseUrl: settings.databaseUrl, logs: false });
    if (settings.seed) {
      await runSeed({ databaseUrl: settings.databaseUrl });
      await notifyPortals(settings.databaseUrl);
    }
    for (const capture of captures) {
      const again = await capturePage(pg.url, capture.path);
      if (again.uncompressedBytes !== capture.uncompressedBytes) {
        console.log(
          `  note: ${capture.path} is ${again.uncompressedBytes} bytes on PostgreSQL vs ${capture.uncompressedBytes} on PGlite (different data?)`,
        );
      }
    }
    const pgIdle = memoryOf(pg.pid);
    console.log(`  load server: pid ${pg.pid}, ready in ${pg.firstPageMs} ms, RSS ${pgIdle.rssMiB} MiB idle`);
    const pgRuns = await loadPages(pg, captures);
    const pgCookie = await signInWithLink(pg.url, createAdminLink({ databaseUrl: settings.databaseUrl }));
    const pgSignedInCaptures = [];
    for (const path of settings.signedInPaths)
      pgSignedInCaptures.push(await capturePage(pg.url, path, { cookie: pgCookie }));
    const pgSignedIn = await loadPages(pg, pgSignedInCaptures, { cookie: pgCookie });
    const pgLoaded = memoryOf(pg.pid);
    await stopProcess(pg);
    results.postgres = {
      readyMs: pg.firstPageMs,
      memoryIdle: pgIdle,
      memoryAfterLoad: pgLoaded,
      runs: pgRuns,
      signedIn: pgSignedIn,
    };
  }

  // 3b. The same anonymous load with several worker processes on PostgreSQL (WEB_CONCURRENCY).
  if (settings.databaseUrl && settings.workers > 1) {
    console.log(`\nPostgreSQL server, ${settings.workers} worker processes (WEB_CONCURRENCY)`);
    const cluster = await startPortal({ databaseUrl: settings.databaseUrl, logs: false, workers: settings.workers });
    await sleep(3000); // every worker listening, not only the first
    for (const capture of captures) await capturePage(cluster.url, capture.path);
    const idle = clusterMemoryOf(cluster.pid);
    const runs = await loadPages(cluster, captures);
    const loaded = clusterMemoryOf(cluster.pid);
    await stopProcess(cluster);
    results.workers = { count: settings.workers, memoryIdle: idle, memoryAfterLoad: loaded, runs };
  }

  // 4. nginx serving the same bytes.
  if (nginxPath) {
    const nginx = await startNginx(nginxPath, captures);
    console.log(`\nnginx ${nginx.version} (${settings.nginxWorkers} workers) serving the same bytes at ${nginx.url}`);
    const nginxRuns = await loadPages(nginx, captures);
    await stopProcess(nginx, 'SIGTERM');
    results.nginx = { version: nginx.version, workers: settings.nginxWorkers, runs: nginxRuns };
  } else {
    results.nginx = null;
  }

  // 5. Summary.
  const rows = [];
  const ratioOf = (run) => {
    const reference = results.nginx?.runs.find((r) => r.page === run.page);
    return reference ? `${Math.round((run.requestsPerSecond / reference.requestsPerSecond) * 1000) / 10}%` : undefined;
  };
  const addRows = (target, runs) => {
    for (const run of runs) {
      rows.push({
        target,
        page: run.page,
        rps: run.requestsPerSecond,
        p50: run.latencyP50Ms,
        p99: run.latencyP99Ms,
        body: run.bodyBytes,
        wire: run.bytesPerResponse,
        non2xx: run.non2xx,
        errors: run.timeouts > 0 ? `${run.errors} (${run.timeouts} timeouts)` : run.errors,
        healthy: run.non2xx === 0 && run.errors === 0,
        cache: target === 'nginx' ? '-' : run.renderCache,
        ratio: target === 'nginx' ? '100%' : target.includes('signed in') ? '-' : ratioOf(run),
      });
      if (target !== 'nginx' && !target.includes('signed in'))
        run.percentOfNginx = ratioOf(run) ? Number.parseFloat(ratioOf(run)) : undefined;
    }
  };
  addRows('portal (PGlite)', pgliteRuns);
  addRows('portal (PGlite), signed in', pgliteSignedIn);
  if (results.postgres) {
    addRows('portal (PostgreSQL)', results.postgres.runs);
    addRows('portal (PostgreSQL), signed in', results.postgres.signedIn);
  }
  if (results.workers) addRows(`portal (PostgreSQL, ${results.workers.count} workers)`, results.workers.runs);
  if (results.nginx) addRows('nginx', results.nginx.runs);

  console.log('\n=== Summary ===');
  console.log(
    `Cold start (empty data directory -> first page): ${cold.firstPageMs} ms  [${goal(cold.firstPageMs, GOALS.coldStartMs)}]`,
  );
  console.log(
    `Warm start (existing data directory -> first page): ${warm.firstPageMs} ms  [${goal(warm.firstPageMs, GOALS.warmStartMs)}]`,
  );
  const mib = (value) => (value === undefined || Number.isNaN(value) ? 'n/a' : `${value} MiB`);
  console.log(
    `Memory at the first page: cold start RSS ${mib(coldMemory.rssMiB)} (peak ${mib(coldMemory.peakRssMiB)}, migrations and seed), ` +
      `warm start RSS ${mib(warmMemory.rssMiB)} (peak ${mib(warmMemory.peakRssMiB)})`,
  );
  console.log(
    `Memory (PGlite, includes the embedded database): RSS ${mib(idleMemory.rssMiB)} idle, ${mib(loadedMemory.rssMiB)} after load, peak ${mib(loadedMemory.peakRssMiB)}`,
  );
  if (results.postgres) {
    const m = results.postgres.memoryAfterLoad;
    console.log(
      `Memory (PostgreSQL, Node process only): RSS ${mib(results.postgres.memoryIdle.rssMiB)} idle, ${mib(m.rssMiB)} after load, peak ${mib(m.peakRssMiB)}`,
    );
  }
  if (results.workers) {
    const { primary, workers } = results.workers.memoryAfterLoad;
    console.log(
      `Memory (${results.workers.count} workers on PostgreSQL, after load): primary RSS ${mib(primary.rssMiB)}, workers ${workers.map((w) => `${mib(w.rssMiB)} (peak ${mib(w.peakRssMiB)})`).join(', ')}`,
    );
  }
  console.log(
    `Page sizes: ${results.pages.map((p) => `${p.path} ${p.uncompressedBytes} B (gzip ${p.gzipBytes ?? '-'} B, br ${p.brBytes ?? '-'} B)`).join('; ')}`,
  );
  console.log(
    `\nLoad: ${settings.duration} s per row, ${settings.connections} connections, accept-encoding: ${settings.encoding}`,
  );
  console.log(
    table(rows, [
      ['target', 'target'],
      ['page', 'page'],
      ['req/s', 'rps'],
      ['p50 ms', 'p50'],
      ['p99 ms', 'p99'],
      ['body B', 'body'],
      ['B/resp', 'wire'],
      ['non-2xx', 'non2xx'],
      ['errors', 'errors'],
      ['cache', 'cache'],
      ['% of nginx', 'ratio'],
    ]),
  );

  // The issue's targets, checked on the figures of this run.
  const verdict = (ok) => (ok ? 'ok' : 'NOT MET');
  console.log('\nTargets:');
  for (const run of [...pgliteRuns, ...(results.postgres?.runs ?? [])]) {
    const where = results.postgres?.runs.includes(run) ? 'PostgreSQL' : 'PGlite';
    if (run.percentOfNginx !== undefined) {
      console.log(
        `  ${run.page} (${where}, cache ${run.renderCache}): ${run.percentOfNginx}% of nginx [${verdict(run.percentOfNginx >= GOALS.anonymousPercentOfNginx)}, goal >= ${GOALS.anonymousPercentOfNginx}%]`,
      );
    }
    console.log(
      `  ${run.page} (${where}, cache ${run.renderCache}): p99 ${run.latencyP99Ms} ms [${verdict(run.latencyP99Ms <= GOALS.anonymousP99Ms)}, goal <= ${GOALS.anonymousP99Ms} ms]`,
    );
  }
  for (const run of results.workers?.runs ?? []) {
    if (run.percentOfNginx === undefined) continue;
    console.log(
      `  ${run.page} (PostgreSQL, ${results.workers.count} workers, cache ${run.renderCache}): ${run.percentOfNginx}% of nginx [${verdict(run.percentOfNginx >= GOALS.workersPercentOfNginx)}, goal >= ${GOALS.workersPercentOfNginx}%]; p99 ${run.latencyP99Ms} ms [${verdict(run.latencyP99Ms <= GOALS.anonymousP99Ms)}]`,
    );
  }
  for (const run of [...pgliteSignedIn, ...(results.postgres?.signedIn ?? [])]) {
    const where = results.postgres?.signedIn.includes(run) ? 'PostgreSQL' : 'PGlite';
    console.log(
      `  ${run.page} signed in (${where}): ${run.requestsPerSecond} req/s [${verdict(run.requestsPerSecond >= GOALS.signedInRequestsPerSecond)}, goal >= ${GOALS.signedInRequestsPerSecond}]`,
    );
  }
  const visit = results.firstVisit;
  console.log(
    `  first visit of ${visit.path}: ${visit.totalBytes} B compressed (HTML ${visit.htmlBytes}, CSS ${visit.cssBytes}, JS ${visit.jsBytes}) ` +
      `[${verdict(visit.totalBytes <= GOALS.firstVisitBytes)}, goal <= ${GOALS.firstVisitBytes} B; JS ${verdict(visit.jsBytes <= GOALS.firstVisitJsBytes)}, goal <= ${GOALS.firstVisitJsBytes} B]`,
  );
  if (!nginxPath && settings.nginx === 'off') {
    console.log('\nnginx skipped (BENCH_NGINX=off): no static baseline and no ratio.');
  } else if (!nginxPath) {
    console.log(
      '\nnginx is not installed, so there is no static baseline and no ratio. Install it (e.g. `apt-get install -y nginx`) and run again.',
    );
  }
  const crashed = [...pgliteRuns, ...(results.postgres?.runs ?? []), ...(results.nginx?.runs ?? [])].filter(
    (run) => run.serverExited,
  );
  if (crashed.length > 0)
    console.log(
      `\nWarning: a server exited under load (${crashed.map((r) => r.page).join(', ')}); see its output above`,
    );
  const unhealthy = rows.filter((row) => !row.healthy);
  if (unhealthy.length > 0)
    console.log(
      `\nWarning: non-2xx responses or errors in ${unhealthy.map((r) => `${r.target} ${r.page}`).join(', ')}`,
    );

  mkdirSync(resultsDir, { recursive: true });
  results.finishedAt = new Date().toISOString();
  const file = join(resultsDir, `${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nResults written to ${file}`);
}

// Run only when executed (`node bench/run.mjs`); other bench scripts import the helpers above.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`bench: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
