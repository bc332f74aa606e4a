import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { JOB_SCHEMA } from './boss.js';
import { sqlExecutor } from './sql-executor.js';

/**
 * A pg-boss instance that is never started: it only builds the job insert, which `send()` runs on the connection
 * given in `options.db`. Retry, backoff and expiry come from the queue (see ensureQueues).
 */
let sender: PgBoss | undefined;
function senderBoss(): PgBoss {
  sender ??= new PgBoss({
    db: { executeSql: () => Promise.reject(new Error('the job sender only runs SQL on the connection it is given')) },
    schema: JOB_SCHEMA,
  });
  return sender;
}

/** An SQL expression, true when pg-boss is installed in this database: to fold the check into another statement. */
export const jobsInstalled = () => sql<boolean>`to_regclass(${`${JOB_SCHEMA}.queue`}) is not null`;

/**
 * Inserts a job inside the caller's transaction `tx`: it commits or rolls back with the caller's writes. Returns
 * `deferred` when pg-boss is not installed in this database (a test database, or the command line on a database
 * the server has never started on): the caller's own row is then the durable record, and the job runner enqueues
 * its job when it starts (see startJobs).
 */
export async function enqueueInTransaction(
  tx: Db,
  queue: string,
  data: object,
  options: { id: string; isInstalled?: boolean },
): Promise<'queued' | 'deferred'> {
  const executor = sqlExecutor(tx);
  // A caller that already asked (e.g. in the RETURNING of its own insert, see jobsInstalled) saves a round trip.
  const isInstalled =
    options.isInstalled ??
    Boolean(
      (await executor.executeSql('SELECT to_regclass($1) IS NOT NULL AS installed', [`${JOB_SCHEMA}.queue`])).rows[0]
        ?.installed,
    );
  if (!isInstalled) return 'deferred';
  const id = await senderBoss().send(queue, data, { id: options.id, db: executor });
  if (!id) throw new Error(`pg-boss refused the job ${options.id}: does the queue ${queue} exist?`);
  return 'queued';
}

/**
 * Inserts many jobs of one queue inside the caller's transaction `tx`, in one multi-row statement (pg-boss's
 * `insert`), each with its own id. Same `deferred` rule as enqueueInTransaction.
 */
export async function enqueueManyInTransaction(
  tx: Db,
  queue: string,
  jobs: { id: string; data: object }[],
): Promise<'queued' | 'deferred'> {
  const executor = sqlExecutor(tx);
  const { rows } = await executor.executeSql('SELECT to_regclass($1) IS NOT NULL AS installed', [
    `${JOB_SCHEMA}.queue`,
  ]);
  if (!rows[0]?.installed) return 'deferred';
  if (jobs.length === 0) return 'queued';
  // pg-boss's multi-row insert skips, without a word, jobs of an unknown queue (and ids that already exist, which
  // keeps a retried batch idempotent), so the queue is checked first.
  const queueRow = await executor.executeSql(`SELECT 1 FROM ${JOB_SCHEMA}.queue WHERE name = $1`, [queue]);
  if (queueRow.rows.length === 0) throw new Error(`pg-boss has no queue ${queue}`);
  await senderBoss().insert(
    jobs.map((job) => ({ id: job.id, name: queue, data: job.data })),
    { db: executor },
  );
  return 'queued';
}
