import type { ModuleManifest } from '../../kernel/manifest.js';
import { changeLogDataset } from './datasets.js';
import { auditMessages } from './messages.js';

/** The hash-chained change log of every public record, and its public history views. */
export const auditModule: ModuleManifest = {
  name: 'audit',
  messages: [auditMessages],
  datasets: [changeLogDataset],
};
