import type { Db } from '../../db/client.js';
import type { MessageKey } from '../../web/i18n/i18n.js';
import { listMunicipalities } from '../directory/list-municipalities.js';
import { listExercises } from '../exercises/list-exercises.js';
import { listChangeLog } from '../audit/list-change-log.js';
import { planDatasets } from '../plan/data-datasets.js';

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
  /** For large datasets: the same rows page by page, so the download is streamed instead of built in memory. */
  batches?: (db: Db) => AsyncIterable<Record<string, unknown>[]>;
}

export const datasets: readonly Dataset[] = [
  {
    id: 'municipios',
    title: 'openData.municipalities.title',
    description: 'openData.municipalities.description',
    source: 'openData.municipalities.source',
    fields: [
      { name: 'cvegeo', type: 'string', description: 'openData.field.cvegeo' },
      { name: 'entidad', type: 'string', description: 'openData.field.stateCode' },
      { name: 'nombre', type: 'string', description: 'openData.field.name' },
      { name: 'poblacion_2020', type: 'integer', description: 'openData.field.population' },
    ],
    rows: async (db) =>
      (await listMunicipalities(db)).map((m) => ({ cvegeo: m.cvegeo, entidad: m.stateCode, nombre: m.name, poblacion_2020: m.population })),
  },
  {
    id: 'ejercicios',
    title: 'openData.exercises.title',
    description: 'openData.exercises.description',
    source: 'openData.exercises.source',
    fields: [
      { name: 'clave', type: 'string', description: 'openData.field.slug' },
      { name: 'edicion', type: 'integer', description: 'openData.field.edition' },
      { name: 'titulo', type: 'string', description: 'openData.field.title' },
      { name: 'entidad', type: 'string', description: 'openData.field.stateCode' },
      { name: 'inicio', type: 'date', description: 'openData.field.periodStart' },
      { name: 'fin', type: 'date', description: 'openData.field.periodEnd' },
      { name: 'etapa', type: 'string', description: 'openData.field.phase' },
      { name: 'convoca', type: 'string', description: 'openData.field.convener' },
      { name: 'demostracion', type: 'boolean', description: 'openData.field.isDemo' },
    ],
    rows: async (db) =>
      (await listExercises(db)).map((e) => ({
        clave: e.slug,
        edicion: e.edition,
        titulo: e.title,
        entidad: e.stateCode,
        inicio: e.periodStart,
        fin: e.periodEnd,
        etapa: e.phase,
        convoca: e.convenerName,
        demostracion: e.isDemo,
      })),
  },
  {
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
  },
  ...planDatasets,
];

export const findDataset = (id: string) => datasets.find((dataset) => dataset.id === id);
