import { getInstitution, getMunicipality, listInstitutions, listMunicipalities } from './read-directory.js';
import { collectionQuery, cvegeoParams, institutionSchema, municipalitySchema, uuidParams } from './schemas.js';
import { collection, item, type ApiContext } from './route-context.js';

/** The reference data: `/api/v1/institutions`, `/api/v1/municipalities`. */
export function directoryApiRoutes(context: ApiContext) {
  const { db } = context.deps;
  collection(context, '/institutions', 'listInstitutions', 'directory', institutionSchema, collectionQuery, (_r, q) =>
    listInstitutions(db, q),
  );
  item(context, '/institutions/:id', 'getInstitution', 'directory', institutionSchema, uuidParams, (_r, p) =>
    getInstitution(db, p.id),
  );
  collection(
    context,
    '/municipalities',
    'listMunicipalities',
    'directory',
    municipalitySchema,
    collectionQuery,
    (_r, q) => listMunicipalities(db, q),
  );
  item(context, '/municipalities/:cvegeo', 'getMunicipality', 'directory', municipalitySchema, cvegeoParams, (_r, p) =>
    getMunicipality(db, p.cvegeo),
  );
}
