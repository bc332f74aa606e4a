import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Dataset, DatasetField } from '../../../kernel/dataset.js';
import { exercises } from '../../exercises/schema.js';
import { lessons } from '../schema.js';

const field = (name: string, type: DatasetField['type'], key: string, required = false): DatasetField => ({
  name,
  type,
  description: `evaluationLessons.field.${key}` as DatasetField['description'],
  ...(required ? { required } : {}),
});

async function lessonRows(db: Db) {
  return db
    .select({
      ejercicio: exercises.slug,
      id: lessons.id,
      tema: lessons.theme,
      hallazgo: lessons.finding,
      recomendacion: lessons.recommendation,
      fuente: lessons.source,
      creado: lessons.createdAt,
      actualizado: lessons.updatedAt,
    })
    .from(lessons)
    .innerJoin(exercises, eq(exercises.id, lessons.exerciseId))
    .orderBy(asc(exercises.slug), asc(lessons.createdAt), asc(lessons.id));
}

/** The lessons learned of every exercise (they name no person). */
export const lessonsDataset: Dataset = {
  id: 'lecciones',
  title: 'evaluationLessons.dataset.title',
  description: 'evaluationLessons.dataset.description',
  source: 'evaluationLessons.dataset.source',
  primaryKey: ['id'],
  foreignKeys: [{ fields: ['ejercicio'], reference: { dataset: 'ejercicios', fields: ['clave'] } }],
  keywords: ['lecciones aprendidas', 'evaluación', 'gobierno abierto', 'recomendaciones'],
  fields: [
    field('ejercicio', 'string', 'exercise', true),
    field('id', 'string', 'id'),
    field('tema', 'string', 'theme', true),
    field('hallazgo', 'string', 'finding', true),
    field('recomendacion', 'string', 'recommendation', true),
    field('fuente', 'string', 'source', true),
    field('creado', 'datetime', 'createdAt', true),
    field('actualizado', 'datetime', 'updatedAt', true),
  ],
  rows: lessonRows,
};
