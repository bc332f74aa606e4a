import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, actorOf } from '../../kernel/access.js';
import { hasRole } from '../../kernel/actor.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { AppError } from '../../shared/errors.js';
import {
  emptyForm,
  formValues,
  submitForm,
  type FormIssue,
  type FormMessages,
  type FormState,
} from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { noticeKey, parseParams, parseQuery, requireId, slugParam } from '../../web/params.js';
import { assessDesign, assessDesignInput } from './assess-design.js';
import { assessEnd, assessEndInput } from './assess-end.js';
import { listEvaluationMethods, setEvaluationMethod, setEvaluationMethodInput } from './evaluation-method.js';
import { loadEvaluatedCommitment } from './evaluated-commitment.js';
import { fileProgressReport, fileProgressReportInput } from './file-progress-report.js';
import { findCommitmentId, getCommitmentEvaluation } from './get-commitment-evaluation.js';
import { getPlanResults } from './get-plan-results.js';
import { listEvaluationWork } from './list-evaluation-work.js';
import { assertCanAssess, assertCanReportProgress, canAssess, canReportProgress } from './policy.js';
import { openGovernmentValues } from './scales.js';
import { AdminMethodsPage } from './views/admin-methods-page.js';
import { CommitmentEvaluationPage } from './views/commitment-evaluation-page.js';
import { evaluationHref, ResultsPage } from './views/results-page.js';
import { DesignFormPage, EndFormPage, EvaluationWorkPage, ReportFormPage } from './views/staff-pages.js';

const resultsQuery = z.object({
  institucion: z.uuid().optional().catch(undefined),
  municipio: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .catch(undefined),
});
const commitmentParams = z.object({ slug: slugParam, number: z.coerce.number().int().min(1).max(100_000) });
const notices: Record<string, MessageKey> = {
  informe: 'evaluation.notice.report',
  diseno: 'evaluation.notice.design',
  cierre: 'evaluation.notice.end',
};
const problems: Record<string, MessageKey> = {
  alreadyReported: 'evaluation.problem.alreadyReported',
  finalReportMissing: 'evaluation.problem.finalReportMissing',
  notReviewable: 'evaluation.problem.notReviewable',
  methodInUse: 'evaluation.problem.methodInUse',
};
const forms: FormMessages = { prefix: 'evaluation.error', fallback: 'error.badRequest.body' };

const reportFields = ['period', 'declaredStatus', 'narrative'] as const;
const designFields = [
  'verifiability',
  ...openGovernmentValues.flatMap((v) => [`value_${v}`, `justification_${v}`]),
  'potential',
  'potentialJustification',
  'isPromising',
  'promisingJustification',
  'assessorName',
  'assessorOrganisation',
];
const endFields = [
  'completion',
  'openedGovernment',
  'narrative',
  'evidence',
  'completeJustification',
  'assessorName',
  'assessorOrganisation',
] as const;

/** A refusal that belongs on the form: the use case's own issues (validation with `issues`). */
const issuesOf = (error: unknown): readonly FormIssue[] | undefined =>
  error instanceof AppError && error.code === 'validation' && Array.isArray(error.details?.issues)
    ? (error.details.issues as FormIssue[])
    : undefined;
const problemOf = (error: unknown): MessageKey | undefined => {
  if (!(error instanceof AppError) || error.code !== 'conflict') return undefined;
  const reason = error.details?.reason;
  return typeof reason === 'string' ? problems[reason] : undefined;
};
/** Empty strings as absent, so optional choices and texts parse as not given. */
const present = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));

/**
 * The evaluation's pages: public results per plan and each commitment's evaluation; the liaisons' progress reports
 * and the evaluators' assessments under /evaluacion.
 */
export function evaluationRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config } = deps;
  const writeOptions = (request: FastifyRequest) => ({
    actor: actorOf(request),
    now: deps.now(),
    timeZone: config.TIME_ZONE,
  });

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/plan/resultados', access.public, async (request, reply) => {
    const { slug } = parseParams(request, z.object({ slug: slugParam }), 'plan');
    const query = parseQuery(request, resultsQuery);
    const results = await getPlanResults(db, slug, { institutionId: query.institucion, cvegeo: query.municipio });
    return sendPage(request, reply, deps, {
      title: `${request.t('evaluation.results.title')}: ${results.plan.title}`,
      body: <ResultsPage results={results} />,
    });
  });

  app.get<{ Params: { slug: string; number: string } }>(
    '/ejercicios/:slug/plan/compromisos/:number/evaluacion',
    access.public,
    async (request, reply) => {
      const { slug, number } = parseParams(request, commitmentParams, 'commitment');
      const evaluation = await getCommitmentEvaluation(db, await findCommitmentId(db, slug, number));
      const notice = noticeKey(request, notices);
      const actions = request.actor
        ? {
            canReport: canReportProgress(request.actor, evaluation.commitment),
            canAssess: canAssess(request.actor, evaluation.commitment),
          }
        : undefined;
      return sendPage(request, reply, deps, {
        title: `${request.t('evaluation.commitment.title', { number: String(number) })}: ${evaluation.commitment.title}`,
        body: (
          <CommitmentEvaluationPage
            evaluation={evaluation}
            notice={notice ? request.t(notice) : undefined}
            {...(actions ? { actions } : {})}
          />
        ),
      });
    },
  );

  app.get('/evaluacion', access.roles('liaison', 'evaluator'), async (request, reply) => {
    const actor = actorOf(request);
    const work = await listEvaluationWork(db, actor);
    return sendPage(request, reply, deps, {
      title: request.t('evaluation.work.title'),
      body: (
        <EvaluationWorkPage
          work={work}
          isLiaison={hasRole(actor, 'liaison')}
          isEvaluator={hasRole(actor, 'evaluator')}
        />
      ),
    });
  });

  const doneAt = (commitment: { exerciseSlug: string; number: number }, notice: string) =>
    `${evaluationHref(commitment.exerciseSlug, commitment.number)}?aviso=${notice}`;

  // ---- progress reports (the lead institution's liaisons) ----
  const reportPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form: FormState,
    options: { status?: number; problem?: MessageKey } = {},
  ) => {
    const commitment = await loadEvaluatedCommitment(db, requireId(request.params.id, 'commitment'));
    assertCanReportProgress(actorOf(request), commitment);
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('evaluation.form.report.title', { number: String(commitment.number) }),
      body: (
        <ReportFormPage
          commitment={commitment}
          form={form}
          problem={options.problem ? request.t(options.problem) : undefined}
        />
      ),
    });
  };
  const liaisons = access.roles('liaison');
  app.get<{ Params: { id: string } }>('/evaluacion/compromisos/:id/informe', liaisons, (request, reply) =>
    reportPage(request, reply, emptyForm()),
  );
  app.post<{ Params: { id: string } }>('/evaluacion/compromisos/:id/informe', liaisons, async (request, reply) => {
    const id = requireId(request.params.id, 'commitment');
    const commitment = await loadEvaluatedCommitment(db, id);
    assertCanReportProgress(actorOf(request), commitment);
    const values = formValues(request.body, reportFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: fileProgressReportInput.safeParse(present(values)),
      invalid: (form, status) => reportPage(request, reply, form, { status }),
      submit: async (data) => {
        await fileProgressReport(db, id, data, writeOptions(request));
        return doneAt(commitment, 'informe');
      },
      refused: (error) => {
        const problem = problemOf(error);
        return problem ? reportPage(request, reply, emptyForm(values), { status: 409, problem }) : undefined;
      },
    });
  });

  // ---- assessments (evaluators independent of the lead institution) ----
  const evaluators = access.roles('evaluator');
  const assessorDefaults = (request: FastifyRequest) => ({
    assessorName: actorOf(request).name,
    assessorOrganisation: '',
  });

  const designPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form: FormState | undefined,
    options: { status?: number; problem?: MessageKey } = {},
  ) => {
    const evaluation = await getCommitmentEvaluation(db, requireId(request.params.id, 'commitment'));
    assertCanAssess(actorOf(request), evaluation.commitment);
    const design = evaluation.design;
    const initial = design
      ? emptyForm({
          verifiability: design.verifiability,
          ...Object.fromEntries(
            openGovernmentValues.flatMap((v) =>
              design.ogValues
                ? [
                    [`value_${v}`, design.ogValues[v].relevant ? 'yes' : 'no'],
                    [`justification_${v}`, design.ogValues[v].justification],
                  ]
                : [],
            ),
          ),
          potential: design.potential ?? '',
          potentialJustification: design.potentialJustification ?? '',
          isPromising: design.isPromising ? 'yes' : '',
          promisingJustification: design.promisingJustification ?? '',
          assessorName: design.assessorName,
          assessorOrganisation: design.assessorOrganisation,
        })
      : emptyForm(assessorDefaults(request));
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('evaluation.form.design.title', { number: String(evaluation.commitment.number) }),
      body: (
        <DesignFormPage
          commitment={evaluation.commitment}
          form={form ?? initial}
          problem={options.problem ? request.t(options.problem) : undefined}
        />
      ),
    });
  };
  app.get<{ Params: { id: string } }>('/evaluacion/compromisos/:id/diseno', evaluators, (request, reply) =>
    designPage(request, reply, undefined),
  );
  app.post<{ Params: { id: string } }>('/evaluacion/compromisos/:id/diseno', evaluators, async (request, reply) => {
    const id = requireId(request.params.id, 'commitment');
    const commitment = await loadEvaluatedCommitment(db, id);
    assertCanAssess(actorOf(request), commitment);
    const values = formValues(request.body, designFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: assessDesignInput.safeParse(present(values)),
      invalid: (form, status) => designPage(request, reply, form, { status }),
      submit: async (data) => {
        await assessDesign(db, id, data, writeOptions(request));
        return doneAt(commitment, 'diseno');
      },
      rejected: issuesOf,
    });
  });

  const endPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form: FormState | undefined,
    options: { status?: number; problem?: MessageKey } = {},
  ) => {
    const evaluation = await getCommitmentEvaluation(db, requireId(request.params.id, 'commitment'));
    assertCanAssess(actorOf(request), evaluation.commitment);
    const end = evaluation.end;
    const initial = end
      ? emptyForm({
          completion: end.completion,
          openedGovernment: end.openedGovernment,
          narrative: end.narrative,
          evidence: end.evidenceUrls.join('\n'),
          completeJustification: end.completeJustification ?? '',
          assessorName: end.assessorName,
          assessorOrganisation: end.assessorOrganisation,
        })
      : emptyForm(assessorDefaults(request));
    const blocked =
      evaluation.design?.verifiability === 'not_verifiable'
        ? 'evaluation.problem.notReviewable'
        : !evaluation.reports.some((r) => r.period === 'final')
          ? 'evaluation.problem.finalReportMissing'
          : undefined;
    const problem = options.problem ?? blocked;
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('evaluation.form.end.title', { number: String(evaluation.commitment.number) }),
      body: (
        <EndFormPage
          commitment={evaluation.commitment}
          form={form ?? initial}
          problem={problem ? request.t(problem) : undefined}
        />
      ),
    });
  };
  app.get<{ Params: { id: string } }>('/evaluacion/compromisos/:id/cierre', evaluators, (request, reply) =>
    endPage(request, reply, undefined),
  );
  app.post<{ Params: { id: string } }>('/evaluacion/compromisos/:id/cierre', evaluators, async (request, reply) => {
    const id = requireId(request.params.id, 'commitment');
    const commitment = await loadEvaluatedCommitment(db, id);
    assertCanAssess(actorOf(request), commitment);
    const values = formValues(request.body, endFields);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: assessEndInput.safeParse(present(values)),
      invalid: (form, status) => endPage(request, reply, form, { status }),
      submit: async (data) => {
        await assessEnd(db, id, data, writeOptions(request));
        return doneAt(commitment, 'cierre');
      },
      rejected: issuesOf,
      refused: (error) => {
        const problem = problemOf(error);
        return problem ? endPage(request, reply, emptyForm(values), { status: 409, problem }) : undefined;
      },
    });
  });

  // ---- the assessment method of each exercise (admins) ----
  const methodsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { status?: number; problem?: MessageKey } = {},
  ) => {
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('evaluation.admin.title'),
      body: (
        <AdminMethodsPage
          entries={await listEvaluationMethods(db)}
          notice={notice ? request.t(notice) : undefined}
          problem={options.problem ? request.t(options.problem) : undefined}
        />
      ),
    });
  };
  const admins = access.roles('admin');
  app.get('/admin/evaluacion', admins, (request, reply) => methodsPage(request, reply));
  app.post<{ Params: { exerciseId: string } }>(
    '/admin/evaluacion/:exerciseId/metodo',
    admins,
    async (request, reply) => {
      const exerciseId = requireId(request.params.exerciseId, 'exercise');
      const parsed = setEvaluationMethodInput.safeParse(present(formValues(request.body, ['method'])));
      if (!parsed.success)
        return methodsPage(request, reply, { status: 400, problem: 'evaluation.error.method.required' });
      try {
        await setEvaluationMethod(db, exerciseId, parsed.data, { actor: actorOf(request) });
      } catch (error) {
        const problem = problemOf(error);
        if (problem) return methodsPage(request, reply, { status: 409, problem });
        throw error;
      }
      return reply.redirect('/admin/evaluacion?aviso=metodo', 303);
    },
  );
}
