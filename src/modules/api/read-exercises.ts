import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { institutions } from '../directory/schema.js';
import { exercisePhases, exercises } from '../exercises/schema.js';
import { afterTimeId, createdAtKey, splitPage, type Page, type PageRequest } from './keyset.js';
import type { Exercise } from './schemas.js';

/** Exercises with their convening institution and the planned dates of each phase. */

const columns = {
  id: exercises.id,
  slug: exercises.slug,
  edition: exercises.edition,
  title: exercises.title,
  summary: exercises.summary,
  stateCode: exercises.stateCode,
  periodStart: exercises.periodStart,
  periodEnd: exercises.periodEnd,
  phase: exercises.phase,
  isDemo: exercises.isDemo,
  createdAt: exercises.createdAt,
  updatedAt: exercises.updatedAt,
  convenerId: institutions.id,
  convenerName: institutions.name,
  convenerAcronym: institutions.acronym,
  key: createdAtKey(exercises.createdAt),
};

type Row = Awaited<ReturnType<typeof selectExercises>>[number];

const selectExercises = (db: Db) =>
  db.select(columns).from(exercises).innerJoin(institutions, eq(institutions.id, exercises.convenerInstitutionId));

async function withPhases(db: Db, rows: Row[]): Promise<Exercise[]> {
  const ids = rows.map((row) => row.id);
  const phases =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(exercisePhases)
          .where(inArray(exercisePhases.exerciseId, ids))
          .orderBy(asc(exercisePhases.startsOn));
  return rows.map(({ convenerId, convenerName, convenerAcronym, key: _key, createdAt, updatedAt, ...row }) => ({
    ...row,
    convener: { id: convenerId, name: convenerName, acronym: convenerAcronym },
    phases: phases
      .filter((phase) => phase.exerciseId === row.id)
      .map(({ phase, startsOn, endsOn }) => ({ phase, startsOn, endsOn })),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }));
}

export async function listApiExercises(db: Db, page: PageRequest): Promise<Page<Exercise>> {
  const rows = await selectExercises(db)
    .where(afterTimeId(exercises.createdAt, exercises.id, page.cursor))
    .orderBy(asc(exercises.createdAt), asc(exercises.id))
    .limit(page.limit + 1);
  const { rows: pageRows, next } = splitPage(rows, page.limit, (row) => [row.key, row.id]);
  return { data: await withPhases(db, pageRows), next };
}

export async function getApiExercise(db: Db, id: string): Promise<Exercise | undefined> {
  const rows = await selectExercises(db).where(eq(exercises.id, id));
  return (await withPhases(db, rows))[0];
}
