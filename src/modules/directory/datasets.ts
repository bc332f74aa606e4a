import type { Dataset } from '../../kernel/dataset.js';
import { listMunicipalities } from './list-municipalities.js';

/** The municipalities with their INEGI codes and 2020 population. */
export const municipalitiesDataset: Dataset = {
  id: 'municipios',
  title: 'openData.municipalities.title',
  description: 'openData.municipalities.description',
  source: 'openData.municipalities.source',
  fields: [
    { name: 'cvegeo', type: 'string', description: 'openData.field.cvegeo' },
    { name: 'entidad', type: 'string', description: 'openData.field.stateCode' },
    { name: 'nombre', type: 'string', description: 'openData.field.name' },
    { name: 'poblacion_2020', type: 'integer', description: 'openData.field.population' },
  ],
  rows: async (db) =>
    (await listMunicipalities(db)).map((m) => ({
      cvegeo: m.cvegeo,
      entidad: m.stateCode,
      nombre: m.name,
      poblacion_2020: m.population,
    })),
};
