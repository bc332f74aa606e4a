import { sql } from 'drizzle-orm';
import type { Dataset } from '../../kernel/dataset.js';
import { listReasonedResponses } from './list-reasoned-responses.js';

const isoDate = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Every problem of every exercise with its current support count; a hidden problem keeps its row without its text. */
export const problemsDataset: Dataset = {
  id: 'problemas',
  title: 'cocreation.data.problems.title',
  description: 'cocreation.data.problems.description',
  source: 'cocreation.data.source',
  primaryKey: ['ejercicio', 'numero'],
  foreignKeys: [{ fields: ['ejercicio'], reference: { dataset: 'ejercicios', fields: ['clave'] } }],
  keywords: ['problemas públicos', 'diagnóstico', 'participación ciudadana'],
  fields: [
    { name: 'ejercicio', type: 'string', description: 'cocreation.data.field.exercise' },
    { name: 'numero', type: 'integer', description: 'cocreation.data.field.number' },
    { name: 'titulo', type: 'string', description: 'cocreation.data.field.title' },
    { name: 'descripcion', type: 'string', description: 'cocreation.data.field.description' },
    { name: 'evidencia', type: 'string', description: 'cocreation.data.field.evidence' },
    { name: 'tema', type: 'string', description: 'cocreation.data.field.theme' },
    {
      name: 'municipios',
      type: 'string',
      description: 'cocreation.data.field.municipalities',
      pattern: '^([0-9]{5}(;[0-9]{5})*)?$',
      separator: ';',
    },
    { name: 'canal', type: 'string', description: 'cocreation.data.field.channel' },
    { name: 'estado', type: 'string', description: 'cocreation.data.field.status' },
    { name: 'fusionado_en', type: 'integer', description: 'cocreation.data.field.mergedInto' },
    { name: 'apoyos', type: 'integer', description: 'cocreation.data.field.supports' },
    { name: 'oculto', type: 'boolean', description: 'cocreation.data.field.hidden' },
    { name: 'motivo_ocultamiento', type: 'string', description: 'cocreation.data.field.hiddenReason' },
    { name: 'registrado', type: 'datetime', description: 'cocreation.data.field.createdAt' },
  ],
  rows: async (db) => {
    const result = await db.execute(sql`
      select e.slug, p.number, p.title, p.description, p.evidence_url, p.theme, p.channel, p.status, p.hidden_at, p.hidden_reason, p.created_at,
             target.number as merged_into,
             (select count(*)::int from problem_supports s where s.problem_id = p.id) as supports,
             (select coalesce(string_agg(pm.cvegeo, ';' order by pm.cvegeo), '') from problem_municipalities pm where pm.problem_id = p.id) as places
      from problems p join exercises e on e.id = p.exercise_id left join problems target on target.id = p.merged_into_id
      order by e.period_start desc, e.slug, p.number`);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => {
      const isHidden = row.hidden_at !== null;
      return {
        ejercicio: row.slug,
        numero: Number(row.number),
        titulo: isHidden ? null : row.title,
        descripcion: isHidden ? null : row.description,
        evidencia: isHidden ? null : row.evidence_url,
        tema: row.theme,
        municipios: row.places,
        canal: row.channel,
        estado: row.status,
        fusionado_en: row.merged_into === null ? null : Number(row.merged_into),
        apoyos: Number(row.supports),
        oculto: isHidden,
        motivo_ocultamiento: row.hidden_reason,
        registrado: isoDate(row.created_at as Date),
      };
    });
  },
};

/** Supports of each problem per day (by UTC date): counts only, never who supported. */
export const problemSupportsDataset: Dataset = {
  id: 'apoyos-a-problemas',
  title: 'cocreation.data.supports.title',
  description: 'cocreation.data.supports.description',
  source: 'cocreation.data.source',
  primaryKey: ['ejercicio', 'numero', 'fecha'],
  foreignKeys: [
    { fields: ['ejercicio', 'numero'], reference: { dataset: 'problemas', fields: ['ejercicio', 'numero'] } },
  ],
  keywords: ['apoyos', 'problemas públicos', 'participación ciudadana'],
  fields: [
    { name: 'ejercicio', type: 'string', description: 'cocreation.data.field.exercise' },
    { name: 'numero', type: 'integer', description: 'cocreation.data.field.number' },
    { name: 'fecha', type: 'date', description: 'cocreation.data.field.day' },
    { name: 'apoyos', type: 'integer', description: 'cocreation.data.field.supportsOfDay' },
  ],
  rows: async (db) => {
    const result = await db.execute(sql`
      select e.slug, p.number, to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as supports
      from problem_supports s join problems p on p.id = s.problem_id join exercises e on e.id = p.exercise_id
      group by e.period_start, e.slug, p.number, day
      order by e.period_start desc, e.slug, p.number, day`);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
      ejercicio: row.slug,
      numero: Number(row.number),
      fecha: row.day,
      apoyos: Number(row.supports),
    }));
  },
};

/**
 * The reasoned response of every exercise: each problem, its outcome, the reason, the explanation, who decided and the
 * agreement.
 */
export const reasonedResponsesDataset: Dataset = {
  id: 'respuesta-razonada',
  title: 'cocreation.data.responses.title',
  description: 'cocreation.data.responses.description',
  source: 'cocreation.data.source',
  primaryKey: ['ejercicio', 'tipo', 'numero'],
  foreignKeys: [{ fields: ['ejercicio'], reference: { dataset: 'ejercicios', fields: ['clave'] } }],
  keywords: ['respuesta razonada', 'problemas públicos', 'rendición de cuentas'],
  fields: [
    { name: 'ejercicio', type: 'string', description: 'cocreation.data.field.exercise' },
    { name: 'tipo', type: 'string', description: 'cocreation.data.field.subjectType' },
    { name: 'numero', type: 'integer', description: 'cocreation.data.field.number' },
    { name: 'titulo', type: 'string', description: 'cocreation.data.field.title' },
    { name: 'estado', type: 'string', description: 'cocreation.data.field.status' },
    { name: 'apoyos', type: 'integer', description: 'cocreation.data.field.supports' },
    { name: 'resultado', type: 'string', description: 'cocreation.data.field.outcome' },
    { name: 'motivo', type: 'string', description: 'cocreation.data.field.reasonCode' },
    { name: 'explicacion', type: 'string', description: 'cocreation.data.field.explanation' },
    { name: 'decidio', type: 'string', description: 'cocreation.data.field.decider' },
    { name: 'institucion', type: 'string', description: 'cocreation.data.field.institution' },
    { name: 'acuerdo', type: 'string', description: 'cocreation.data.field.agreement' },
    { name: 'fusionado_en', type: 'integer', description: 'cocreation.data.field.mergedInto' },
    { name: 'fecha_decision', type: 'datetime', description: 'cocreation.data.field.decidedAt' },
  ],
  rows: async (db) =>
    (await listReasonedResponses(db)).map((row) => ({
      ejercicio: row.exerciseSlug,
      tipo: row.subjectType,
      numero: row.number,
      titulo: row.title,
      estado: row.status,
      apoyos: row.supports,
      resultado: row.outcome,
      motivo: row.reasonCode,
      explicacion: row.explanation,
      decidio: row.deciderLabel,
      institucion: row.deciderInstitution,
      acuerdo: row.agreementCode,
      fusionado_en: row.mergedIntoNumber,
      fecha_decision: row.decidedAt ? row.decidedAt.toISOString() : null,
    })),
};

export const cocreationDatasets = [problemsDataset, problemSupportsDataset, reasonedResponsesDataset];
