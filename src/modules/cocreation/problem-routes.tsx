import type { FastifyInstance } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { formValues, submitForm } from '../../web/forms.js';
import { parseParams } from '../../web/params.js';
import { decideProblem, decideProblemInput } from './decide-problem.js';
import { hideProblem, hideProblemInput } from './hide-problem.js';
import { problemPath, problemsPath } from './paths.js';
import { sendRecordHistoryPage } from '../audit/history-routes.js';
import { getProblem } from './get-problem.js';
import { moderatorRoles } from './policy.js';
import { reportProblem, reportProblemInput } from './report-problem.js';
import { undoMerge, undoMergeInput } from './undo-merge.js';
import {
  fieldIssueOf,
  formMessages,
  problemPageContext,
  problemParams,
  refusalOf,
  type ProblemParams,
} from './route-context.js';

/**
 * A problem's page (/ejercicios/:slug/problemas/:number), reporting it, and its moderation: hiding, deciding (a merge
 * among the decisions) and undoing a merge.
 */
export function problemRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, baseUrl, limit, problemPage, problemOf, refusedOnPage, loadExercise } = problemPageContext(deps);

  app.get<ProblemParams>('/ejercicios/:slug/problemas/:number', access.public, async (request, reply) => {
    const { slug, number } = parseParams(request, problemParams, 'problem');
    return problemPage(request, reply, slug, number);
  });

  app.get<ProblemParams>('/ejercicios/:slug/problemas/:number/historial', access.public, async (request, reply) => {
    const { slug, number } = parseParams(request, problemParams, 'problem');
    const { exercise } = await loadExercise(slug);
    const detail = await getProblem(db, exercise.id, number, request.actor?.userId);
    const title = detail.problem.hiddenAt
      ? request.t('cocreation.hidden.title', { number })
      : request.t('cocreation.problem.heading', { number, title: detail.problem.title });
    const path = problemPath(exercise.slug, number);
    return sendRecordHistoryPage(request, reply, deps, {
      title,
      crumbs: [
        { href: '/', label: request.t('nav.home') },
        { href: `/ejercicios/${exercise.slug}`, label: exercise.title },
        { href: problemsPath(exercise.slug), label: request.t('cocreation.problems.title') },
        { href: path, label: title },
      ],
      recordHref: path,
      historyHref: `${path}/historial`,
      load: { recordType: 'problem', recordId: detail.problem.id },
    });
  });

  app.post<ProblemParams>('/ejercicios/:slug/problemas/:number/reportar', access.signedIn, async (request, reply) => {
    await limit(request, 'report');
    const target = await problemOf(request);
    const values = formValues(request.body, ['reason', 'details']);
    return submitForm(request, reply, {
      messages: formMessages('report'),
      values,
      parsed: reportProblemInput.safeParse(values),
      invalid: (form, status) =>
        problemPage(request, reply, target.slug, target.number, { status, forms: { report: form } }),
      submit: async (data) => {
        await reportProblem(db, target.problem.id, data, { actor: actorOf(request) });
        return `${problemPath(target.slug, target.number)}?aviso=reportado`;
      },
    });
  });

  app.post<ProblemParams>(
    '/ejercicios/:slug/problemas/:number/ocultar',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await problemOf(request);
      const values = formValues(request.body, ['reason']);
      return submitForm(request, reply, {
        messages: formMessages('hide'),
        values,
        parsed: hideProblemInput.safeParse(values),
        invalid: (form, status) =>
          problemPage(request, reply, target.slug, target.number, { status, forms: { hide: form } }),
        submit: async (data) => {
          await hideProblem(db, target.problem.id, data, { actor: actorOf(request), now: deps.now() });
          return `${problemPath(target.slug, target.number)}?aviso=oculto`;
        },
      });
    },
  );

  app.post<ProblemParams>(
    '/ejercicios/:slug/problemas/:number/decision',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await problemOf(request);
      const values = formValues(request.body, [
        'outcome',
        'reasonCode',
        'explanation',
        'agreementCode',
        'mergedIntoNumber',
      ]);
      return submitForm(request, reply, {
        messages: formMessages('decide'),
        values,
        parsed: decideProblemInput.safeParse(values),
        invalid: (form, status) =>
          problemPage(request, reply, target.slug, target.number, { status, forms: { decide: form } }),
        submit: async (data) => {
          await decideProblem(db, target.problem.id, data, {
            actor: actorOf(request),
            now: deps.now(),
            baseUrl: baseUrl(request),
            siteName: config.SITE_NAME,
          });
          return `${problemPath(target.slug, target.number)}?aviso=decidido`;
        },
        rejected: fieldIssueOf,
        refused: (error) => (refusalOf(error) ? refusedOnPage(request, reply, target, error) : undefined),
      });
    },
  );

  app.post<ProblemParams>(
    '/ejercicios/:slug/problemas/:number/deshacer-fusion',
    access.roles(...moderatorRoles),
    async (request, reply) => {
      const target = await problemOf(request);
      const values = formValues(request.body, ['reason']);
      return submitForm(request, reply, {
        messages: formMessages('undoMerge'),
        values,
        parsed: undoMergeInput.safeParse(values),
        invalid: (form, status) =>
          problemPage(request, reply, target.slug, target.number, { status, forms: { undoMerge: form } }),
        submit: async (data) => {
          await undoMerge(db, target.problem.id, data, {
            actor: actorOf(request),
            now: deps.now(),
            baseUrl: baseUrl(request),
            siteName: config.SITE_NAME,
          });
          return `${problemPath(target.slug, target.number)}?aviso=separado`;
        },
        refused: (error) => (refusalOf(error) ? refusedOnPage(request, reply, target, error) : undefined),
      });
    },
  );
}
