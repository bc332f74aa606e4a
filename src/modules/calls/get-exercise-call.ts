import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calls } from './schema.js';

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
