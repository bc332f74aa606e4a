import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { sendPage, type WebDeps } from '../../web/http.js';
import { parseParams, slugParams } from '../../web/params.js';
import { getExercise } from '../exercises/get-exercise.js';
import { listRecordHistory } from '../audit/list-record-history.js';
import { getExerciseCall } from './get-exercise-call.js';
import { CallPage } from './views/call-page.js';
import { loadParticipation, participationNoticeOf } from '../participation/load-participation.js';

export function callRoutes(app: FastifyInstance, deps: WebDeps & { db: Db; now: () => Date }) {
  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/convocatoria', async (request, reply) => {
    const { exercise } = await getExercise(deps.db, parseParams(request, slugParams, 'exercise').slug);
    const call = await getExerciseCall(deps.db, exercise.id);
    if (!call) throw notFound('call');
    const [history, participation] = await Promise.all([
      listRecordHistory(deps.db, { recordType: 'call', recordId: call.id }),
      loadParticipation(deps.db, { recordType: 'call', recordId: call.id }, request.actor),
    ]);
    const participationView = participation ? { ...participation, notice: participationNoticeOf(request.query) } : undefined;
    return sendPage(request, reply, deps, { title: call.title, body: <CallPage call={call} exercise={exercise} history={history} now={deps.now()} participation={participationView} /> });
  });
}
