import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Dataset, DatasetField } from '../../kernel/dataset.js';
import { institutions } from '../directory/schema.js';
import { exercises } from '../exercises/schema.js';
import { actionPlans, commitmentIsPublic, commitments } from '../plan/read-models.js';
import { isStarred } from './scales.js';
import { designAssessments, endAssessments, progressReports } from './schema.js';

/*
 * The evaluation's open data: assessments (one row per assessed commitment) and progress reports. Only public
 * commitments; no account of anyone: an evaluator appears by the public name and organisation they signed with, a
 * report by its institution.
 */

const field = (name: string, type: DatasetField['type'], key: string): DatasetField => ({
  name,
  type,
  description: `evaluation.field.${key}` as DatasetField['description'],
});

const commitmentColumns = {
  ejercicio: exercises.slug,
  compromiso_numero: commitments.number,
  compromiso_id: commitments.id,
  compromiso: commitments.title,
  institucion_responsable: institutions.name,
};

async function assessmentRows(db: Db) {
  const rows = await db
    .select({ ...commitmentColumns, design: designAssessments, end: endAssessments })
    .from(commitments)
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, commitments.leadInstitutionId))
    .leftJoin(designAssessments, eq(designAssessments.commitmentId, commitments.id))
    .leftJoin(endAssessments, eq(endAssessments.commitmentId, commitments.id))
    .where(commitmentIsPublic(commitments.status, actionPlans.status))
    .orderBy(asc(exercises.slug), asc(commitments.number));
  return rows
    .filter((r) => r.design || r.end)
    .map(({ design, end, ...commitment }) => {
      const starred = design
        ? isStarred(
            {
              method: design.method,
              verifiability: design.verifiability,
              values: design.ogValues,
              potential: design.potential,
            },
            end?.completion,
          )
        : undefined;
      return {
        ...commitment,
        metodo: design?.method ?? end?.method ?? null,
        verificabilidad: design?.verifiability ?? null,
        valores_gobierno_abierto: design?.ogValues ?? null,
        potencial: design?.potential ?? null,
        potencial_justificacion: design?.potentialJustification ?? null,
        prometedor: design ? (design.method === 'irm_2021' ? design.isPromising : null) : null,
        prometedor_justificacion: design?.promisingJustification ?? null,
        diseno_fecha: design?.assessedOn ?? null,
        diseno_evaluo: design?.assessorName ?? null,
        diseno_organizacion: design?.assessorOrganisation ?? null,
        cumplimiento: end?.completion ?? null,
        abrio_gobierno: end?.openedGovernment ?? null,
        narrativa: end?.narrative ?? null,
        evidencia: end ? end.evidenceUrls.join('; ') : null,
        avance_al_evaluar: end?.progressAtAssessment ?? null,
        justificacion_completo: end?.completeJustification ?? null,
        cierre_fecha: end?.assessedOn ?? null,
        cierre_evaluo: end?.assessorName ?? null,
        cierre_organizacion: end?.assessorOrganisation ?? null,
        estelar: starred ?? null,
      };
    });
}

async function reportRows(db: Db) {
  return db
    .select({
      ...commitmentColumns,
      id: progressReports.id,
      periodo: progressReports.period,
      estado_declarado: progressReports.declaredStatus,
      avance_al_informar: progressReports.progressAtReport,
      fecha: progressReports.reportedOn,
      texto: progressReports.narrative,
    })
    .from(progressReports)
    .innerJoin(commitments, eq(commitments.id, progressReports.commitmentId))
    .innerJoin(actionPlans, eq(actionPlans.id, commitments.planId))
    .innerJoin(exercises, eq(exercises.id, actionPlans.exerciseId))
    .innerJoin(institutions, eq(institutions.id, progressReports.institutionId))
    .where(commitmentIsPublic(commitments.status, actionPlans.status))
    .orderBy(asc(exercises.slug), asc(commitments.number), asc(progressReports.reportedOn));
}

const commitmentFields = [
  field('ejercicio', 'string', 'exercise'),
  field('compromiso_numero', 'integer', 'commitmentNumber'),
  field('compromiso_id', 'string', 'commitmentId'),
  field('compromiso', 'string', 'commitmentTitle'),
];

export const evaluationDatasets: readonly Dataset[] = [
  {
    id: 'evaluaciones',
    title: 'evaluation.dataset.assessments.title',
    description: 'evaluation.dataset.assessments.description',
    source: 'evaluation.dataset.source',
    primaryKey: ['compromiso_id'],
    foreignKeys: [{ fields: ['compromiso_id'], reference: { dataset: 'compromisos', fields: ['id'] } }],
    keywords: ['evaluación', 'IRM', 'compromisos', 'cumplimiento'],
    fields: [
      ...commitmentFields,
      field('institucion_responsable', 'string', 'leadInstitution'),
      field('metodo', 'string', 'method'),
      field('verificabilidad', 'string', 'verifiability'),
      field('valores_gobierno_abierto', 'json', 'values'),
      field('potencial', 'string', 'potential'),
      field('potencial_justificacion', 'string', 'potentialJustification'),
      field('prometedor', 'boolean', 'promising'),
      field('prometedor_justificacion', 'string', 'promisingJustification'),
      field('diseno_fecha', 'date', 'designAssessedOn'),
      field('diseno_evaluo', 'string', 'assessorName'),
      field('diseno_organizacion', 'string', 'assessorOrganisation'),
      field('cumplimiento', 'string', 'completion'),
      field('abrio_gobierno', 'string', 'openedGovernment'),
      field('narrativa', 'string', 'endNarrative'),
      { ...field('evidencia', 'string', 'evidence'), separator: '; ' },
      field('avance_al_evaluar', 'number', 'progressAtAssessment'),
      field('justificacion_completo', 'string', 'completeJustification'),
      field('cierre_fecha', 'date', 'endAssessedOn'),
      field('cierre_evaluo', 'string', 'assessorName'),
      field('cierre_organizacion', 'string', 'assessorOrganisation'),
      field('estelar', 'boolean', 'starred'),
    ],
    rows: assessmentRows,
  },
  {
    id: 'informes-avance',
    title: 'evaluation.dataset.reports.title',
    description: 'evaluation.dataset.reports.description',
    source: 'evaluation.dataset.source',
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['compromiso_id'], reference: { dataset: 'compromisos', fields: ['id'] } }],
    keywords: ['informes de avance', 'compromisos', 'rendición de cuentas'],
    fields: [
      ...commitmentFields,
      field('institucion_responsable', 'string', 'institution'),
      field('id', 'string', 'reportId'),
      field('periodo', 'string', 'period'),
      field('estado_declarado', 'string', 'declaredStatus'),
      field('avance_al_informar', 'number', 'progressAtReport'),
      field('fecha', 'date', 'reportedOn'),
      field('texto', 'string', 'narrative'),
    ],
    rows: reportRows,
  },
];
