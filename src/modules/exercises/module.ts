import type { ModuleManifest } from '../../kernel/manifest.js';
import { enumField, referenceTo, technicalField } from '../../kernel/records.js';
import { exercisesDataset } from './datasets.js';
import { exerciseRoutes } from './routes.js';
import { exercises, phases } from './schema.js';
import { exercisesDemo } from './demo.js';

/** Reference data: the exercises and their phases. */
export const exercisesModule: ModuleManifest = {
  name: 'exercises',
  routes: exerciseRoutes,
  records: {
    exercise: {
      liveTable: exercises,
      fields: { slug: technicalField },
      publicFields: [
        'id',
        'slug',
        'title',
        'edition',
        'summary',
        'phase',
        'isDemo',
        'periodStart',
        'periodEnd',
        'stateCode',
        'convenerInstitutionId',
        'timeline',
        'createdAt',
      ],
    },
  },
  datasets: [exercisesDataset],
  // An exercise's phase (also in its timeline), and the exercise a record belongs to, by its title.
  fieldLabels: {
    phase: enumField(phases, 'phase.'),
    exerciseId: referenceTo('exercise', { parent: true }),
  },
  demo: exercisesDemo,
};
