import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calls } from './schema.js';
import { exercises } from '../exercises/schema.js';

/** The public call of an exercise (the latest one that is not a draft), if any. */
export async function getExerciseCall(db: Db, exerciseId: string) {
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.exerciseId, exerciseId), ne(calls.status, 'draft')))
    .orderBy(desc(calls.opensAt))
    .limit(1);
  return call;
}
export type PublicCall = NonNullable<Awaited<ReturnType<typeof getExerciseCall>>>;

/** An exercise by its slug with its public call, in one query (for the sign-up form, which is hit hard). */
export async function getExerciseAndCall(db: Db, slug: string) {
  const [row] = await db
    .select({
      exercise: { id: exercises.id, slug: exercises.slug, title: exercises.title, stateCode: exercises.stateCode },
      call: calls,
    })
    .from(exercises)
    .leftJoin(calls, and(eq(calls.exerciseId, exercises.id), ne(calls.status, 'draft')))
    .where(eq(exercises.slug, slug))
    .orderBy(desc(calls.opensAt))
    .limit(1);
  return row;
}
