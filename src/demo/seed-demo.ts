import { count, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { systemActor } from '../kernel/actor.js';
import { SYSTEM_ACTOR_LABEL } from '../modules/audit/append-change.js';
import { exercises } from '../modules/exercises/schema.js';
import { registry } from '../registry.js';

const SEED_LOCK_KEY = 461_778_214;

/**
 * Loads the Durango demo: every module's part (`demo.seed` in its manifest), in registry order, in one transaction,
 * through the use cases. The modules seed: directory (the 39 municipalities and the institutions), exercises (the
 * second exercise, concluded; the third, 2020-2021, in implementation; an illustrative fourth whose call is open
 * around `now`), privacy (the notices), calls, the Secretariat of the third exercise and the plans. The seed acts as
 * the portal itself: its changes show as the system's in the change log.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<void> {
  const context = { now, actor: systemActor(SYSTEM_ACTOR_LABEL) };
  await db.transaction(async (tx) => {
    for (const module of registry.modules) await module.demo?.seed?.(tx, context);
  });
}

/** Every public page a visitor can reach in the demo, as the modules declare them. */
export const demoPages = (): string[] => registry.modules.flatMap((module) => module.demo?.pages ?? []);

/** Seeds the demo only when the database has no exercise yet; several processes starting at once seed once. */
export async function seedDemoIfEmpty(db: Db, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [row] = await tx.select({ n: count() }).from(exercises);
    if ((row?.n ?? 0) > 0) return false;
    await seedDemo(tx, now);
    return true;
  });
}
