import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { exercises } from '../exercises/schema.js';
import { calls } from './schema.js';

/** Every call of every exercise, drafts included, newest exercise first and, within it, the latest call first. */
export function listCalls(db: Db) {
  return db
    .select({
      id: calls.id,
      title: calls.title,
      status: calls.status,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      exercise: { slug: exercises.slug, title: exercises.title },
    })
    .from(calls)
    .innerJoin(exercises, eq(exercises.id, calls.exerciseId))
    .orderBy(desc(exercises.periodStart), desc(exercises.edition), desc(calls.opensAt));
}
export type CallListEntry = Awaited<ReturnType<typeof listCalls>>[number];
