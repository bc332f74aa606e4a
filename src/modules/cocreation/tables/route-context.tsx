import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ModuleDeps } from '../../../kernel/manifest.js';
import { AppError } from '../../../shared/errors.js';
import { sendPage } from '../../../web/http.js';
import type { MessageKey } from '../../../web/i18n/i18n.js';
import { noticeKey, parseParams, slugParam } from '../../../web/params.js';
import { canModerateProblems } from '../policy.js';
import { cocreationContext, refusalOf } from '../route-context.js';
import { getTable, listTableCandidates } from './get-table.js';
import { TablePage, type TableForms } from './views/table-page.js';

export const tableParams = z.object({ slug: slugParam, number: z.coerce.number().int().min(1).max(1_000_000) });
export type TableParams = { Params: { slug: string; number: string } };

/** Notices after a redirect on the tables' pages (`?aviso=`). */
export const tableNotices = {
  programada: 'cocreation.tableNotice.scheduled',
  inscrita: 'cocreation.tableNotice.registered',
  cancelada: 'cocreation.tableNotice.cancelled',
  asistencia: 'cocreation.tableNotice.attendance',
  cerrada: 'cocreation.tableNotice.closed',
} as const satisfies Record<string, MessageKey>;

/** What the routes of one table share: its page (with a form's state or a refusal), and the table acted on. */
export function tablePageContext(deps: ModuleDeps) {
  const base = cocreationContext(deps);
  const { db, loadExercise } = base;
  const notices = tableNotices;

  const tablePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    number: number,
    options: { status?: number; problem?: MessageKey; forms?: Partial<TableForms> } = {},
  ) => {
    const context = await loadExercise(slug);
    const isStaff = canModerateProblems(request.actor);
    const detail = await getTable(db, context.exercise.id, number, { userId: request.actor?.userId, isStaff });
    const notice = noticeKey(request, notices);
    return sendPage(request, reply, deps, {
      title: request.t('cocreation.table.heading', { number, title: detail.table.title }),
      status: options.status,
      body: (
        <TablePage
          exercise={context.exercise}
          detail={detail}
          viewer={{
            isSignedIn: request.actor !== undefined,
            isConfirmed: request.actor?.isEmailConfirmed ?? false,
            isStaff,
          }}
          candidates={isStaff ? await listTableCandidates(db, detail.table.id) : []}
          isOpen={detail.table.status === 'scheduled' && detail.table.startsAt.getTime() > deps.now().getTime()}
          notice={notice && options.status === undefined ? request.t(notice) : undefined}
          problemMessage={options.problem ? request.t(options.problem) : undefined}
          forms={options.forms}
        />
      ),
    });
  };

  /** The table a request acts on, by the exercise's slug and its number; or the not-found page. */
  const tableOf = async (request: FastifyRequest<TableParams>) => {
    const { slug, number } = parseParams(request, tableParams, 'workshop');
    const context = await loadExercise(slug);
    const { table } = await getTable(db, context.exercise.id, number, { isStaff: false });
    return { slug, number, table, exercise: context.exercise };
  };

  /** A refusal of the table's rules on its page (409 or 403), else rethrown. */
  const refusedOnPage =
    (request: FastifyRequest, reply: FastifyReply, target: { slug: string; number: number }) => (error: unknown) => {
      const message = refusalOf(error);
      if (!message) return undefined;
      return tablePage(request, reply, target.slug, target.number, {
        status: error instanceof AppError && error.code === 'forbidden' ? 403 : 409,
        problem: message,
      });
    };

  return { ...base, tablePage, tableOf, refusedOnPage };
}
