import type { FastifyInstance } from 'fastify';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { listExercises } from './list-exercises.js';
import { ExerciseListPage } from './views/exercise-list.js';

/** The list of exercises. An exercise's own page gathers every stage, so it lives in `site` (see site/routes.tsx). */
export function exerciseRoutes(app: FastifyInstance, deps: ModuleDeps) {
  app.get('/ejercicios', access.public, async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('exercise.list.title'),
      body: <ExerciseListPage exercises={await listExercises(deps.db)} />,
    }),
  );
}
