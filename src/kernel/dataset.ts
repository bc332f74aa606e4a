import type { Db } from '../db/client.js';
import type { MessageKey } from '../web/i18n/i18n.js';

export interface DatasetField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'json';
  description: MessageKey;
}

/** An entry of the open-data catalogue: its fields (the data dictionary) and how to read its rows. */
export interface Dataset {
  id: string;
  title: MessageKey;
  description: MessageKey;
  source: MessageKey;
  fields: readonly DatasetField[];
  rows: (db: Db) => Promise<Record<string, unknown>[]>;
  /**
   * For large datasets: the same rows page by page, so the download is streamed instead of built in memory; a dataset
   * ordered by a sequence number may start `after` one (the change log's `?desde=`, for incremental checks).
   */
  batches?: (db: Db, options?: { after?: number }) => AsyncIterable<Record<string, unknown>[]>;
}
