import type { Db } from '../../db/client.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { listMunicipalities } from '../directory/list-municipalities.js';
import { listExercises } from '../exercises/list-exercises.js';

export interface DatasetField {
  name: string;
  type: 'string' | 'integer' | 'date' | 'boolean';
  description: MessageKey;
}

/** An entry of the open-data catalogue: its fields (the data dictionary) and how to read its rows. */
export interface Dataset {
  id: string;
  title: MessageKey;
  description: MessageKey;
  source: MessageKey;
  fields: readonly DatasetField[];
  rows: (db: Db) => Promise<Record<string, unknown>[]>;
}

export const datasets: readonly Dataset[] = [
  {
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
      (await listMunicipalities(db)).map((m) => ({ cvegeo: m.cvegeo, entidad: m.stateCode, nombre: m.name, poblacion_2020: m.population })),
  },
  {
    id: 'ejercicios',
    title: 'openData.exercises.title',
    description: 'openData.exercises.description',
    source: 'openData.exercises.source',
    fields: [
      { name: 'clave', type: 'string', description: 'openData.field.slug' },
      { name: 'edicion', type: 'integer', description: 'openData.field.edition' },
      { name: 'titulo', type: 'string', description: 'openData.field.title' },
      { name: 'entidad', type: 'string', description: 'openData.field.stateCode' },
      { name: 'inicio', type: 'date', description: 'openData.field.periodStart' },
      { name: 'fin', type: 'date', description: 'openData.field.periodEnd' },
      { name: 'etapa', type: 'string', description: 'openData.field.phase' },
      { name: 'convoca', type: 'string', description: 'openData.field.convener' },
      { name: 'demostracion', type: 'boolean', description: 'openData.field.isDemo' },
    ],
    rows: async (db) =>
      (await listExercises(db)).map((e) => ({
        clave: e.slug,
        edicion: e.edition,
        titulo: e.title,
        entidad: e.stateCode,
        inicio: e.periodStart,
        fin: e.periodEnd,
        etapa: e.phase,
        convoca: e.convenerName,
        demostracion: e.isDemo,
      })),
  },
];

export const findDataset = (id: string) => datasets.find((dataset) => dataset.id === id);
