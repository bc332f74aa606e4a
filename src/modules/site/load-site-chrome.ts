import type { Db } from '../../db/client.js';
import { listExercises, pickCurrentExercise } from '../exercises/list-exercises.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { getChangeLogHead } from '../audit/list-change-log.js';

/** The current exercise for the header, whether it has a public call to put in the navigation, and the log's head. */
export async function loadSiteChrome(db: Db) {
  const logHead = await getChangeLogHead(db);
  const current = pickCurrentExercise(await listExercises(db));
  if (!current) return { header: undefined, callHref: undefined, logHead };
  const call = await getExerciseCall(db, current.id);
  return {
    header: {
      exerciseTitle: current.title,
      exerciseHref: `/ejercicios/${current.slug}`,
      convenerName: current.convenerName,
      isDemo: current.isDemo,
    },
    callHref: call ? `/ejercicios/${current.slug}/convocatoria` : undefined,
    logHead,
  };
}
