import type { ModuleManifest } from '../../kernel/manifest.js';
import { technicalField } from '../../kernel/records.js';
import { historyRoutes } from './history-routes.js';
import { changeLogDataset } from './datasets.js';
import { auditMessages } from './messages.js';
import { REDACTION_RECORD_TYPE } from './redact-change.js';

/** The hash-chained change log of every public record, and its public history views. */
export const auditModule: ModuleManifest = {
  name: 'audit',
  messages: [auditMessages],
  routes: historyRoutes,
  // The first entry of the log in full and its technical data (every demo has one).
  demo: { pages: ['/historial/1', '/historial/1/tecnico'] },
  datasets: [changeLogDataset],
  records: {
    // A redaction: which fields of an entry were removed from the public log, and why.
    [REDACTION_RECORD_TYPE]: { publicFields: ['redacted', 'reason'], fields: { redacted: { kind: 'fieldNames' } } },
    // Written once by migration 0014, when the log took its redactable form: the head of the former chain.
    change_log: { publicFields: ['legacyHead', 'legacyEntries', 'reason'], fields: { legacyHead: technicalField } },
  },
};
