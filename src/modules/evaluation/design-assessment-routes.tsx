import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { emptyForm, formValues, submitForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { requireId } from '../../web/params.js';
import { assessDesign, assessDesignInput } from './assess-design.js';
import { loadEvaluatedCommitment } from './evaluated-commitment.js';
import { getCommitmentEvaluation } from './get-commitment-evaluation.js';
import { assertCanAssess } from './policy.js';
import { evaluationContext, forms, issuesOf, present } from './route-context.js';
import { openGovernmentValues } from './scales.js';
import { DesignFormPage } from './views/staff-pages.js';

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

/** Design assessments (evaluators independent of the lead institution): /evaluacion/compromisos/:id/diseno. */
export function designAssessmentRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, writeOptions, doneAt, assessorDefaults } = evaluationContext(deps);
  const evaluators = access.roles('evaluator');

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
}
