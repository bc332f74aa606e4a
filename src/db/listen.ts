import pg from 'pg';
import type { Database } from './client.js';

export interface ListenHandlers {
  /** Per channel: a notification arrived on it (a write committed, in this process or another). */
  channels: Record<string, () => void>;
  /**
   * Whether notifications are being received. While false, notifications may be missed: whoever caches by them
   * must stop trusting the cache, and clear it when it becomes true again.
   */
  onConnected: (connected: boolean) => void;
  onError?: (error: unknown) => void;
}

export interface Listener {
  stop(): Promise<void>;
}

const RETRY_MS = [100, 500, 1000, 2000, 5000];

/**
 * LISTENs on a channel. PGlite (one process) uses its own listen API. On a PostgreSQL server a dedicated client
 * (outside the pool, which could hand a connection to anyone) listens, and reconnects after any error with a
 * growing delay; it stops for good once the pool has ended.
 */
export async function listenForNotifications(database: Database, handlers: ListenHandlers): Promise<Listener> {
  const channels = Object.keys(handlers.channels);
  for (const channel of channels)
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  if (database.pglite) {
    const unsubscribes: (() => Promise<void>)[] = [];
    for (const channel of channels)
      unsubscribes.push(await database.pglite.listen(channel, () => handlers.channels[channel]!()));
    handlers.onConnected(true);
    return {
      async stop() {
        handlers.onConnected(false);
        if (!database.pglite!.closed)
          for (const unsubscribe of unsubscribes) await unsubscribe().catch(() => undefined);
      },
    };
  }
  const pool = database.pool;
  if (!pool) throw new Error('listenForNotifications needs a PGlite client or a PostgreSQL pool');

  let stopped = false;
  let client: pg.Client | undefined;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  const poolEnded = () =>
    (pool as unknown as { ending?: boolean; ended?: boolean }).ending === true ||
    (pool as unknown as { ended?: boolean }).ended === true;

  const connect = async (): Promise<void> => {
    if (stopped || poolEnded()) return;
    const next = new pg.Client(pool.options);
    client = next;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      handlers.onConnected(false);
      next.removeAllListeners('notification');
      next.end().catch(() => undefined);
      if (stopped || poolEnded()) return;
      handlers.onError?.(error);
      const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
      attempt += 1;
      retryTimer = setTimeout(() => void connect(), delay);
      retryTimer.unref();
    };
    next.on('error', fail);
    next.on('end', () => fail(new Error('the listening connection ended')));
    next.on('notification', (message) => handlers.channels[message.channel]?.());
    try {
      await next.connect();
      for (const channel of channels) await next.query(`LISTEN ${channel}`);
      if (stopped) {
        await next.end().catch(() => undefined);
        return;
      }
      attempt = 0;
      handlers.onConnected(true);
    } catch (error) {
      fail(error);
    }
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      handlers.onConnected(false);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
