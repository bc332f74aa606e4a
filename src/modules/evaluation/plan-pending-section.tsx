import { and, count, eq, ne, notExists } from 'drizzle-orm';
import { pageSection } from '../../kernel/page-sections.js';
import { planPendingSlot } from '../plan/core/plan-time.js';
import { commitments } from '../plan/read-models.js';
import { endAssessments, progressReports } from './schema.js';

/**
 * On the page of a plan whose period ended: how many commitments still lack their final report, and their
 * end-of-term assessment, with a link to the results page.
 */
export const evaluationPendingSection = pageSection({
  slot: planPendingSlot,
  id: 'evaluation.plan-pending',
  async load({ db, request, subject }) {
    const ofPlan = and(eq(commitments.planId, subject.planId), ne(commitments.status, 'cancelled'));
    const [noFinalReport, noAssessment] = await Promise.all([
      db
        .select({ n: count() })
        .from(commitments)
        .where(
          and(
            ofPlan,
            notExists(
              db
                .select({ id: progressReports.id })
                .from(progressReports)
                .where(and(eq(progressReports.commitmentId, commitments.id), eq(progressReports.period, 'final'))),
            ),
          ),
        ),
      db
        .select({ n: count() })
        .from(commitments)
        .where(
          and(
            ofPlan,
            notExists(
              db
                .select({ id: endAssessments.id })
                .from(endAssessments)
                .where(eq(endAssessments.commitmentId, commitments.id)),
            ),
          ),
        ),
    ]);
    const reports = noFinalReport[0]?.n ?? 0;
    const assessments = noAssessment[0]?.n ?? 0;
    const results = `/ejercicios/${subject.exerciseSlug}/plan/resultados`;
    return (
      <>
        <li>
          {reports > 0
            ? request.t('evaluation.pending.finalReports', { count: reports })
            : request.t('evaluation.pending.finalReportsDone')}
        </li>
        <li>
          {assessments > 0
            ? request.t('evaluation.pending.assessments', { count: assessments })
            : request.t('evaluation.pending.assessmentsDone')}{' '}
          <a href={results}>{request.t('evaluation.pending.results')}</a>
        </li>
      </>
    );
  },
});
