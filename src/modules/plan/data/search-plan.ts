import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { commitmentIsPublic } from '../core/visibility.js';

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 100;
/** At most this many results per group (commitments, milestones, activities). */
export const SEARCH_GROUP_LIMIT = 50;

export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: 'tooShort' | 'tooLong'; q: string }
  | { kind: 'valid'; q: string; terms: string[] };

/**
 * Reads the `q` of /buscar: collapses spaces; at least 2 characters (1 letter matches almost everything), at most 100.
 */
export function parseSearchQuery(raw: unknown): SearchQuery {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const q = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  if (q === '') return { kind: 'empty' };
  if (q.length > SEARCH_MAX_LENGTH) return { kind: 'invalid', reason: 'tooLong', q: q.slice(0, SEARCH_MAX_LENGTH) };
  const terms = [...new Set(q.split(' ').filter((term) => term.length >= SEARCH_MIN_LENGTH))].slice(0, 8);
  if (terms.length === 0) return { kind: 'invalid', reason: 'tooShort', q };
  return { kind: 'valid', q, terms };
}

/*
 * The searched text of each kind, unaccented. These exact expressions are indexed with pg_trgm (GIN) by the custom
 * migration plan_data_custom, so `ILIKE '%term%'` uses the index; keep both in step.
 */
const commitmentText = sql`immutable_unaccent(c.title || ' ' || coalesce(c.theme, '') || ' ' || c.description || ' ' || c.public_problem || ' ' || c.objective)`;
const milestoneText = sql`immutable_unaccent(m.title || ' ' || m.deliverable)`;
const activityText = sql`immutable_unaccent(a.title || ' ' || a.description)`;

/** `%term%` for ILIKE, the term's own wildcards escaped: a typed % or _ matches only itself. */
const pattern = (term: string) => `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Every term must appear (AND), accents and case ignored on both sides. */
export function matchesAll(text: SQL, terms: string[]): SQL {
  return sql.join(
    terms.map((term) => sql`${text} ilike immutable_unaccent(${pattern(term)})`),
    sql` and `,
  );
}

export interface SearchHit {
  exerciseSlug: string;
  exerciseTitle: string;
  commitmentNumber: number;
  commitmentTitle: string;
  title: string;
  /** For milestones and activities: the text under the title (deliverable or description). */
  detail: string;
}

async function hits(db: Db, query: SQL): Promise<SearchHit[]> {
  return ((await db.execute(query)) as unknown as { rows: SearchHit[] }).rows;
}

/**
 * Accent- and case-insensitive search across the public commitments, milestones and activities of every exercise's
 * plan (visibility.ts: nothing of a draft plan, of a draft commitment or of one in co-creation).
 * Three statements whatever the data; each group ordered by the newest exercise, then the plan's own order, and
 * capped at SEARCH_GROUP_LIMIT (one more row is read to tell whether the group was cut).
 */
export async function searchPlan(db: Db, terms: string[]) {
  const columns = sql`e.slug as "exerciseSlug", e.title as "exerciseTitle", c.number as "commitmentNumber", c.title as "commitmentTitle"`;
  const limit = SEARCH_GROUP_LIMIT + 1;
  const isPublic = commitmentIsPublic(sql`c.status`, sql`p.status`);
  const commitments = await hits(
    db,
    sql`select ${columns}, c.title as title, c.description as detail
        from commitments c join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id
        where ${isPublic} and ${matchesAll(commitmentText, terms)}
        order by e.period_start desc, e.slug, c.number limit ${limit}`,
  );
  const milestones = await hits(
    db,
    sql`select ${columns}, m.title as title, m.deliverable as detail
        from milestones m join commitments c on c.id = m.commitment_id join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id
        where ${isPublic} and ${matchesAll(milestoneText, terms)}
        order by e.period_start desc, e.slug, c.number, m.position, m.id limit ${limit}`,
  );
  const activities = await hits(
    db,
    sql`select ${columns}, a.title as title, a.description as detail
        from activities a join milestones m on m.id = a.milestone_id join commitments c on c.id = m.commitment_id
        join action_plans p on p.id = c.plan_id join exercises e on e.id = p.exercise_id
        where ${isPublic} and ${matchesAll(activityText, terms)}
        order by e.period_start desc, e.slug, c.number, m.position, a.position, a.id limit ${limit}`,
  );
  const group = (rows: SearchHit[]) => ({
    hits: rows.slice(0, SEARCH_GROUP_LIMIT),
    isTruncated: rows.length > SEARCH_GROUP_LIMIT,
  });
  return { commitments: group(commitments), milestones: group(milestones), activities: group(activities) };
}
export type SearchResults = Awaited<ReturnType<typeof searchPlan>>;

/** Folds a character as the search does: no accents, lower case (ñ becomes n, as unaccent does). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Splits a text into plain and matched parts for highlighting: a part is matched when it is one of the terms,
 * accents and case ignored. Pure, for the results view.
 */
export function highlight(text: string, terms: string[]): { text: string; isMatch: boolean }[] {
  const chars = [...text];
  const folded = chars.map((ch) => fold(ch));
  const flat = folded.join('');
  // Map each position of the folded text back to the original character it came from.
  const owner: number[] = [];
  folded.forEach((f, i) => {
    for (let k = 0; k < f.length; k++) owner.push(i);
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (const term of terms.map(fold).filter(Boolean)) {
    for (let at = flat.indexOf(term); at !== -1; at = flat.indexOf(term, at + term.length)) {
      for (let k = at; k < at + term.length; k++) marked[owner[k]!] = true;
    }
  }
  const parts: { text: string; isMatch: boolean }[] = [];
  chars.forEach((ch, i) => {
    const last = parts[parts.length - 1];
    if (last && last.isMatch === marked[i]) last.text += ch;
    else parts.push({ text: ch, isMatch: marked[i]! });
  });
  return parts;
}
