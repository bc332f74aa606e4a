import type { Db } from '../../db/client.js';
import { listExercises, pickCurrentExercise } from '../exercises/list-exercises.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';

/** The current exercise for the header, and whether it has a public call to put in the navigation. */
export async function loadSiteChrome(db: Db) {
  const current = pickCurrentExercise(await listExercises(db));
  if (!current) return { header: undefined, callHref: undefined };
  const call = await getExerciseCall(db, current.id);
  return {
    header: {
      exerciseTitle: current.title,
      exerciseHref: `/ejercicios/${current.slug}`,
      convenerName: current.convenerName,
      isDemo: current.isDemo,
    },
    callHref: call ? `/ejercicios/${current.slug}/convocatoria` : undefined,
  };
}
