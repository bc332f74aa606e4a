import { getApiChange, listApiChanges } from './read-change-log.js';
import { changeSchema, collectionQuery, seqParams } from './schemas.js';
import { collection, item, type ApiContext } from './route-context.js';

/** The public change log: `/api/v1/changes`. */
export function changeLogApiRoutes(context: ApiContext) {
  const { db } = context.deps;
  collection(context, '/changes', 'listChanges', 'change log', changeSchema, collectionQuery, (_r, q) =>
    listApiChanges(db, q),
  );
  item(context, '/changes/:seq', 'getChange', 'change log', changeSchema, seqParams, (_r, p) =>
    getApiChange(db, p.seq),
  );
}
