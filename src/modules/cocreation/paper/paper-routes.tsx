import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { AppError } from '../../../shared/errors.js';
import { emptyForm, formList, formValues, submitForm, withIssues, type FormIssue } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { noticeKey, parseParams } from '../../../web/params.js';
import { exercisePhases, exercises } from '../../exercises/schema.js';
import { withUpload } from '../../files/guards.js';
import { uploadedFile } from '../../files/routes.js';
import { localDate, windowState } from '../diagnosis-window.js';
import { paperCaptureRoles } from '../policy.js';
import { cocreationContext, fieldIssueOf, formMessages, refusalOf, slugParams } from '../route-context.js';
import { submitProblemInput } from '../submit-problem.js';
import { MAX_PAPER_SUPPORTS } from '../support-problem.js';
import { problemFormFields } from '../views/new-problem-page.js';
import { capturePaperProblem, capturePaperSupports } from './capture-paper.js';
import { listPaperCaptures, listSupportableProblems } from './list-paper-captures.js';
import { paperCapturePath, paperCapturesPath } from '../paths.js';
import { PaperCapturePage, PaperCapturesPage, type PaperForms } from './views/paper-capture-page.js';

type SlugParams = { Params: { slug: string } };

/** Notices after a capture (`?aviso=`). */
const notices = {
  problema: 'cocreation.paper.problemSaved',
  apoyos: 'cocreation.paper.supportsSaved',
} as const satisfies Record<string, MessageKey>;

/** The supports form: a problem of the exercise by its number and how many supports its sheet carries. */
const supportsInput = z.object({
  problemNumber: z
    .string()
    .regex(/^[0-9]{1,7}$/, 'supportedProblem.invalid')
    .transform(Number),
  count: z
    .string()
    .trim()
    .regex(/^[0-9]{1,4}$/, 'count.invalid')
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_PAPER_SUPPORTS, 'count.invalid'),
});

/** A missing scan, said next to its field with the form's other problems. */
const scanIssues = (body: unknown): FormIssue[] =>
  uploadedFile(body, 'scan') ? [] : [{ path: ['scan'], message: 'scan.required' }];

/**
 * Staff capture paper forms handed in at a table (/admin/problemas/papel): the exercises, then per exercise a problem
 * on paper and a sheet of supports of a problem, each with its scan (read only once the route's role check passed).
 */
export function paperCaptureRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, loadExercise, municipalitiesOf } = cocreationContext(deps);
  const staff = access.roles(...paperCaptureRoles);
  const upload = withUpload(staff, { files: ['scan'] });

  app.get(paperCapturesPath, staff, async (request, reply) => {
    const today = localDate(deps.now(), config.TIME_ZONE);
    const rows = await db
      .select({
        slug: exercises.slug,
        title: exercises.title,
        startsOn: exercisePhases.startsOn,
        endsOn: exercisePhases.endsOn,
      })
      .from(exercises)
      .leftJoin(exercisePhases, and(eq(exercisePhases.exerciseId, exercises.id), eq(exercisePhases.phase, 'diagnosis')))
      .orderBy(asc(exercises.periodStart));
    const list = rows.map((row) => {
      const window = row.startsOn ? { startsOn: row.startsOn, endsOn: row.endsOn } : undefined;
      return { slug: row.slug, title: row.title, window, state: windowState(window, today) };
    });
    return sendPage(request, reply, deps, {
      title: request.t('cocreation.paper.title'),
      body: <PaperCapturesPage exercises={list} />,
    });
  });

  const capturePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { forms?: Partial<PaperForms>; chosen?: string[]; status?: number; problem?: MessageKey } = {},
  ) => {
    const context = await loadExercise(slug);
    const [municipalities, supportable, captures] = await Promise.all([
      municipalitiesOf(context.stateCode),
      listSupportableProblems(db, context.exercise.id),
      listPaperCaptures(db, context.exercise.id),
    ]);
    const notice = options.status === undefined ? noticeKey(request, notices) : undefined;
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.paper.title')} · ${context.exercise.title}`,
      status: options.status,
      body: (
        <PaperCapturePage
          exercise={context.exercise}
          window={context.window}
          state={context.state}
          forms={{ problem: emptyForm(), supports: emptyForm(), ...options.forms }}
          municipalities={municipalities}
          chosenMunicipalities={options.chosen ?? []}
          supportable={supportable}
          captures={captures}
          notice={notice ? request.t(notice) : undefined}
          problem={options.problem ? request.t(options.problem) : undefined}
        />
      ),
    });
  };

  /** A refusal of a use case (the window closed meanwhile, a problem that no longer takes supports) on the page. */
  const refusedOnPage = (request: FastifyRequest, reply: FastifyReply, slug: string, error: unknown) => {
    const message = refusalOf(error);
    if (!message) return undefined;
    const status = error instanceof AppError && error.code === 'forbidden' ? 403 : 409;
    return capturePage(request, reply, slug, { status, problem: message });
  };

  app.get<SlugParams>(`${paperCapturesPath}/:slug`, staff, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    return capturePage(request, reply, slug);
  });

  app.post<SlugParams>(`${paperCapturesPath}/:slug/problema`, upload, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    // Outside the window the page says so, and nothing is stored (the scan neither).
    if (context.state !== 'open')
      return capturePage(request, reply, slug, { status: 409, problem: 'cocreation.refused.diagnosisClosed' });
    const values = formValues(request.body, problemFormFields);
    const chosen = formList(request.body, 'municipalities');
    const scan = uploadedFile(request.body, 'scan');
    return submitForm(request, reply, {
      messages: formMessages('paper-problem'),
      values,
      parsed: withIssues(submitProblemInput.safeParse({ ...values, municipalities: chosen }), {
        after: scanIssues(request.body),
      }),
      invalid: (form, status) => capturePage(request, reply, slug, { forms: { problem: form }, chosen, status }),
      submit: async (data) => {
        await capturePaperProblem(db, context.exercise.id, data, {
          actor: actorOf(request),
          now: deps.now(),
          timeZone: config.TIME_ZONE,
          scan,
        });
        return `${paperCapturePath(slug)}?aviso=problema#capturas`;
      },
      rejected: fieldIssueOf,
      refused: (error) => refusedOnPage(request, reply, slug, error),
    });
  });

  app.post<SlugParams>(`${paperCapturesPath}/:slug/apoyos`, upload, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    if (context.state !== 'open')
      return capturePage(request, reply, slug, { status: 409, problem: 'cocreation.refused.diagnosisClosed' });
    const values = formValues(request.body, ['problemNumber', 'count']);
    const scan = uploadedFile(request.body, 'scan');
    return submitForm(request, reply, {
      messages: formMessages('paper-supports'),
      values,
      parsed: withIssues(supportsInput.safeParse(values), { after: scanIssues(request.body) }),
      invalid: (form, status) => capturePage(request, reply, slug, { forms: { supports: form }, status }),
      submit: async (data) => {
        await capturePaperSupports(db, context.exercise.id, data, {
          actor: actorOf(request),
          now: deps.now(),
          timeZone: config.TIME_ZONE,
          scan,
        });
        return `${paperCapturePath(slug)}?aviso=apoyos#capturas`;
      },
      rejected: fieldIssueOf,
      refused: (error) => refusedOnPage(request, reply, slug, error),
    });
  });
}
