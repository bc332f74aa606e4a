import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { projectRoot } from '../../paths.js';
import { sendPage, type WebDeps } from '../../web/http.js';
import { listMostPopulousMunicipalities } from '../directory/list-municipalities.js';
import { listExercises, pickCurrentExercise } from '../exercises/list-exercises.js';
import { getExercise } from '../exercises/get-exercise.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { listCallContacts } from '../calls/list-call-contacts.js';
import { HomePage } from './views/home.js';
import { listPlanSummaries } from '../plan/list-plan-summaries.js';
import { ContactPage } from './views/contact-page.js';
import { ComponentsPage } from './views/components-page.js';
import { SourcePage } from './views/source-page.js';

export function siteRoutes(app: FastifyInstance, deps: WebDeps & { db: Db; now: () => Date }) {
  const { db } = deps;

  app.get('/', async (request, reply) => {
    const all = await listExercises(db);
    const currentSummary = pickCurrentExercise(all);
    const current = currentSummary ? await getExercise(db, currentSummary.slug) : undefined;
    const call = current ? await getExerciseCall(db, current.exercise.id) : undefined;
    const others = all.filter((exercise) => exercise.id !== currentSummary?.id);
    const plans = await listPlanSummaries(db);
    return sendPage(request, reply, deps, { title: deps.config.SITE_NAME, body: <HomePage current={current} call={call} others={others} plans={plans} now={deps.now()} /> });
  });

  app.get('/contacto', async (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('contact.title'), body: <ContactPage contacts={await listCallContacts(db)} /> }),
  );

  app.get('/componentes', async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('design.title'),
      body: <ComponentsPage topMunicipalities={await listMostPopulousMunicipalities(db, 5)} />,
    }),
  );

  app.get('/codigo-fuente', async (request, reply) =>
    sendPage(request, reply, deps, { title: request.t('source.title'), body: <SourcePage sourceUrl={deps.config.SOURCE_URL} /> }),
  );

  const licence = readFileSync(join(projectRoot, 'LICENSE'), 'utf8');
  app.get('/codigo-fuente/licencia.txt', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(licence),
  );
}
