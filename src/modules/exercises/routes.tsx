import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { sendPage, type WebDeps } from '../../web/http.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { listRecordHistory } from '../audit/list-record-history.js';
import { hasSecretariat } from '../secretariat/get-secretariat.js';
import { listExercises } from './list-exercises.js';
import { getExercise } from './get-exercise.js';
import { ExerciseListPage } from './views/exercise-list.js';
import { ExercisePage } from './views/exercise-page.js';
import { listPlanSummaries } from '../plan/list-plan-summaries.js';

export function exerciseRoutes(app: FastifyInstance, deps: WebDeps & { db: Db; now: () => Date }) {
  app.get('/ejercicios', async (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('exercise.list.title'), body: <ExerciseListPage exercises={await listExercises(deps.db)} /> }),
  );

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug', async (request, reply) => {
    const detail = await getExercise(deps.db, request.params.slug);
    const call = await getExerciseCall(deps.db, detail.exercise.id);
    const history = await listRecordHistory(deps.db, { recordType: 'exercise', recordId: detail.exercise.id });
    const secretariat = await hasSecretariat(deps.db, detail.exercise.id);
    const plans = (await listPlanSummaries(deps.db)).filter((plan) => plan.exerciseId === detail.exercise.id);
    return sendPage(request, reply, deps, {
      title: detail.exercise.title,
      body: <ExercisePage detail={detail} call={call} history={history} plans={plans} now={deps.now()} hasSecretariat={secretariat} />,
    });
  });
}
