import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access } from '../../kernel/access.js';
import type { ModuleDeps } from '../../kernel/manifest.js';
import { notFound } from '../../shared/errors.js';
import { sendPage } from '../../web/http.js';
import { parseParams, parseQuery } from '../../web/params.js';
import {
  getChangeEntry,
  historyEntry,
  HISTORY_PAGE_SIZE,
  listRecordHistory,
  type HistoryEntry,
} from './list-record-history.js';
import { describeHistory, loadHistoryNames, presentHistory, type HistoryNames } from './present-history.js';
import { ChangeEntryPage, RecordHistoryPage, TechnicalEntryPage } from './views/entry-pages.js';

const seqParams = z.object({ seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
/** `?antes=<entry number>`: a page of a full history, the entries before that one. */
const olderQuery = z.object({
  antes: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});

/** The public path of the record an entry belongs to (itself, or the record its changes belong to), if it has one. */
async function recordPathOf(
  deps: ModuleDeps,
  row: { recordType: string; recordId: string; before: unknown; after: unknown },
) {
  const own = await deps.records.resolveTarget(deps.db, row.recordType, row.recordId);
  if (own) return own.path;
  const owner = await deps.records.followableTargetOf(deps.db, row);
  if (!owner) return undefined;
  return (await deps.records.resolveTarget(deps.db, owner.recordType, owner.recordId))?.path;
}

/** One entry of the public history in full (`/historial/:seq`) and its technical data (`…/tecnico`). */
export function historyRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const { db, records } = deps;

  app.get<{ Params: { seq: string } }>('/historial/:seq', access.public, async (request, reply) => {
    const { seq } = parseParams(request, seqParams, 'change');
    const row = await getChangeEntry(db, seq);
    if (!row) throw notFound('change');
    const entry = historyEntry(row);
    const self = { recordType: row.recordType, recordId: row.recordId };
    const names = await loadHistoryNames(db, records, [entry], new Map(), [self]);
    const title = names.get(`${row.recordType}:${row.recordId}`);
    const [shown] = presentHistory(records, [{ ...entry, recordTitle: typeof title === 'string' ? title : '' }], names);
    return sendPage(request, reply, deps, {
      title: request.t('audit.entry.crumb'),
      body: <ChangeEntryPage entry={shown!} recordHref={await recordPathOf(deps, row)} />,
    });
  });

  app.get<{ Params: { seq: string } }>('/historial/:seq/tecnico', access.public, async (request, reply) => {
    const { seq } = parseParams(request, seqParams, 'change');
    const row = await getChangeEntry(db, seq);
    if (!row) throw notFound('change');
    return sendPage(request, reply, deps, {
      title: request.t('audit.technical.title', { seq: row.seq }),
      body: <TechnicalEntryPage entry={row} />,
    });
  });
}

/** What a module's full-history page of a record needs. */
export interface RecordHistoryPageOptions {
  /** The record's title, as its page names it. */
  title: string;
  crumbs: { label: string; href?: string }[];
  /** The record's own page, and the first page of its full history. */
  recordHref: string;
  historyHref: string;
  /** The record (its entries alone), or a loader of several records' entries (a commitment with its milestones). */
  load:
    | { recordType: string; recordId: string }
    | ((options: {
        limit: number;
        olderThan: number | undefined;
      }) => Promise<{ entries: HistoryEntry[]; hasMore: boolean }>);
  /** Names the page already has (its institutions...), not looked up again. */
  known?: HistoryNames;
  /** Name the record of each entry (a history that gathers several records'). */
  nameRecords?: boolean;
}

/** Sends a page of a record's full history (`?antes=` gives the older pages). */
export async function sendRecordHistoryPage(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: ModuleDeps,
  options: RecordHistoryPageOptions,
) {
  const olderThan = parseQuery(request, olderQuery).antes;
  const page = { limit: HISTORY_PAGE_SIZE, olderThan };
  const { entries, hasMore } =
    typeof options.load === 'function'
      ? await options.load(page)
      : await listRecordHistory(deps.db, options.load, page);
  const shown = await describeHistory(deps.db, deps.records, entries, options.known, {
    nameRecords: options.nameRecords ?? typeof options.load === 'function',
  });
  const last = entries[entries.length - 1];
  return sendPage(request, reply, deps, {
    title: `${request.t('audit.history.title')} · ${options.title}`,
    body: (
      <RecordHistoryPage
        title={options.title}
        crumbs={options.crumbs}
        recordHref={options.recordHref}
        historyHref={options.historyHref}
        entries={shown}
        isFirstPage={olderThan === undefined}
        olderHref={hasMore && last ? `${options.historyHref}?antes=${last.seq}` : undefined}
      />
    ),
  });
}
