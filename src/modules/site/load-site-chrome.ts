import { ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { getChangeLogHead } from '../audit/list-change-log.js';
import { calls } from '../calls/read-models.js';
import { listExercises, pickCurrentExercise } from '../exercises/list-exercises.js';

/**
 * What the header and footer need: every exercise (with whether it has a public call) and the change log's head;
 * three queries, kept in the render cache until the next public write.
 */
export async function loadSiteChrome(db: Db) {
  const [all, withCall, logHead] = await Promise.all([
    listExercises(db),
    db.selectDistinct({ exerciseId: calls.exerciseId }).from(calls).where(ne(calls.status, 'draft')),
    getChangeLogHead(db),
  ]);
  const hasCall = new Set(withCall.map((row) => row.exerciseId));
  return { exercises: all.map((exercise) => ({ ...exercise, hasCall: hasCall.has(exercise.id) })), logHead };
}
export type SiteChromeData = Awaited<ReturnType<typeof loadSiteChrome>>;

const EXERCISE_PATH = /^\/ejercicios\/([^/?#]+)/;

/**
 * The exercise the header shows: the one the page belongs to (`/ejercicios/<slug>/…`), otherwise the current one.
 * The demonstration notice shows on a demonstration exercise's own pages, and on the home page when it features one,
 * never on the pages of a real exercise.
 */
export function chromeFor({ exercises, logHead }: SiteChromeData, path: string) {
  const slug = EXERCISE_PATH.exec(path)?.[1];
  const ofPage = slug ? exercises.find((exercise) => exercise.slug === slug) : undefined;
  const shown = ofPage ?? pickCurrentExercise(exercises);
  if (!shown) return { header: undefined, callHref: undefined, logHead };
  return {
    header: {
      exerciseTitle: shown.title,
      exerciseHref: `/ejercicios/${shown.slug}`,
      convenerName: shown.convenerName,
      isDemo: shown.isDemo && (ofPage !== undefined || path === '/'),
    },
    callHref: shown.hasCall ? `/ejercicios/${shown.slug}/convocatoria` : undefined,
    logHead,
  };
}
