import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { matchesAll, SEARCH_GROUP_LIMIT } from '../plan/data/search-plan.js';

export interface CocreationHit {
  type: 'problem' | 'proposal';
  exerciseSlug: string;
  exerciseTitle: string;
  number: number;
  title: string;
  description: string;
}

/*
 * The searched text, unaccented: the same expressions are indexed with pg_trgm (problems_text_trgm_idx in the custom
 * migration 0011, proposals_text_trgm_idx in schema.ts), so `ILIKE '%term%'` uses an index; keep them in step.
 */
const problemText = sql`immutable_unaccent(p.title || ' ' || p.description)`;
const proposalText = sql`immutable_unaccent(q.title || ' ' || q.description)`;

/**
 * The site search's part in co-creation: the visible problems and proposals of every exercise whose title or text
 * holds every term (accents and case ignored), newest exercise first, by number; one statement, each group capped at
 * the plan search's limit (one more row read to tell whether it was cut). Never the text of a hidden one.
 */
export async function searchCocreation(db: Db, terms: string[]) {
  const limit = SEARCH_GROUP_LIMIT + 1;
  const result = await db.execute(sql`
    (select 'problem' as type, e.slug as "exerciseSlug", e.title as "exerciseTitle", p.number, p.title, p.description
     from problems p join exercises e on e.id = p.exercise_id
     where p.hidden_at is null and ${matchesAll(problemText, terms)}
     order by e.period_start desc, e.slug, p.number limit ${limit})
    union all
    (select 'proposal', e.slug, e.title, q.number, q.title, q.description
     from proposals q join exercises e on e.id = q.exercise_id
     where q.hidden_at is null and ${matchesAll(proposalText, terms)}
     order by e.period_start desc, e.slug, q.number limit ${limit})`);
  const rows = (result as unknown as { rows: CocreationHit[] }).rows.map((row) => ({
    ...row,
    number: Number(row.number),
  }));
  const group = (type: CocreationHit['type']) => {
    const hits = rows.filter((row) => row.type === type);
    return { hits: hits.slice(0, SEARCH_GROUP_LIMIT), isTruncated: hits.length > SEARCH_GROUP_LIMIT };
  };
  return { problems: group('problem'), proposals: group('proposal') };
}
