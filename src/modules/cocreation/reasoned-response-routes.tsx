import type { FastifyInstance } from 'fastify';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { parseParams } from '../../web/params.js';
import { listReasonedResponses } from './list-reasoned-responses.js';
import { cocreationContext, slugParams } from './route-context.js';
import { ReasonedResponsePage } from './views/reasoned-response-page.js';

/** An exercise's reasoned response (/ejercicios/:slug/respuesta-razonada): every disposition with its reason. */
export function reasonedResponseRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, loadExercise } = cocreationContext(deps);

  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/respuesta-razonada',
    access.public,
    async (request, reply) => {
      const { slug } = parseParams(request, slugParams, 'exercise');
      const context = await loadExercise(slug);
      const rows = await listReasonedResponses(db, context.exercise.id);
      return sendPage(request, reply, deps, {
        title: `${request.t('cocreation.response.title')} · ${context.exercise.title}`,
        body: <ReasonedResponsePage exercise={context.exercise} rows={rows} />,
      });
    },
  );
}
