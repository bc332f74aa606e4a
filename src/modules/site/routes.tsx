import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { projectRoot } from '../../paths.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { sendPage } from '../../web/http.js';
import { loadRecordHistory } from '../audit/present-history.js';
import { sendRecordHistoryPage } from '../audit/history-routes.js';
import { hasSecretariat } from '../secretariat/get-secretariat.js';
import { getExerciseDiagnosis } from '../cocreation/get-exercise-diagnosis.js';
import { ExercisePage } from './views/exercise-page.js';
import { getExerciseLessons } from '../evaluation/lessons/list-lessons.js';
import { listReportVersions } from '../evaluation/report/report-versions.js';
import { listMostPopulousMunicipalities } from '../directory/list-municipalities.js';
import { listExercises, pickCurrentExercise } from '../exercises/list-exercises.js';
import { getExercise } from '../exercises/get-exercise.js';
import { getExerciseCall } from '../calls/get-exercise-call.js';
import { listCallContacts } from '../calls/list-call-contacts.js';
import { HomePage } from './views/home.js';
import { listPlanSummaries } from '../plan/core/list-plan-summaries.js';
import { ContactPage } from './views/contact-page.js';
import { ComponentsPage } from './views/components-page.js';
import { SourcePage } from './views/source-page.js';
import { access } from '../../kernel/access.js';
import { notFound } from '../../shared/errors.js';
import { parseParams } from '../../web/params.js';
import { getMunicipality, listMunicipalitiesByName } from '../directory/list-municipalities.js';
import { listMunicipalityCommitments, listMunicipalityFigures } from '../plan/core/list-municipality-commitments.js';
import { getNextSession } from '../secretariat/get-next-session.js';
import { MunicipalitiesPage, MunicipalityPage } from './views/municipality-pages.js';
import { ParticipatePage } from './views/participate-page.js';

/** A municipality's INEGI code in a URL: five digits (state and municipality). */
const cvegeoParams = z.object({ cvegeo: z.string().regex(/^\d{5}$/) });

/**
 * The pages that gather many stages: the home page and an exercise's page (its call, Secretariat and plans). `site`
 * is the only module that may read every stage; the others never import it.
 */
export function siteRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db } = deps;

  app.get('/', access.public, async (request, reply) => {
    const all = await listExercises(db);
    const currentSummary = pickCurrentExercise(all);
    const current = currentSummary ? await getExercise(db, currentSummary.slug) : undefined;
    const call = current ? await getExerciseCall(db, current.exercise.id) : undefined;
    const others = all.filter((exercise) => exercise.id !== currentSummary?.id);
    const plans = await listPlanSummaries(db);
    const diagnosis = current
      ? await getExerciseDiagnosis(db, current.exercise.id, { now: deps.now(), timeZone: deps.config.TIME_ZONE })
      : undefined;
    const nextSession = await getNextSession(db, deps.now());
    return sendPage(request, reply, deps, {
      title: deps.config.SITE_NAME,
      body: (
        <HomePage
          current={current}
          call={call}
          others={others}
          plans={plans}
          now={deps.now()}
          isDiagnosisOpen={diagnosis?.state === 'open'}
          nextSession={nextSession}
        />
      ),
    });
  });

  app.get('/como-participo', access.public, async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('site.participate.title'),
      body: <ParticipatePage current={pickCurrentExercise(await listExercises(db))} />,
    }),
  );

  app.get('/municipios', access.public, async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('site.municipalities.title'),
      body: (
        <MunicipalitiesPage
          municipalities={await listMunicipalitiesByName(db)}
          figures={await listMunicipalityFigures(db)}
        />
      ),
    }),
  );

  app.get<{ Params: { cvegeo: string } }>('/municipios/:cvegeo', access.public, async (request, reply) => {
    const { cvegeo } = parseParams(request, cvegeoParams, 'municipality');
    const municipality = await getMunicipality(db, cvegeo);
    if (!municipality) throw notFound('municipality');
    return sendPage(request, reply, deps, {
      title: municipality.name,
      body: (
        <MunicipalityPage municipality={municipality} commitments={await listMunicipalityCommitments(db, cvegeo)} />
      ),
    });
  });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug', access.public, async (request, reply) => {
    const detail = await getExercise(db, request.params.slug);
    const call = await getExerciseCall(db, detail.exercise.id);
    const history = await loadRecordHistory(db, deps.records, { recordType: 'exercise', recordId: detail.exercise.id });
    const secretariat = await hasSecretariat(db, detail.exercise.id);
    const plans = (await listPlanSummaries(db)).filter((plan) => plan.exerciseId === detail.exercise.id);
    const diagnosis = await getExerciseDiagnosis(db, detail.exercise.id, {
      now: deps.now(),
      timeZone: deps.config.TIME_ZONE,
    });
    const lessons = await getExerciseLessons(db, detail.exercise.slug);
    const [latest] = await listReportVersions(db, detail.exercise.id);
    const evaluation = {
      lessons,
      latestVersion: latest?.version,
      isShown: plans.length > 0 || lessons.lessons.length > 0 || Boolean(lessons.previous) || Boolean(latest),
    };
    return sendPage(request, reply, deps, {
      title: detail.exercise.title,
      body: (
        <ExercisePage
          detail={detail}
          call={call}
          history={history}
          plans={plans}
          now={deps.now()}
          hasSecretariat={secretariat}
          diagnosis={diagnosis}
          evaluation={evaluation}
        />
      ),
    });
  });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/historial', access.public, async (request, reply) => {
    const { exercise } = await getExercise(db, request.params.slug);
    const path = `/ejercicios/${exercise.slug}`;
    return sendRecordHistoryPage(request, reply, deps, {
      title: exercise.title,
      crumbs: [
        { href: '/', label: request.t('nav.home') },
        { href: path, label: exercise.title },
      ],
      recordHref: path,
      historyHref: `${path}/historial`,
      load: { recordType: 'exercise', recordId: exercise.id },
    });
  });

  app.get('/contacto', access.public, async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('contact.title'),
      body: <ContactPage contacts={await listCallContacts(db)} />,
    }),
  );

  app.get('/componentes', access.public, async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('design.title'),
      body: <ComponentsPage topMunicipalities={await listMostPopulousMunicipalities(db, 5)} />,
    }),
  );

  app.get('/codigo-fuente', access.public, async (request, reply) =>
    sendPage(request, reply, deps, {
      title: request.t('source.title'),
      body: <SourcePage sourceUrl={deps.config.SOURCE_URL} />,
    }),
  );

  const licence = readFileSync(join(projectRoot, 'LICENSE'), 'utf8');
  app.get('/codigo-fuente/licencia.txt', access.public, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(licence),
  );
}
