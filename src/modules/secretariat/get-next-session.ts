import { and, asc, gte, inArray, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { exercises } from '../exercises/schema.js';
import { secretariats, secretariatSessions } from './schema.js';

/** The next session of any Secretariat still to be held (scheduled or convened), with its exercise: for the home page. */
export async function getNextSession(db: Db, now: Date) {
  const [next] = await db
    .select({
      exerciseSlug: exercises.slug,
      exerciseTitle: exercises.title,
      kind: secretariatSessions.kind,
      number: secretariatSessions.number,
      startsAt: secretariatSessions.startsAt,
      place: secretariatSessions.place,
      onlineUrl: secretariatSessions.onlineUrl,
    })
    .from(secretariatSessions)
    .innerJoin(secretariats, eq(secretariats.id, secretariatSessions.secretariatId))
    .innerJoin(exercises, eq(exercises.id, secretariats.exerciseId))
    .where(and(inArray(secretariatSessions.status, ['scheduled', 'convened']), gte(secretariatSessions.startsAt, now)))
    .orderBy(asc(secretariatSessions.startsAt))
    .limit(1);
  return next;
}
export type NextSession = NonNullable<Awaited<ReturnType<typeof getNextSession>>>;
