import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.js';

type Log = (message: string, fields?: Record<string, unknown>) => void;

/** Exit codes a fresh worker cannot mend: a bad setting (78), a data folder held by another process (75). */
const FATAL_EXIT_CODES = new Set([75, 78]);

/** The wait before restarting a worker that died: none after a long run, doubling for one that keeps dying. */
export const restartDelayMs = (recentDeaths: number) =>
  recentDeaths <= 1 ? 0 : Math.min(30_000, 500 * 2 ** recentDeaths);

/**
 * `WEB_CONCURRENCY=N` with a PostgreSQL server: this (primary) process starts N workers that share the port (Node's
 * cluster module hands out the connections), starts a new one when one dies, and on SIGTERM or SIGINT passes the
 * signal on and exits once every worker has finished its requests. It never opens the database itself: the workers
 * prepare it under one lock, like separate processes (decision 34).
 */
export function runPrimary(config: Config, log: { info: Log; error: Log }): void {
  const deaths: number[] = [];
  let stopping = false;
  let exitCode = 0;

  const fork = () => {
    const worker = cluster.fork();
    log.info(`Worker ${worker.id} started (pid ${worker.process.pid})`, { worker: worker.id });
  };

  cluster.on('exit', (worker: Worker, code, signal) => {
    const alive = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      if (alive === 0) process.exit(exitCode);
      return;
    }
    if (code !== null && FATAL_EXIT_CODES.has(code)) {
      log.error(`Worker ${worker.id} cannot start (exit code ${code}): stopping every worker`, { code });
      exitCode = code;
      stop('worker failure');
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length > 0 && deaths[0]! < now - 60_000) deaths.shift();
    const delayMs = restartDelayMs(deaths.length);
    log.error(`Worker ${worker.id} died (${signal ?? `exit code ${code}`}): starting another in ${delayMs} ms`, {
      worker: worker.id,
      code,
      signal,
    });
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs);
  });

  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${reason}: stopping the workers (each finishes its requests first)`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      log.error('Workers still running after the shutdown timeout: killing them');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 10_000);
    timer.unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM received'));
  process.on('SIGINT', () => stop('SIGINT received'));

  log.info(`Starting ${config.WEB_CONCURRENCY} workers on port ${config.PORT} (WEB_CONCURRENCY)`);
  for (let i = 0; i < config.WEB_CONCURRENCY; i++) fork();
}
