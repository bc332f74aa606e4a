import type { Db } from '../db/client.js';
import type { MessageKey } from '../web/i18n/i18n.js';

/**
 * The type of a column, as the data dictionary, the Table Schema of /datos/datapackage.json and the CSV writer read
 * it. `json` is an object and `array` a list, both written as JSON text in a CSV cell; `date` is YYYY-MM-DD and
 * `datetime` ISO 8601 with its offset (UTC, `Z`).
 */
export type DatasetFieldType = 'string' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'json' | 'array';

export interface DatasetField {
  name: string;
  type: DatasetFieldType;
  description: MessageKey;
  /** Every row has a value (Table Schema `constraints.required`); primary-key fields always do. */
  required?: boolean;
  /** A regular expression every value matches, e.g. `^\d{5}$` for an INEGI code kept as text with its zeros. */
  pattern?: string;
  /** For a text column holding several values: the separator between them (e.g. `;`), never a line break. */
  separator?: string;
}

/** A column (or columns) whose values are keys of another dataset of the catalogue. */
export interface DatasetForeignKey {
  fields: readonly string[];
  reference: { dataset: string; fields: readonly string[] };
}

/** An entry of the open-data catalogue: its fields (the data dictionary) and how to read its rows. */
export interface Dataset {
  id: string;
  title: MessageKey;
  description: MessageKey;
  source: MessageKey;
  fields: readonly DatasetField[];
  /** The fields that identify a row (unique together, never empty). */
  primaryKey?: readonly string[];
  foreignKeys?: readonly DatasetForeignKey[];
  /** Words a catalogue indexes it under (DCAT `keyword`), in Spanish. */
  keywords?: readonly string[];
  rows: (db: Db) => Promise<Record<string, unknown>[]>;
  /**
   * For large datasets: the same rows page by page, so the download is streamed instead of built in memory; a dataset
   * ordered by a sequence number may start `after` one (the change log's `?desde=`, for incremental checks).
   */
  batches?: (db: Db, options?: { after?: number }) => AsyncIterable<Record<string, unknown>[]>;
}

/**
 * What a deprecation is about, in the words of the published snapshot (src/modules/opendata/published.json):
 * - `dataset:<id>`: a whole dataset of /datos;
 * - `field:<id>/<field>`: a column of a dataset;
 * - `route:GET /api/v1/<path>`: an API route, as the OpenAPI document writes its path;
 * - `property:<Schema>/<path>`: a property of an API answer, by its schema's name in the OpenAPI document (or the
 *   route, for the page wrapper) and its dotted path, e.g. `property:Commitment/leadInstitution.acronym`.
 */
export type DeprecationSubject =
  `dataset:${string}` | `field:${string}/${string}` | `route:GET /api/v1/${string}` | `property:${string}/${string}`;

/**
 * Published data is never withdrawn silently (Guía de datos abiertos MX, permanence): whatever goes away is announced
 * here first, in the manifest of the module that publishes it, and the entry stays after the removal so /datos and
 * the OpenAPI document keep saying what happened.
 */
export interface Deprecation {
  subject: DeprecationSubject;
  /** When it was announced (YYYY-MM-DD). */
  since: string;
  /** From when it may be gone (YYYY-MM-DD): at least one release after `since`. */
  sunset?: string;
  /** Why, in the catalogs (es-MX and en). */
  reason: MessageKey;
  /** What to use instead: another dataset, field, route or property, in the same words as `subject`; or nothing. */
  replacement?: string;
}
