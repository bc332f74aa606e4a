import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access, actorOf } from '../../../kernel/access.js';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { emptyForm, formList, formValues, submitForm, withIssues, type FormState } from '../../../web/forms.js';
import { sendPage } from '../../../web/http.js';
import { noticeKey, parseParams } from '../../../web/params.js';
import { zonedTimeToUtc } from '../../calls/local-time.js';
import { tablePath } from '../paths.js';
import { canModerateProblems, moderatorRoles } from '../policy.js';
import { listProblemsOpenToProposals } from '../proposals/list-proposals.js';
import { fieldIssueOf, formMessages, slugParams } from '../route-context.js';
import { createTable, tableInput } from './create-table.js';
import { getTable, listTables } from './get-table.js';
import { tableNotices, tablePageContext, tableParams, type TableParams } from './route-context.js';
import { tableCalendar } from './table-calendar.js';
import { NewTablePage, tableFormFields } from './views/new-table-page.js';
import { TablesPage } from './views/tables-page.js';

/**
 * Co-creation tables (/ejercicios/:slug/mesas): the list, staff scheduling one, a table's page and its calendar file
 * (what is done on the page: table-action-routes.tsx).
 */
export function tableRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, config, baseUrl, loadExercise, tablePage, tableOf } = tablePageContext(deps);
  const staff = access.roles(...moderatorRoles);
  const notices = tableNotices;

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/mesas', access.public, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.tables.title')} · ${context.exercise.title}`,
      body: (
        <TablesPage
          exercise={context.exercise}
          tables={await listTables(db, context.exercise.id)}
          canSchedule={canModerateProblems(request.actor)}
          notice={notice ? request.t(notice) : undefined}
        />
      ),
    });
  });

  const newTablePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { form?: FormState; chosen?: string[]; status?: number } = {},
  ) => {
    const context = await loadExercise(slug);
    return sendPage(request, reply, deps, {
      title: `${request.t('cocreation.tables.schedule')} · ${context.exercise.title}`,
      status: options.status,
      body: (
        <NewTablePage
          exercise={context.exercise}
          problems={await listProblemsOpenToProposals(db, context.exercise.id)}
          chosen={options.chosen ?? []}
          form={options.form ?? emptyForm({ durationMinutes: '120', capacity: '30' })}
          zone={config.TIME_ZONE}
        />
      ),
    });
  };

  app.get<{ Params: { slug: string } }>('/ejercicios/:slug/mesas/nueva', staff, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    return newTablePage(request, reply, slug);
  });

  app.post<{ Params: { slug: string } }>('/ejercicios/:slug/mesas', staff, async (request, reply) => {
    const { slug } = parseParams(request, slugParams, 'exercise');
    const context = await loadExercise(slug);
    const values = formValues(request.body, tableFormFields);
    const chosen = formList(request.body, 'problemNumbers');
    const startsAt = zonedTimeToUtc(values.startsDate, values.startsTime, config.TIME_ZONE);
    const parsed = tableInput.safeParse({ ...values, problemNumbers: chosen, startsAt: startsAt ?? new Date(0) });
    return submitForm(request, reply, {
      messages: formMessages('table'),
      values,
      parsed: withIssues(parsed, {
        before: startsAt
          ? []
          : [
              /^\d{4}-\d{2}-\d{2}$/.test(values.startsDate)
                ? { path: ['startsTime'], message: 'startsTime.invalid' }
                : { path: ['startsDate'], message: 'startsDate.invalid' },
            ],
      }),
      invalid: (form, status) => newTablePage(request, reply, slug, { form, chosen, status }),
      submit: async (data) => {
        const table = await createTable(db, context.exercise.id, data, { actor: actorOf(request), now: deps.now() });
        return `${tablePath(slug, table.number)}?aviso=programada`;
      },
      rejected: fieldIssueOf,
    });
  });

  app.get<TableParams>('/ejercicios/:slug/mesas/:number', access.public, async (request, reply) => {
    const { slug, number } = parseParams(request, tableParams, 'workshop');
    return tablePage(request, reply, slug, number);
  });

  app.get<TableParams>('/ejercicios/:slug/mesas/:number/calendario.ics', access.public, async (request, reply) => {
    const target = await tableOf(request);
    const detail = await getTable(db, target.exercise.id, target.number, { isStaff: false });
    const body = tableCalendar(target.table, {
      t: request.t,
      baseUrl: baseUrl(request),
      exerciseSlug: target.slug,
      now: deps.now(),
      problems: detail.problems.flatMap((problem) =>
        problem.title === null
          ? []
          : [request.t('cocreation.problem.heading', { number: problem.number, title: problem.title })],
      ),
    });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="mesa-${target.number}.ics"`)
      .send(body);
  });
}
