import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { exercises } from '../exercises/schema.js';
import { calls } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One call, whatever its status, with its exercise (for the admin pages); not found for a malformed id too. */
export async function getCall(db: Db, id: string) {
  if (!UUID.test(id)) throw notFound('call');
  const [row] = await db
    .select({
      call: calls,
      exercise: { id: exercises.id, slug: exercises.slug, title: exercises.title, stateCode: exercises.stateCode },
    })
    .from(calls)
    .innerJoin(exercises, eq(exercises.id, calls.exerciseId))
    .where(eq(calls.id, id))
    .limit(1);
  if (!row) throw notFound('call');
  return row;
}
export type CallWithExercise = Awaited<ReturnType<typeof getCall>>;
