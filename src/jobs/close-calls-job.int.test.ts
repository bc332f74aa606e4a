import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { createCall } from '../modules/calls/create-call.js';
import { calls } from '../modules/calls/schema.js';
import { exercises } from '../modules/exercises/schema.js';
import { createTestDatabase } from '../testing/test-db.js';
import { JOB_SCHEMA } from './boss.js';
import { enqueueInTransaction } from './enqueue.js';
import { sqlExecutor } from './sql-executor.js';
import { startJobs } from './start-jobs.js';
import { eventually, fastJobSettings, memoryLogger } from './testing/job-test-kit.js';
import { registry } from '../registry.js';
import { CLOSE_DUE_CALLS_QUEUE } from '../modules/calls/module.js';
import { portalActor } from '../testing/actors.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A published call that closed (in real time) a minute ago. */
async function dueCall(database: Database) {
  const [exercise] = await database.db
    .select({ id: exercises.id })
    .from(exercises)
    .where(eq(exercises.slug, 'segundo-pal-2017-2019'));
  const closesAt = new Date(Date.now() - 60_000);
  return createCall(
    database.db,
    {
      exerciseId: exercise!.id,
      title: 'Convocatoria vencida',
      summary: 'Cerró hace un minuto.',
      generalObjective: 'Probar el cierre automático.',
      requirements: ['Ser residente del estado.'],
      eligibleStateCode: '10',
      opensAt: new Date(closesAt.getTime() - 86_400_000),
      closesAt,
      status: 'published',
      contactEmail: 'gobiernoabierto@example.mx',
    },
    portalActor,
  );
}

const statusOf = async (database: Database, id: string) =>
  (await database.db.select({ status: calls.status }).from(calls).where(eq(calls.id, id)))[0]!.status;

describe('calls close by themselves', () => {
  it('at start-up, and every minute through a pg-boss schedule whose job closes whatever is due', async () => {
    const database = await createTestDatabase({ withDemo: true });
    const overdue = await dueCall(database);
    const logger = memoryLogger();
    const jobs = await startJobs({
      database,
      config: parseConfig({ LOG_LEVEL: 'silent' }),
      logger,
      settings: fastJobSettings,
      registry,
    });
    cleanups.push(() => jobs.stop());

    expect(await statusOf(database, overdue.id)).toBe('closed');
    expect(logger.lines.some((line) => line.message.includes('closed 1 call(s)'))).toBe(true);
    const { rows } = await sqlExecutor(database.db).executeSql(
      `SELECT cron FROM ${JOB_SCHEMA}.schedule WHERE name = $1`,
      [CLOSE_DUE_CALLS_QUEUE],
    );
    expect(rows).toEqual([{ cron: '* * * * *' }]);

    // What the schedule produces each minute: a job on the queue, which closes the calls due by then.
    const later = await dueCall(database);
    await database.db.transaction((tx) => enqueueInTransaction(tx, CLOSE_DUE_CALLS_QUEUE, {}, { id: randomUUID() }));
    await eventually(async () => ((await statusOf(database, later.id)) === 'closed' ? true : undefined));
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
