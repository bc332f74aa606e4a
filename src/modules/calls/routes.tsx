import type { FastifyInstance } from 'fastify';
import { notFound } from '../../shared/errors.js';
import { sendPage } from '../../web/http.js';
import { parseParams, slugParams } from '../../web/params.js';
import { getExercise } from '../exercises/get-exercise.js';
import { loadRecordHistory } from '../audit/present-history.js';
import { sendRecordHistoryPage } from '../audit/history-routes.js';
import { getExerciseCall } from './get-exercise-call.js';
import { CallPage } from './views/call-page.js';
import { loadParticipation, participationNoticeOf } from '../participation/load-participation.js';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';

export function callRoutes(app: FastifyInstance, deps: ModuleDeps) {
  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/convocatoria', access.public, async (request, reply) => {
    const { exercise } = await getExercise(deps.db, parseParams(request, slugParams, 'exercise').slug);
    const call = await getExerciseCall(deps.db, exercise.id);
    if (!call) throw notFound('call');
    const [history, participation] = await Promise.all([
      loadRecordHistory(deps.db, deps.records, { recordType: 'call', recordId: call.id }),
      loadParticipation(deps.db, deps.records, { recordType: 'call', recordId: call.id }, request.actor),
    ]);
    const participationView = participation
      ? { ...participation, notice: participationNoticeOf(request.query) }
      : undefined;
    return sendPage(request, reply, deps, {
      title: call.title,
      body: (
        <CallPage
          call={call}
          exercise={exercise}
          history={history}
          now={deps.now()}
          participation={participationView}
        />
      ),
    });
  });

  app.get<{ Params: { slug: string } }>(
    '/ejercicios/:slug/convocatoria/historial',
    access.public,
    async (request, reply) => {
      const { exercise } = await getExercise(deps.db, parseParams(request, slugParams, 'exercise').slug);
      const call = await getExerciseCall(deps.db, exercise.id);
      if (!call) throw notFound('call');
      const path = `/ejercicios/${exercise.slug}/convocatoria`;
      return sendRecordHistoryPage(request, reply, deps, {
        title: call.title,
        crumbs: [
          { href: '/', label: request.t('nav.home') },
          { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
          { href: path, label: request.t('nav.call') },
        ],
        recordHref: path,
        historyHref: `${path}/historial`,
        load: { recordType: 'call', recordId: call.id },
      });
    },
  );
}
