import type { Dataset } from '../../kernel/dataset.js';
import { listChangeLog } from './list-change-log.js';

/** The whole hash-chained change log, so anyone can verify it. */
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
  ],
  rows: async (db) =>
    (await listChangeLog(db)).map((e) => ({
      seq: e.seq,
      occurred_at: e.occurredAt,
      actor_id: e.actorId,
      actor_label: e.actorLabel,
      record_type: e.recordType,
      record_id: e.recordId,
      action: e.action,
      before: e.before,
      after: e.after,
      prev_hash: e.prevHash,
      hash: e.hash,
    })),
};
