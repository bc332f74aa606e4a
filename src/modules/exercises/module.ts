import type { ModuleManifest } from '../../kernel/manifest.js';
import { exerciseAdminRoutes } from './admin-routes.js';
import { advanceExercisePhases } from './exercise-phase.js';
import { exercisesMessages } from './messages.js';
import { enumField, referenceTo, technicalField } from '../../kernel/records.js';
import { exercisesDataset } from './datasets.js';
import { exerciseRoutes } from './routes.js';
import { exercises, phases } from './schema.js';
import { exercisesDemo } from './demo.js';

/** Scheduled every hour: moves exercises to the phase their planned calendar gives. */
export const ADVANCE_PHASES_QUEUE = 'advance-exercise-phases';

/** Reference data: the exercises and their phases. */
export const exercisesModule: ModuleManifest = {
  name: 'exercises',
  messages: [exercisesMessages],
  routes: (app, deps) => {
    exerciseRoutes(app, deps);
    exerciseAdminRoutes(app, deps);
  },
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
        'phaseReason',
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
  jobs: [
    {
      // Exercises move to the phase their planned calendar gives (never back, and after an admin's move by hand only
      // to a phase planned later): at start-up, then every hour.
      queue: ADVANCE_PHASES_QUEUE,
      cron: '1 * * * *',
      retryLimit: 1,
      retryDelaySeconds: 30,
      expireInSeconds: 300,
      runAtStart: true,
      async run({ db, config, logger }) {
        const moves = await advanceExercisePhases(db, { now: new Date(), timeZone: config.TIME_ZONE });
        if (moves.length > 0) logger.info({ moves }, `Exercises: ${moves.length} moved to the phase of their calendar`);
      },
    },
  ],
  demo: exercisesDemo,
};
