import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { sendPage, type WebDeps } from '../../web/http.js';
import { getExercise } from '../exercises/get-exercise.js';
import { listRecordHistory } from '../audit/list-record-history.js';
import { getExerciseCall } from './get-exercise-call.js';
import { CallPage } from './views/call-page.js';

export function callRoutes(app: FastifyInstance, deps: WebDeps & { db: Db; now: () => Date }) {
  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/convocatoria', async (request, reply) => {
    const { exercise } = await getExercise(deps.db, request.params.slug);
    const call = await getExerciseCall(deps.db, exercise.id);
    if (!call) throw notFound('call');
    const history = await listRecordHistory(deps.db, { recordType: 'call', recordId: call.id });
    return sendPage(request, reply, deps, { title: call.title, body: <CallPage call={call} exercise={exercise} history={history} now={deps.now()} /> });
  });
}
