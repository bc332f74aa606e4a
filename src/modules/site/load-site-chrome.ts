import { ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { listExercises, pickCurrentExercise } from '../exercises/list-exercises.js';
import { calls } from '../calls/read-models.js';

/** What the header needs of every exercise: two queries, kept in the render cache until the next public write. */
export async function loadSiteChrome(db: Db) {
  const [all, withCall] = await Promise.all([
    listExercises(db),
    db.selectDistinct({ exerciseId: calls.exerciseId }).from(calls).where(ne(calls.status, 'draft')),
  ]);
  const hasCall = new Set(withCall.map((row) => row.exerciseId));
  return all.map((exercise) => ({ ...exercise, hasCall: hasCall.has(exercise.id) }));
}
export type SiteChromeData = Awaited<ReturnType<typeof loadSiteChrome>>;

const EXERCISE_PATH = /^\/ejercicios\/([^/?#]+)/;

/**
 * The exercise the header shows: the one the page belongs to (`/ejercicios/<slug>/…`), otherwise the current one.
 * The demonstration notice shows on a demonstration exercise's own pages, and on the home page when it features one,
 * never on the pages of a real exercise.
 */
export function chromeFor(exercises: SiteChromeData, path: string) {
  const slug = EXERCISE_PATH.exec(path)?.[1];
  const ofPage = slug ? exercises.find((exercise) => exercise.slug === slug) : undefined;
  const shown = ofPage ?? pickCurrentExercise(exercises);
  if (!shown) return { header: undefined, callHref: undefined };
  return {
    header: {
      exerciseTitle: shown.title,
      exerciseHref: `/ejercicios/${shown.slug}`,
      convenerName: shown.convenerName,
      isDemo: shown.isDemo && (ofPage !== undefined || path === '/'),
    },
    callHref: shown.hasCall ? `/ejercicios/${shown.slug}/convocatoria` : undefined,
  };
}
