import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { assertHoldsRole, type ActingParty } from '../../../kernel/actor.js';
import { notFound } from '../../../shared/errors.js';
import { exercises } from '../../exercises/schema.js';
import { actionPlans, planIsPublic } from '../../plan/read-models.js';
import { resultsReports } from '../schema.js';

const reportText = (field: string) => z.string().trim().max(20_000, `${field}.tooLong`);
export const reportTextsInput = z.object({ summary: reportText('summary'), conclusions: reportText('conclusions') });
export type ReportTextsInput = z.input<typeof reportTextsInput>;

/** Who writes and publishes an exercise's results report: admins (the convening body) and evaluators. */
export const reportAuthors = ['admin', 'evaluator'] as const;

/**
 * Admins and evaluators write the texts of an exercise's results report (the summary's introduction and the
 * conclusions). They stay off the portal until the report is published, which freezes them with everything else.
 */
export async function saveReportTexts(
  db: Db,
  exerciseId: string,
  input: ReportTextsInput,
  options: { actor: ActingParty },
) {
  assertHoldsRole(options.actor, ...reportAuthors);
  const values = reportTextsInput.parse(input);
  const [exercise] = await db.select({ id: exercises.id }).from(exercises).where(eq(exercises.id, exerciseId));
  if (!exercise) throw notFound('exercise');
  const [row] = await db
    .insert(resultsReports)
    .values({ exerciseId, ...values })
    .onConflictDoUpdate({ target: resultsReports.exerciseId, set: values })
    .returning();
  return row!;
}

/** What the authors' page of a report needs: the exercise, the texts written so far and whether it has a public plan. */
export async function getReportDraft(db: Db, slug: string) {
  const [row] = await db
    .select({
      exercise: { id: exercises.id, slug: exercises.slug, title: exercises.title },
      summary: resultsReports.summary,
      conclusions: resultsReports.conclusions,
      planId: actionPlans.id,
    })
    .from(exercises)
    .leftJoin(resultsReports, eq(resultsReports.exerciseId, exercises.id))
    .leftJoin(actionPlans, and(eq(actionPlans.exerciseId, exercises.id), planIsPublic(actionPlans.status)))
    .where(eq(exercises.slug, slug));
  if (!row) throw notFound('exercise');
  return {
    exercise: row.exercise,
    texts: { summary: row.summary ?? '', conclusions: row.conclusions ?? '' },
    hasPlan: row.planId !== null,
  };
}
