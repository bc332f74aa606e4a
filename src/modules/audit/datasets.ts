import type { Dataset } from '../../kernel/dataset.js';
import type { Db } from '../../db/client.js';
import { changeLogPages } from './list-change-log.js';

/** The change log's rows as published, page by page (`after`: only the entries after that seq). */
async function* datasetPages(db: Db, options: { after?: number } = {}) {
  for await (const page of changeLogPages(db, options))
    yield page.map((e) => ({
      seq: e.seq,
      occurred_at: e.occurredAt,
      // Who acted is published as a role (actor_label), never as an account.
      actor_id: null,
      actor_label: e.actorLabel,
      record_type: e.recordType,
      record_id: e.recordId,
      action: e.action,
      before: e.before,
      after: e.after,
      digests: e.digests,
      salts: e.salts,
      prev_hash: e.prevHash,
      hash: e.hash,
    }));
}

/** The whole hash-chained change log, so anyone can verify it; streamed in pages, or from an entry on (`?desde=`). */
export const changeLogDataset: Dataset = {
  id: 'historial',
  title: 'openData.changeLog.title',
  description: 'openData.changeLog.description',
  source: 'openData.exercises.source',
  fields: [
    { name: 'seq', type: 'integer', description: 'openData.field.seq' },
    { name: 'occurred_at', type: 'datetime', description: 'openData.field.occurredAt' },
    { name: 'actor_id', type: 'string', description: 'openData.field.actorId' },
    { name: 'actor_label', type: 'string', description: 'openData.field.actorLabel' },
    { name: 'record_type', type: 'string', description: 'openData.field.recordType' },
    { name: 'record_id', type: 'string', description: 'openData.field.recordId' },
    { name: 'action', type: 'string', description: 'openData.field.action' },
    { name: 'before', type: 'json', description: 'openData.field.before' },
    { name: 'after', type: 'json', description: 'openData.field.after' },
    { name: 'prev_hash', type: 'string', description: 'openData.field.prevHash' },
    { name: 'hash', type: 'string', description: 'openData.field.hash' },
    // Added after the first publication, so at the end: scripts that read the columns by position keep working.
    { name: 'digests', type: 'json', description: 'audit.dump.digests' },
    { name: 'salts', type: 'json', description: 'audit.dump.salts' },
  ],
  rows: async (db) => {
    const rows: Record<string, unknown>[] = [];
    for await (const page of datasetPages(db)) rows.push(...page);
    return rows;
  },
  batches: (db, options) => datasetPages(db, options),
};
