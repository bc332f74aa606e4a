import { sql, type SQL } from 'drizzle-orm';
import type { Dataset, DatasetField } from '../../kernel/dataset.js';
import { commitmentIsPublic } from '../plan/read-models.js';
import { listReasonedResponses } from './list-reasoned-responses.js';
import { countedSupports, problemSupportersOf } from './support-count.js';

const isoDate = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The numbers of the public commitments (decision 11) an origin became, joined by ";": SQL over the condition on
 * commitment_origins `o` (e.g. `o.problem_id = p.id`).
 */
export const publicCommitmentNumbers = (condition: SQL) => sql<string>`(
  select coalesce(string_agg(c.number::text, ';' order by c.number), '') from commitment_origins o
  join commitments c on c.id = o.commitment_id join action_plans ap on ap.id = c.plan_id
  where ${condition} and ${commitmentIsPublic(sql.raw('c.status'), sql.raw('ap.status'))})`;

/** Traceability: which commitments of the plan a problem or proposal became (their numbers within the plan). */
const commitmentsField: DatasetField = {
  name: 'compromisos',
  type: 'string',
  description: 'cocreation.data.field.commitments',
  pattern: '^([0-9]+(;[0-9]+)*)?$',
  separator: ';',
};

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
    commitmentsField,
  ],
  rows: async (db) => {
    const result = await db.execute(sql`
      select e.slug, p.number, p.title, p.description, p.evidence_url, p.theme, p.channel, p.status, p.hidden_at, p.hidden_reason, p.created_at,
             target.number as merged_into,
             ${problemSupportersOf(sql.raw('p.id'))} as supports,
             (select coalesce(string_agg(pm.cvegeo, ';' order by pm.cvegeo), '') from problem_municipalities pm where pm.problem_id = p.id) as places,
             ${publicCommitmentNumbers(sql.raw('o.problem_id = p.id'))} as commitments
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
        compromisos: row.commitments,
      };
    });
  },
};

/**
 * Supports of each problem per day (by UTC date): counts only, never who supported. A problem's supports include
 * those of the problems merged into it, each person once, on the day they first counted.
 */
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
      from ${countedSupports} s join problems p on p.id = s.problem_id join exercises e on e.id = p.exercise_id
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
 * The reasoned response of every exercise: each problem and proposal, its outcome, the reason, the explanation, who
 * decided, the agreement and the commitments it became.
 */
export const reasonedResponsesDataset: Dataset = {
  id: 'respuesta-razonada',
  title: 'cocreation.data.responses.title',
  description: 'cocreation.data.responses.description',
  source: 'cocreation.data.source',
  primaryKey: ['ejercicio', 'tipo', 'numero'],
  foreignKeys: [{ fields: ['ejercicio'], reference: { dataset: 'ejercicios', fields: ['clave'] } }],
  keywords: ['respuesta razonada', 'problemas públicos', 'propuestas', 'rendición de cuentas'],
  fields: [
    { name: 'ejercicio', type: 'string', description: 'cocreation.data.field.exercise' },
    { name: 'tipo', type: 'string', description: 'cocreation.data.field.subjectType' },
    { name: 'numero', type: 'integer', description: 'cocreation.data.field.subjectNumber' },
    { name: 'titulo', type: 'string', description: 'cocreation.data.field.title' },
    { name: 'estado', type: 'string', description: 'cocreation.data.field.subjectStatus' },
    { name: 'apoyos', type: 'integer', description: 'cocreation.data.field.subjectSupports' },
    { name: 'resultado', type: 'string', description: 'cocreation.data.field.outcome' },
    { name: 'motivo', type: 'string', description: 'cocreation.data.field.reasonCode' },
    { name: 'explicacion', type: 'string', description: 'cocreation.data.field.explanation' },
    { name: 'decidio', type: 'string', description: 'cocreation.data.field.decider' },
    { name: 'institucion', type: 'string', description: 'cocreation.data.field.institution' },
    { name: 'acuerdo', type: 'string', description: 'cocreation.data.field.agreement' },
    { name: 'fusionado_en', type: 'integer', description: 'cocreation.data.field.mergedInto' },
    { name: 'fecha_decision', type: 'datetime', description: 'cocreation.data.field.decidedAt' },
    { name: 'problema', type: 'integer', description: 'cocreation.data.field.answersProblem' },
    commitmentsField,
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
      problema: row.problemNumber,
      compromisos: row.commitmentNumbers.join(';'),
    })),
};

/** Every proposal of every exercise: the problem it answers, its status and the commitments it became. */
export const proposalsDataset: Dataset = {
  id: 'propuestas',
  title: 'cocreation.data.proposals.title',
  description: 'cocreation.data.proposals.description',
  source: 'cocreation.data.source',
  primaryKey: ['ejercicio', 'numero'],
  foreignKeys: [
    { fields: ['ejercicio'], reference: { dataset: 'ejercicios', fields: ['clave'] } },
    { fields: ['ejercicio', 'problema'], reference: { dataset: 'problemas', fields: ['ejercicio', 'numero'] } },
  ],
  keywords: ['propuestas', 'co-creación', 'participación ciudadana'],
  fields: [
    { name: 'ejercicio', type: 'string', description: 'cocreation.data.field.exercise' },
    { name: 'numero', type: 'integer', description: 'cocreation.data.field.proposalNumber' },
    { name: 'problema', type: 'integer', description: 'cocreation.data.field.answersProblem' },
    { name: 'titulo', type: 'string', description: 'cocreation.data.field.title' },
    { name: 'descripcion', type: 'string', description: 'cocreation.data.field.proposalText' },
    { name: 'canal', type: 'string', description: 'cocreation.data.field.proposalChannel' },
    { name: 'estado', type: 'string', description: 'cocreation.data.field.proposalStatus' },
    { name: 'oculto', type: 'boolean', description: 'cocreation.data.field.hidden' },
    { name: 'motivo_ocultamiento', type: 'string', description: 'cocreation.data.field.hiddenReason' },
    { name: 'registrado', type: 'datetime', description: 'cocreation.data.field.proposedAt' },
    commitmentsField,
    { name: 'mesa', type: 'integer', description: 'cocreation.data.field.proposalTable' },
  ],
  rows: async (db) => {
    const result = await db.execute(sql`
      select e.slug, q.number, p.number as problem, q.title, q.description, q.channel, q.status, q.hidden_at,
             q.hidden_reason, q.created_at, ${publicCommitmentNumbers(sql.raw('o.proposal_id = q.id'))} as commitments,
             w.number as table_number
      from proposals q join exercises e on e.id = q.exercise_id join problems p on p.id = q.problem_id
      left join workshops w on w.id = q.workshop_id
      order by e.period_start desc, e.slug, q.number`);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => {
      const isHidden = row.hidden_at !== null;
      return {
        ejercicio: row.slug,
        numero: Number(row.number),
        problema: Number(row.problem),
        titulo: isHidden ? null : row.title,
        descripcion: isHidden ? null : row.description,
        canal: row.channel,
        estado: row.status,
        oculto: isHidden,
        motivo_ocultamiento: row.hidden_reason,
        registrado: isoDate(row.created_at as Date),
        compromisos: row.commitments,
        mesa: row.table_number === null ? null : Number(row.table_number),
      };
    });
  },
};

/**
 * Every co-creation table of every exercise: when and where, who facilitated, its figures (places taken, waiting
 * list, attendance: never who), the organisations that attended, its problems and the proposals that came out of it.
 */
export const tablesDataset: Dataset = {
  id: 'mesas',
  title: 'cocreation.data.tables.title',
  description: 'cocreation.data.tables.description',
  source: 'cocreation.data.source',
  primaryKey: ['ejercicio', 'numero'],
  foreignKeys: [{ fields: ['ejercicio'], reference: { dataset: 'ejercicios', fields: ['clave'] } }],
  keywords: ['mesas de co-creación', 'co-creación', 'participación ciudadana'],
  fields: [
    { name: 'ejercicio', type: 'string', description: 'cocreation.data.field.exercise' },
    { name: 'numero', type: 'integer', description: 'cocreation.data.field.tableNumber' },
    { name: 'titulo', type: 'string', description: 'cocreation.data.field.tableTitle' },
    { name: 'inicio', type: 'datetime', description: 'cocreation.data.field.startsAt' },
    { name: 'fin', type: 'datetime', description: 'cocreation.data.field.endsAt' },
    { name: 'lugar', type: 'string', description: 'cocreation.data.field.place' },
    { name: 'enlace', type: 'string', description: 'cocreation.data.field.onlineUrl' },
    { name: 'facilita', type: 'string', description: 'cocreation.data.field.facilitator' },
    { name: 'cupo', type: 'integer', description: 'cocreation.data.field.capacity' },
    { name: 'con_lugar', type: 'integer', description: 'cocreation.data.field.registered' },
    { name: 'en_espera', type: 'integer', description: 'cocreation.data.field.waitlisted' },
    { name: 'asistentes', type: 'integer', description: 'cocreation.data.field.attended' },
    { name: 'estado', type: 'string', description: 'cocreation.data.field.tableStatus' },
    {
      name: 'problemas',
      type: 'string',
      description: 'cocreation.data.field.tableProblems',
      pattern: '^([0-9]+(;[0-9]+)*)?$',
      separator: ';',
    },
    { name: 'organizaciones', type: 'string', description: 'cocreation.data.field.organisations', separator: ';' },
    {
      name: 'propuestas',
      type: 'string',
      description: 'cocreation.data.field.tableProposals',
      pattern: '^([0-9]+(;[0-9]+)*)?$',
      separator: ';',
    },
  ],
  rows: async (db) => {
    const result = await db.execute(sql`
      select e.slug, w.number, w.title, w.starts_at, w.ends_at, w.place, w.online_url, w.facilitator, w.capacity,
             w.status, w.attending_organisations,
             (select count(*)::int from workshop_registrations r where r.workshop_id = w.id and r.status = 'registered') as registered,
             (select count(*)::int from workshop_registrations r where r.workshop_id = w.id and r.status = 'waitlisted') as waitlisted,
             (select count(*)::int from workshop_registrations r where r.workshop_id = w.id and r.status <> 'cancelled' and r.attended) as attended,
             (select coalesce(string_agg(p.number::text, ';' order by p.number), '') from workshop_problems wp join problems p on p.id = wp.problem_id where wp.workshop_id = w.id) as problems,
             (select coalesce(string_agg(q.number::text, ';' order by q.number), '') from proposals q where q.workshop_id = w.id and q.hidden_at is null) as proposals
      from workshops w join exercises e on e.id = w.exercise_id
      order by e.period_start desc, e.slug, w.number`);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((row) => ({
      ejercicio: row.slug,
      numero: Number(row.number),
      titulo: row.title,
      inicio: isoDate(row.starts_at as Date),
      fin: isoDate(row.ends_at as Date),
      lugar: row.place,
      enlace: row.online_url,
      facilita: row.facilitator,
      cupo: Number(row.capacity),
      con_lugar: Number(row.registered),
      en_espera: Number(row.waitlisted),
      asistentes: Number(row.attended),
      estado: row.status,
      problemas: row.problems,
      organizaciones:
        row.attending_organisations === null ? '' : String(row.attending_organisations).split('\n').join(';'),
      propuestas: row.proposals,
    }));
  },
};

export const cocreationDatasets = [
  problemsDataset,
  problemSupportsDataset,
  tablesDataset,
  proposalsDataset,
  reasonedResponsesDataset,
];
