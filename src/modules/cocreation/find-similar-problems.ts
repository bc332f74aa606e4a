import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ProblemStatus } from './schema.js';
import { problemSupportersOf } from './support-count.js';

/** At most this many similar problems are offered. */
export const SIMILAR_LIMIT = 5;

export interface SimilarProblem {
  id: string;
  number: number;
  title: string;
  status: ProblemStatus;
  supports: number;
  score: number;
}

/**
 * The problems of an exercise that still take supports (visible, proposed or admitted) most like a draft (pg_trgm
 * similarity, accents and case ignored, on the title and on title + description), at least `threshold` alike (config
 * PROBLEM_SIMILARITY_THRESHOLD), most alike first.
 * The expressions are indexed by the custom migration cocreation_similarity_custom: keep both in step.
 */
export async function findSimilarProblems(
  db: Db,
  exerciseId: string,
  draft: { title: string; description: string },
  threshold: number,
): Promise<SimilarProblem[]> {
  const title = draft.title.trim();
  const text = `${title} ${draft.description.trim()}`;
  return db.transaction(async (tx) => {
    // The % operator compares with this setting; set for this transaction only.
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(threshold)}, true)`);
    const result = await tx.execute(sql`
      select p.id, p.number, p.title, p.status,
             ${problemSupportersOf(sql.raw('p.id'))} as supports,
             greatest(similarity(immutable_unaccent(p.title), immutable_unaccent(${title})),
                      similarity(immutable_unaccent(p.title || ' ' || p.description), immutable_unaccent(${text}))) as score
      from problems p
      where p.exercise_id = ${exerciseId} and p.hidden_at is null and p.status in ('proposed', 'admitted')
        and (immutable_unaccent(p.title) % immutable_unaccent(${title})
             or immutable_unaccent(p.title || ' ' || p.description) % immutable_unaccent(${text}))
      order by score desc, p.number
      limit ${SIMILAR_LIMIT}`);
    return (result as unknown as { rows: SimilarProblem[] }).rows.map((row) => ({
      ...row,
      number: Number(row.number),
      supports: Number(row.supports),
      score: Number(row.score),
    }));
  });
}
