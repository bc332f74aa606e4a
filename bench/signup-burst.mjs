#!/usr/bin/env node
// Sign-up burst: many distinct people submit the Súmate form at once, against the portal on PGlite (embedded) and,
// with BENCH_DATABASE_URL, on PostgreSQL. Afterwards it counts rows in the database: every accepted sign-up must
// be exactly one registration with exactly one confirmation e-mail and one delivery job (none lost, none doubled).
//
//   node bench/signup-burst.mjs                                   # PGlite only
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/cocrea_burst node bench/signup-burst.mjs
//
// Settings: BURST_PEOPLE (default 3000), BURST_CONCURRENCY (default 64), BURST_TARGETS (default `pglite,postgres`:
// which databases to burst; postgres only with BENCH_DATABASE_URL), BURST_NODE_ARGS (extra Node flags for the portal,
// e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`). Loopback only; bounded in count and time.
//
// BURST_SMTP=1 also measures e-mail delivery: the portal sends through a local SMTP server started here, and the
// bench waits until every confirmation arrived, then reports e-mails/s, how long after the burst the last one
// arrived, and any message received twice (by Message-ID):
//   BURST_SMTP=1 BURST_PEOPLE=2000 BURST_TARGETS=postgres BENCH_DATABASE_URL=... node bench/signup-burst.mjs

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { Buffer } from 'node:buffer';
import { URLSearchParams } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mainJs = join(root, 'dist', 'main.js');
const people = Number(process.env.BURST_PEOPLE ?? 3000);
const concurrency = Number(process.env.BURST_CONCURRENCY ?? 64);
const targets = new Set((process.env.BURST_TARGETS ?? 'pglite,postgres').split(',').map((target) => target.trim()));
const FORM = '/ejercicios/cuarto-pal-demostracion/convocatoria/sumate';
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
setTimeout(() => {
  console.error('signup-burst: took longer than 10 minutes, giving up');
  process.exit(2);
}, 600_000).unref();

function request(port, method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A local SMTP server that accepts everything and notes when each message arrived (BURST_SMTP=1). */
async function startSmtpSink() {
  const { SMTPServer } = await import('smtp-server');
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
        for (const rcpt of session.envelope.rcptTo)
          received.push({ to: rcpt.address, messageId, at: performance.now() });
        callback(null, 'queued');
      });
    },
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Waits until the burst's confirmations all arrived (or 5 minutes), then reports the delivery. */
async function reportDelivery(label, sink, run, accepted, burstEnded) {
  const mine = () => sink.received.filter((message) => message.to.startsWith(`burst-${run}-`));
  const deadline = performance.now() + 300_000;
  while (mine().length < accepted && performance.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const messages = mine();
  const distinct = new Set(messages.map((message) => message.messageId)).size;
  const first = Math.min(...messages.map((message) => message.at));
  const last = Math.max(...messages.map((message) => message.at));
  const rate = messages.length / Math.max(0.001, (last - first) / 1000);
  console.log(
    `${label}: e-mail: ${messages.length} of ${accepted} confirmations received, ${rate.toFixed(0)} e-mails/s, the last ${((last - burstEnded) / 1000).toFixed(1)} s after the burst ended, ${messages.length - distinct} received twice`,
  );
  return messages.length === accepted && distinct === accepted;
}

async function startPortal(env) {
  const port = await freePort();
  const nodeArgs = (process.env.BURST_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, mainJs], {
    // Request logs off (as a production log level would keep only warnings), so they do not cost throughput.
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SIGNUP_LIMIT_PER_HOUR: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  let exited = false;
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  child.on('exit', () => (exited = true));
  for (let waited = 0; waited < 60_000; waited += 200) {
    if (exited) throw new Error(`portal exited before it was ready:\n${output}`);
    const ready = await request(port, 'GET', '/readyz').catch(() => undefined);
    if (ready?.status === 200) return { child, port };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`portal not ready after 60 s:\n${output}`);
}

async function stop(child) {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  children.delete(child);
}

/** CPU time (user + system) the process has used, in ms, from /proc (Linux; undefined elsewhere). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function burst(port, label, pid) {
  const form = await request(port, 'GET', FORM);
  const noticeId = /name="privacyNoticeId" value="([^"]+)"/.exec(form.body)?.[1];
  if (!noticeId) throw new Error('no sign-up form: is the demo call open?');
  const token = randomBytes(32).toString('base64url');
  const run = randomBytes(3).toString('hex');
  let next = 0;
  const statuses = new Map();
  const latencies = [];
  const started = performance.now();
  const cpuBefore = cpuMs(pid);
  async function worker() {
    while (next < people) {
      const i = next++;
      const body = new URLSearchParams({
        _csrf: token,
        privacyNoticeId: noticeId,
        fullName: `Persona de prueba ${i}`,
        email: `burst-${run}-${i}@example.mx`,
        municipalityCvegeo: i % 2 ? '10005' : '10007',
        sector: 'individual',
        motivation: 'Quiero participar en el ejercicio de gobierno abierto de mi estado.',
        acceptsHonorary: 'yes',
        consent: 'yes',
      }).toString();
      const t0 = performance.now();
      const response = await request(port, 'POST', FORM, {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          cookie: `csrf=${token}`,
        },
        body,
      });
      latencies.push(performance.now() - t0);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuMs(pid);
  // The portal's own CPU per sign-up: less sensitive than the rate to other work on a shared machine. On PGlite it
  // includes the database (in the process); on PostgreSQL the server's processes are not counted.
  const cpuPerSignup =
    cpuBefore === undefined || cpuAfter === undefined ? 'n/a' : `${((cpuAfter - cpuBefore) / people).toFixed(1)} ms`;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(0);
  const accepted = statuses.get(303) ?? 0;
  console.log(
    `${label}: ${people} sign-ups, ${concurrency} in parallel: ${(accepted / seconds).toFixed(0)} sign-ups/s, p50 ${pct(50)} ms, p99 ${pct(99)} ms, portal CPU ${cpuPerSignup} per sign-up, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  return { run, accepted, seconds, ended: performance.now() };
}

async function countRows(database, run) {
  const like = `burst-${run}-%`;
  const [registrations, distinct, emails, jobs] = await Promise.all([
    database.query(`select count(*)::int as n from registrations where email like $1`, [like]),
    database.query(`select count(distinct lower(email))::int as n from registrations where email like $1`, [like]),
    database.query(
      `select count(*)::int as n from emails where to_address like $1 and template = 'confirm_registration'`,
      [like],
    ),
    database
      .query(
        `select count(*)::int as n from pgboss.job j join emails e on e.id::text = j.id::text where e.to_address like $1`,
        [like],
      )
      .catch(() => ({ rows: [{ n: -1 }] })),
  ]);
  return {
    registrations: registrations.rows[0].n,
    distinct: distinct.rows[0].n,
    emails: emails.rows[0].n,
    jobs: jobs.rows[0].n,
  };
}

function verdict(label, accepted, counts) {
  const ok =
    counts.registrations === accepted &&
    counts.distinct === accepted &&
    counts.emails === accepted &&
    (counts.jobs === -1 || counts.jobs === accepted);
  console.log(
    `${label}: rows afterwards ${JSON.stringify(counts)} for ${accepted} accepted sign-ups: ${ok ? 'none lost, none duplicated' : 'MISMATCH'}`,
  );
  return ok;
}

if (!existsSync(mainJs)) {
  console.error('Build first: npm run build');
  process.exit(1);
}
let allOk = true;
const sink = process.env.BURST_SMTP ? await startSmtpSink() : undefined;
const mailEnv = sink ? { SMTP_URL: sink.url, MAIL_FROM: 'Cocrea <no-reply@cocrea.test>' } : {};

// PGlite: the portal owns the data directory while it runs; count after it stops.
if (targets.has('pglite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cocrea-burst-'));
  const { child, port } = await startPortal({ DATA_DIR: dataDir, ...mailEnv });
  const { run, accepted, ended } = await burst(port, 'PGlite', child.pid);
  if (sink) allOk = (await reportDelivery('PGlite', sink, run, accepted, ended)) && allOk;
  await stop(child);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  allOk = verdict('PGlite', accepted, await countRows(db, run)) && allOk;
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

if (process.env.BENCH_DATABASE_URL && targets.has('postgres')) {
  const { default: pg } = await import('pg');
  const { child, port } = await startPortal({
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    DATABASE_POOL_SIZE: '20',
    ...mailEnv,
  });
  const { run, accepted, ended } = await burst(port, 'PostgreSQL', child.pid);
  if (sink) allOk = (await reportDelivery('PostgreSQL', sink, run, accepted, ended)) && allOk;
  await stop(child);
  const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 4 });
  allOk = verdict('PostgreSQL', accepted, await countRows(pool, run)) && allOk;
  await pool.end();
}
agent.destroy();
await sink?.close();
process.exit(allOk ? 0 : 1);
