import type { Dataset } from '../../kernel/dataset.js';
import { listExercises } from './list-exercises.js';

/** Every exercise: edition, period, phase and convening body. */
export const exercisesDataset: Dataset = {
  id: 'ejercicios',
  title: 'openData.exercises.title',
  description: 'openData.exercises.description',
  source: 'openData.exercises.source',
  keywords: ['gobierno abierto', 'ejercicios', 'plan de acción local', 'OGP'],
  primaryKey: ['clave'],
  fields: [
    { name: 'clave', type: 'string', description: 'openData.field.slug', required: true },
    { name: 'edicion', type: 'integer', description: 'openData.field.edition' },
    { name: 'titulo', type: 'string', description: 'openData.field.title' },
    { name: 'entidad', type: 'string', description: 'openData.field.stateCode', pattern: '^[0-9]{2}$' },
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
};
