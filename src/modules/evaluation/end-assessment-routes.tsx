import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { emptyForm, formValues, submitForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { requireId } from '../../web/params.js';
import { assessEnd, assessEndInput } from './assess-end.js';
import { loadEvaluatedCommitment } from './evaluated-commitment.js';
import { getCommitmentEvaluation } from './get-commitment-evaluation.js';
import { assertCanAssess } from './policy.js';
import { evaluationContext, forms, issuesOf, present, problemOf } from './route-context.js';
import { EndFormPage } from './views/staff-pages.js';

const endFields = [
  'completion',
  'openedGovernment',
  'narrative',
  'evidence',
  'completeJustification',
  'assessorName',
  'assessorOrganisation',
] as const;

/** End-of-term assessments (evaluators independent of the lead institution): /evaluacion/compromisos/:id/cierre. */
export function endAssessmentRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, writeOptions, doneAt, assessorDefaults } = evaluationContext(deps);
  const evaluators = access.roles('evaluator');

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
}
