import { getApiAgreement, getApiSession, listApiAgreements, listApiSessions } from './read-secretariat.js';
import { agreementSchema, collectionQuery, sessionSchema, uuidParams } from './schemas.js';
import { collection, fileUrl, item, type ApiContext } from './route-context.js';

/** The Technical Secretariat's sessions and agreements: `/api/v1/secretariat/…`. */
export function secretariatApiRoutes(context: ApiContext) {
  const { deps } = context;
  const { db } = deps;
  collection(context, '/secretariat/sessions', 'listSessions', 'secretariat', sessionSchema, collectionQuery, (r, q) =>
    listApiSessions(db, q, { fileUrl: fileUrl(r, deps) }),
  );
  item(context, '/secretariat/sessions/:id', 'getSession', 'secretariat', sessionSchema, uuidParams, (r, p) =>
    getApiSession(db, p.id, { fileUrl: fileUrl(r, deps) }),
  );
  collection(
    context,
    '/secretariat/agreements',
    'listAgreements',
    'secretariat',
    agreementSchema,
    collectionQuery,
    (_r, q) => listApiAgreements(db, q),
  );
  item(context, '/secretariat/agreements/:id', 'getAgreement', 'secretariat', agreementSchema, uuidParams, (_r, p) =>
    getApiAgreement(db, p.id),
  );
}
