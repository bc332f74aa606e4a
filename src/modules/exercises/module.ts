import type { ModuleManifest } from '../../kernel/manifest.js';
import { hasMessage } from '../../web/i18n/i18n.js';
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
  fieldLabels: {
    phase: (value) => {
      const key = `phase.${value}`;
      return (phases as readonly string[]).includes(value) && hasMessage(key) ? key : undefined;
    },
  },
  demo: exercisesDemo,
};
