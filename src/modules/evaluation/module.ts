import type { ModuleManifest } from '../../kernel/manifest.js';
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
import { evaluationPersonalData } from './personal-data.js';
import { evaluationMessages } from './messages.js';
import { evaluationRecordFields, reportTitle } from './history-fields.js';

/**
 * Evaluation: the lead institutions' progress reports, independent assessments on the IRM scales (design and end,
 * with the method stored) and the public results page that sets declared, computed and assessed side by side.
 */
export const evaluationModule: ModuleManifest = {
  name: 'evaluation',
  sections: [evaluationDeskSection, evaluationWorkSection, evaluationPendingSection],
  messages: [evaluationMessages],
  routes: (app, deps) => {
    resultsRoutes(app, deps);
    commitmentEvaluationRoutes(app, deps);
    evaluationWorkRoutes(app, deps);
    progressReportRoutes(app, deps);
    designAssessmentRoutes(app, deps);
    endAssessmentRoutes(app, deps);
    evaluationMethodRoutes(app, deps);
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
  },
  datasets: evaluationDatasets,
  demo: evaluationDemo,
  personalData: evaluationPersonalData,
};

/** Reports and assessments reach the followers of their commitment (its id is in the logged row). */
function commitmentOf(entry: { after: unknown; before: unknown }) {
  const row = (entry.after ?? entry.before ?? {}) as { commitmentId?: unknown };
  return typeof row.commitmentId === 'string' ? { recordType: 'commitment', recordId: row.commitmentId } : undefined;
}
