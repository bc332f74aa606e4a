import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { AppError } from '../../../shared/errors.js';
import { emptyForm, formValues, submitForm, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { noticeKey, parseParams, slugParams } from '../../../web/params.js';
import { evaluationContext } from '../route-context.js';
import { buildResultsReport } from './build-results-report.js';
import { publishResultsReport } from './publish-results-report.js';
import { listReportVersions } from './report-versions.js';
import { getReportDraft, reportAuthors, reportTextsInput, saveReportTexts } from './save-report-texts.js';
import { staffReportHref } from '../paths.js';
import { ReportPreviewPage, StaffReportPage } from './views/report-pages.js';

const notices: Record<string, MessageKey> = {
  textos: 'evaluationReport.notice.texts',
  publicado: 'evaluationReport.notice.published',
};
const problems: Record<string, MessageKey> = {
  unchanged: 'evaluationReport.problem.unchanged',
  noPlan: 'evaluationReport.problem.noPlan',
};
const forms = { prefix: 'evaluationReport.error', fallback: 'error.badRequest.body' as MessageKey };

/** The authors of a results report (admins, evaluators): its texts, preview and publication at /evaluacion/informes. */
export function reportStaffRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, writeOptions } = evaluationContext(deps);
  const authors = access.roles(...reportAuthors);

  const staffPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState | undefined,
    options: { status?: number; problem?: MessageKey } = {},
  ) => {
    const { exercise, texts, hasPlan } = await getReportDraft(db, parseParams(request, slugParams, 'exercise').slug);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      status: options.status ?? 200,
      title: request.t('evaluationReport.staff.title', { exercise: exercise.title }),
      body: (
        <StaffReportPage
          exercise={exercise}
          form={form ?? emptyForm(texts)}
          versions={await listReportVersions(db, exercise.id)}
          hasPlan={hasPlan}
          notice={notice ? request.t(notice) : undefined}
          problem={options.problem ? request.t(options.problem) : undefined}
        />
      ),
    });
  };

  app.get<{ Params: { slug: string } }>('/evaluacion/informes/:slug', authors, (request, reply) =>
    staffPage(request, reply, undefined),
  );
  app.post<{ Params: { slug: string } }>('/evaluacion/informes/:slug', authors, async (request, reply) => {
    const { exercise } = await getReportDraft(db, parseParams(request, slugParams, 'exercise').slug);
    const values = formValues(request.body, ['summary', 'conclusions']);
    return submitForm(request, reply, {
      messages: forms,
      values,
      parsed: reportTextsInput.safeParse(values),
      invalid: (form, status) => staffPage(request, reply, form, { status }),
      submit: async (data) => {
        await saveReportTexts(db, exercise.id, data, { actor: actorOf(request) });
        return `${staffReportHref(exercise.slug)}?aviso=textos`;
      },
    });
  });
  app.post<{ Params: { slug: string } }>('/evaluacion/informes/:slug/publicar', authors, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    try {
      await publishResultsReport(db, slug, writeOptions(request));
    } catch (error) {
      const reason = error instanceof AppError && error.code === 'conflict' ? error.details?.reason : undefined;
      const problem = typeof reason === 'string' ? problems[reason] : undefined;
      if (problem) return staffPage(request, reply, undefined, { status: 409, problem });
      throw error;
    }
    return reply.redirect(`${staffReportHref(slug)}?aviso=publicado`, 303);
  });
  app.get<{ Params: { slug: string } }>('/evaluacion/informes/:slug/vista-previa', authors, async (request, reply) => {
    const { exercise } = await getReportDraft(db, parseParams(request, slugParams, 'exercise').slug);
    const content = await buildResultsReport(db, exercise.slug, { now: deps.now(), timeZone: deps.config.TIME_ZONE });
    return sendPage(request, reply, deps, {
      title: `${request.t('evaluationReport.staff.previewCrumb')}: ${request.t('evaluationReport.title')}`,
      body: <ReportPreviewPage exercise={exercise} content={content} />,
    });
  });
}
