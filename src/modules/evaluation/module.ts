import { publicBaseUrl } from '../../config.js';
import type { ModuleManifest } from '../../kernel/manifest.js';
import { deadlineSettings } from './deadlines.js';
import { DEADLINE_REMINDERS_CRON, DEADLINE_REMINDERS_QUEUE, sendDeadlineReminders } from './send-deadline-reminders.js';
import { evaluationDeskSection, evaluationWorkSection } from './work-sections.js';
import { evaluationPendingSection } from './plan-pending-section.js';
import { commitmentEvaluationRoutes } from './commitment-evaluation-routes.js';
import { designAssessmentRoutes } from './design-assessment-routes.js';
import { endAssessmentRoutes } from './end-assessment-routes.js';
import { evaluationMethodRoutes } from './method-routes.js';
import { progressReportRoutes } from './progress-report-routes.js';
import { resultsRoutes } from './results-routes.js';
import { evaluationWorkRoutes } from './work-routes.js';
import { evaluationDatasets } from './datasets.js';
import { evaluationDemo } from './demo.js';
import { lateAssessmentsSection } from './late-assessments-section.js';
import { evaluationPersonalData } from './personal-data.js';
import { evaluationMessages } from './messages.js';
import { evaluationLessonsMessages } from './lessons/messages.js';
import { evaluationReportMessages } from './report/messages.js';
import { reportRoutes } from './report/report-routes.js';
import { reportStaffRoutes } from './report/report-staff-routes.js';
import { lessonsDataset } from './lessons/datasets.js';
import { lessonRoutes } from './lessons/lesson-routes.js';
import { nextExerciseRoutes } from './lessons/next-exercise-routes.js';
import { lessons, resultsReportVersions } from './schema.js';
import { evaluationRecordFields, reportTitle } from './history-fields.js';

/**
 * Evaluation: the lead institutions' progress reports, independent assessments on the IRM scales (design and end,
 * with the method stored) and the public results page that sets declared, computed and assessed side by side; the
 * results report of each exercise with its published versions and the process indicators (room `report`); the
 * lessons learned and the next exercise started from a previous one (room `lessons`).
 */
export const evaluationModule: ModuleManifest = {
  name: 'evaluation',
  messages: [evaluationMessages, evaluationReportMessages, evaluationLessonsMessages],
  routes: (app, deps) => {
    resultsRoutes(app, deps);
    commitmentEvaluationRoutes(app, deps);
    evaluationWorkRoutes(app, deps);
    progressReportRoutes(app, deps);
    designAssessmentRoutes(app, deps);
    endAssessmentRoutes(app, deps);
    evaluationMethodRoutes(app, deps);
    reportRoutes(app, deps);
    reportStaffRoutes(app, deps);
    lessonRoutes(app, deps);
    nextExerciseRoutes(app, deps);
  },
  records: {
    progress_report: {
      owner: async (_db, entry) => commitmentOf(entry),
      fields: evaluationRecordFields.progress_report,
      title: reportTitle,
      publicFields: [
        'id',
        'commitmentId',
        'institutionId',
        'period',
        'reportedOn',
        'declaredStatus',
        'narrative',
        'progressAtReport',
        'createdAt',
      ],
    },
    design_assessment: {
      owner: async (_db, entry) => commitmentOf(entry),
      fields: evaluationRecordFields.design_assessment,
      publicFields: [
        'id',
        'commitmentId',
        'method',
        'assessedOn',
        'assessorName',
        'assessorOrganisation',
        'verifiability',
        'ogValues',
        'potential',
        'potentialJustification',
        'isPromising',
        'promisingJustification',
        'createdAt',
      ],
    },
    end_assessment: {
      owner: async (_db, entry) => commitmentOf(entry),
      fields: evaluationRecordFields.end_assessment,
      publicFields: [
        'id',
        'commitmentId',
        'method',
        'assessedOn',
        'assessorName',
        'assessorOrganisation',
        'completion',
        'completeJustification',
        'openedGovernment',
        'narrative',
        'evidenceUrls',
        'finalReportId',
        'progressAtAssessment',
        'createdAt',
      ],
    },
    evaluation_method: {
      publicFields: ['exerciseId', 'method', 'createdAt'],
      fields: evaluationRecordFields.evaluation_method,
    },
    /** A published version of a results report: its number and the SHA-256 of its downloadable source. */
    results_report_version: {
      publicFields: ['id', 'exerciseId', 'version', 'sha256', 'publishedAt'],
      fields: evaluationRecordFields.results_report_version,
      liveTable: resultsReportVersions,
    },
    lesson: {
      publicFields: ['id', 'exerciseId', 'theme', 'finding', 'recommendation', 'source'],
      fields: evaluationRecordFields.lesson,
      liveTable: lessons,
    },
    /** Whether an exercise addressed a lesson of the one it started from (record id: the lesson's). */
    lesson_follow_up: {
      publicFields: ['exerciseId', 'lessonId', 'status', 'note'],
      fields: evaluationRecordFields.lesson_follow_up,
    },
    /** An exercise started from a previous one: the composition and the lessons it carried over. */
    exercise_origin: {
      publicFields: ['exerciseId', 'previousExerciseId', 'quorumRule', 'seats', 'lessonIds'],
      fields: evaluationRecordFields.exercise_origin,
    },
  },
  datasets: [...evaluationDatasets, lessonsDataset],
  sections: [lateAssessmentsSection, evaluationDeskSection, evaluationWorkSection, evaluationPendingSection],
  jobs: [
    {
      queue: DEADLINE_REMINDERS_QUEUE,
      cron: DEADLINE_REMINDERS_CRON,
      retryLimit: 3,
      retryDelaySeconds: 300,
      expireInSeconds: 600,
      async run({ db, config, logger }) {
        const sent = await sendDeadlineReminders(db, {
          settings: deadlineSettings(config),
          now: new Date(),
          timeZone: config.TIME_ZONE,
          baseUrl: publicBaseUrl(config),
          siteName: config.SITE_NAME,
        });
        if (sent.emails > 0)
          logger.info(
            sent,
            `Evaluation: reminded evaluators of ${sent.items} late assessment(s) in ${sent.emails} e-mail(s)`,
          );
      },
    },
  ],
  demo: evaluationDemo,
  personalData: evaluationPersonalData,
};

/** Reports and assessments reach the followers of their commitment (its id is in the logged row). */
function commitmentOf(entry: { after: unknown; before: unknown }) {
  const row = (entry.after ?? entry.before ?? {}) as { commitmentId?: unknown };
  return typeof row.commitmentId === 'string' ? { recordType: 'commitment', recordId: row.commitmentId } : undefined;
}
