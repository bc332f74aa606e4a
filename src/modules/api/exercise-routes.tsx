import { getApiCall, listApiCalls } from './read-calls.js';
import { getApiExercise, listApiExercises } from './read-exercises.js';
import { callSchema, collectionQuery, exerciseSchema, uuidParams } from './schemas.js';
import { collection, item, type ApiContext } from './route-context.js';

/** Exercises and their calls: `/api/v1/exercises`, `/api/v1/calls`. */
export function exerciseApiRoutes(context: ApiContext) {
  const { db } = context.deps;
  collection(context, '/exercises', 'listExercises', 'exercises', exerciseSchema, collectionQuery, (_r, q) =>
    listApiExercises(db, q),
  );
  item(context, '/exercises/:id', 'getExercise', 'exercises', exerciseSchema, uuidParams, (_r, p) =>
    getApiExercise(db, p.id),
  );
  collection(context, '/calls', 'listCalls', 'calls', callSchema, collectionQuery, (_r, q) => listApiCalls(db, q));
  item(context, '/calls/:id', 'getCall', 'calls', callSchema, uuidParams, (_r, p) => getApiCall(db, p.id));
}
