import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../shared/errors.js';
import { exercises } from '../../exercises/schema.js';
import { resultsReportVersions } from '../schema.js';
import type { ResultsReportContent } from './build-results-report.js';

/** The published versions of an exercise's results report, the latest first (no content). */
export async function listReportVersions(db: Db, exerciseId: string) {
  return db
    .select({
      version: resultsReportVersions.version,
      sha256: resultsReportVersions.sha256,
      publishedAt: resultsReportVersions.publishedAt,
    })
    .from(resultsReportVersions)
    .where(eq(resultsReportVersions.exerciseId, exerciseId))
    .orderBy(desc(resultsReportVersions.version));
}
export type ReportVersionEntry = Awaited<ReturnType<typeof listReportVersions>>[number];

/** An exercise by its slug with the versions of its results report (none yet: an empty list); else not found. */
export async function getReportVersions(db: Db, slug: string) {
  const [exercise] = await db
    .select({ id: exercises.id, slug: exercises.slug, title: exercises.title })
    .from(exercises)
    .where(eq(exercises.slug, slug));
  if (!exercise) throw notFound('exercise');
  return { exercise, versions: await listReportVersions(db, exercise.id) };
}

/**
 * One published version of an exercise's results report: its stored source exactly as frozen (`text`, the bytes its
 * hash covers) and parsed for the document; the latest one when `version` is undefined. Else not found.
 */
export async function getReportVersion(db: Db, slug: string, version?: number) {
  const [row] = await db
    .select({
      version: resultsReportVersions.version,
      sha256: resultsReportVersions.sha256,
      publishedAt: resultsReportVersions.publishedAt,
      text: resultsReportVersions.content,
    })
    .from(resultsReportVersions)
    .innerJoin(exercises, eq(exercises.id, resultsReportVersions.exerciseId))
    .where(
      and(eq(exercises.slug, slug), version === undefined ? undefined : eq(resultsReportVersions.version, version)),
    )
    .orderBy(desc(resultsReportVersions.version))
    .limit(1);
  if (!row) throw notFound('report');
  return { ...row, content: JSON.parse(row.text) as ResultsReportContent };
}
