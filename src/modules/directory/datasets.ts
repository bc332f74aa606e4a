import type { Dataset } from '../../kernel/dataset.js';
import { listMunicipalities } from './list-municipalities.js';

/** The municipalities with their INEGI codes (text, with their leading zeros) and 2020 population. */
export const municipalitiesDataset: Dataset = {
  id: 'municipios',
  title: 'openData.municipalities.title',
  description: 'openData.municipalities.description',
  source: 'openData.municipalities.source',
  keywords: ['municipios', 'INEGI', 'cvegeo', 'población', 'catálogo único de claves'],
  primaryKey: ['cvegeo'],
  fields: [
    { name: 'cvegeo', type: 'string', description: 'openData.field.cvegeo', required: true, pattern: '^[0-9]{5}$' },
    { name: 'entidad', type: 'string', description: 'openData.field.stateCode', required: true, pattern: '^[0-9]{2}$' },
    { name: 'nombre', type: 'string', description: 'openData.field.name', required: true },
    { name: 'poblacion_2020', type: 'integer', description: 'openData.field.population' },
    {
      name: 'clave_municipio',
      type: 'string',
      description: 'directory.data.municipalityCode',
      required: true,
      pattern: '^[0-9]{3}$',
    },
  ],
  rows: async (db) =>
    (await listMunicipalities(db)).map((m) => ({
      cvegeo: m.cvegeo,
      entidad: m.stateCode,
      nombre: m.name,
      poblacion_2020: m.population,
      clave_municipio: m.cvegeo.slice(2),
    })),
};
