import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { emptyForm, formValues, submitForm, type FormState } from '../../web/forms.js';
import { sendPage } from '../../web/http.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { requireId } from '../../web/params.js';
import { loadEvaluatedCommitment } from './evaluated-commitment.js';
import { fileProgressReport, fileProgressReportInput } from './file-progress-report.js';
import { assertCanReportProgress } from './policy.js';
import { evaluationContext, forms, present, problemOf } from './route-context.js';
import { ReportFormPage } from './views/staff-pages.js';

const reportFields = ['period', 'declaredStatus', 'narrative'] as const;

/** Progress reports (the lead institution's liaisons): /evaluacion/compromisos/:id/informe. */
export function progressReportRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, writeOptions, doneAt } = evaluationContext(deps);

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
}
