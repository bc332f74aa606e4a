import type { FastifyInstance } from 'fastify';
import { notFound } from '../../shared/errors.js';
import { sendPage } from '../../web/http.js';
import { parseParams, slugParams } from '../../web/params.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { getExercise } from '../exercises/get-exercise.js';
import { countRegistrations } from './count-registrations.js';
import { FiguresPage } from './views/figures-page.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

/** The public figures of a call's registrations: open to everyone, during and after the call; counts only. */
export function registrationFiguresRoutes(app: FastifyInstance, deps: ModuleDeps) {
  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/convocatoria/cifras',
    access.public,
    async (request, reply) => {
      const { exercise } = await getExercise(deps.db, parseParams(request, slugParams, 'exercise').slug);
      const call = await getExerciseCall(deps.db, exercise.id);
      if (!call) throw notFound('call');
      const countedAt = deps.now();
      const figures = await countRegistrations(deps.db, call.id);
      return sendPage(request, reply, deps, {
        title: `${request.t('figures.title')} · ${exercise.title}`,
        body: <FiguresPage exercise={exercise} call={call} figures={figures} countedAt={countedAt} />,
      });
    },
  );
}
