import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL cluster of a test's own, which the test may stop, freeze and restart without touching the shared
 * server on 5432. It needs Debian's PostgreSQL binaries and root (the cluster runs as the `postgres` user).
 */
const BIN_DIR = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

function postgresUserIds(): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Why a throwaway cluster cannot run here, or undefined when it can. */
export function throwawayPostgresUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  if (!existsSync(join(BIN_DIR, 'initdb')) || !existsSync(join(BIN_DIR, 'pg_ctl')))
    return `no initdb and pg_ctl in ${BIN_DIR}`;
  if (!postgresUserIds()) return 'no postgres user';
  if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser') && !existsSync('/usr/bin/runuser'))
    return 'no runuser';
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ThrowawayPostgres {
  port: number;
  /** The URL of a database in the cluster (`postgres` unless named). */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): string;
  /** Runs SQL with psql in a database of the cluster and returns what it printed (unaligned, tuples only). */
  psql(database: string, sql: string): string;
  start(): void;
  /** Thaws and starts the cluster if a test left it frozen or stopped. */
  ensureRunning(): void;
  /** A fast shutdown (`pg_ctl stop -m fast`): connections are closed, the server goes away. */
  stop(): void;
  /** SIGSTOP (or SIGCONT) to the postmaster and every backend: the server accepts TCP but never answers. */
  freeze(): void;
  thaw(): void;
  destroy(): void;
}

function asPostgres(command: string, args: string[]): string {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', join(BIN_DIR, command), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Initialises a cluster under a new temporary folder (trust authentication, on a free port) and starts it. */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const ids = postgresUserIds()!;
  const root = mkdtempSync(join(tmpdir(), 'cocrea-pg-'));
  chownSync(root, ids.uid, ids.gid);
  const dataDir = join(root, 'data');
  const port = await freePort();
  asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const pgCtl = (...args: string[]) => asPostgres('pg_ctl', ['-D', dataDir, ...args]);
  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const processes = () => {
    const parent = postmasterPid();
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === parent;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [parent, ...children];
  };
  // A backend may end between the listing and the signal.
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  const cluster: ThrowawayPostgres = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    createDatabase(name) {
      cluster.psql('postgres', `CREATE DATABASE ${name}`);
      return cluster.url(name);
    },
    psql: (database, sql) =>
      execFileSync(
        join(BIN_DIR, 'psql'),
        [
          '-X',
          '-q',
          '-A',
          '-t',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          '-d',
          database,
          '-c',
          sql,
        ],
        {
          encoding: 'utf8',
          timeout: 30_000,
        },
      ).trim(),
    start: () => void pgCtl('-o', options, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start'),
    ensureRunning() {
      if (!existsSync(join(dataDir, 'postmaster.pid'))) return cluster.start();
      cluster.thaw();
    },
    stop: () => void pgCtl('-m', 'fast', '-w', '-t', '60', 'stop'),
    freeze: () => processes().forEach((pid) => signal(pid, 'SIGSTOP')),
    thaw: () => processes().forEach((pid) => signal(pid, 'SIGCONT')),
    destroy() {
      if (existsSync(join(dataDir, 'postmaster.pid'))) {
        try {
          cluster.thaw();
          pgCtl('-m', 'immediate', '-w', '-t', '30', 'stop');
        } catch {
          // already gone
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
